"""URL rules and matching, after Werkzeug 3.1 (stand-in; see werkzeug/__init__.py).

Rules are matched segment by segment: a static segment beats a converter, a number
converter beats a string, a string beats a path, as Werkzeug's state machine does. A rule
ending in ``/`` requested without it answers 308 with the slashed URL.
"""
import re
import uuid
from urllib.parse import unquote

from .exceptions import HTTPException, MethodNotAllowed, NotFound
from .utils import redirect


class RoutingException(Exception):
    """Raised internally while matching a URL."""


class RequestRedirect(HTTPException, RoutingException):
    """The URL needs a trailing slash: answered with a 308 to ``new_url``."""

    code = 308

    def __init__(self, new_url):
        super().__init__(new_url)
        self.new_url = new_url

    def get_response(self, environ=None, scope=None):
        return redirect(self.new_url, self.code)


class ValidationError(ValueError):
    """A converter refuses a segment: the rule does not match."""


class BaseConverter:
    regex = "[^/]+"
    weight = 100
    part_isolating = True

    def __init__(self, map=None, *args, **kwargs):
        self.map = map

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


class UnicodeConverter(BaseConverter):
    def __init__(self, map=None, minlength=1, maxlength=None, length=None):
        super().__init__(map)
        if length is not None:
            length_text = f"{{{int(length)}}}"
        else:
            length_text = f"{{{int(minlength)},{'' if maxlength is None else int(maxlength)}}}"
        self.regex = f"[^/]{length_text}"


class AnyConverter(BaseConverter):
    def __init__(self, map=None, *items):
        super().__init__(map)
        self.regex = f"(?:{'|'.join(re.escape(item) for item in items)})"


class PathConverter(BaseConverter):
    regex = "[^/].*?"
    weight = 200
    part_isolating = False


class NumberConverter(BaseConverter):
    weight = 50
    num_convert = int

    def __init__(self, map=None, fixed_digits=0, min=None, max=None, signed=False):
        if signed:
            self.regex = self.signed_regex
        super().__init__(map)
        self.fixed_digits = fixed_digits
        self.min = min
        self.max = max
        self.signed = signed

    def to_python(self, value):
        if self.fixed_digits and len(value) != self.fixed_digits:
            raise ValidationError()
        value = self.num_convert(value)
        if (self.min is not None and value < self.min) or (self.max is not None and value > self.max):
            raise ValidationError()
        return value


class IntegerConverter(NumberConverter):
    regex = r"\d+"
    signed_regex = r"-?\d+"


class FloatConverter(NumberConverter):
    regex = r"\d+\.\d+"
    signed_regex = r"-?\d+\.\d+"
    num_convert = float

    def __init__(self, map=None, min=None, max=None, signed=False):
        super().__init__(map, min=min, max=max, signed=signed)


class UUIDConverter(BaseConverter):
    regex = r"[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}"

    def to_python(self, value):
        return uuid.UUID(value)


DEFAULT_CONVERTERS = {
    "default": UnicodeConverter,
    "string": UnicodeConverter,
    "any": AnyConverter,
    "path": PathConverter,
    "int": IntegerConverter,
    "float": FloatConverter,
    "uuid": UUIDConverter,
}

_RULE_PART = re.compile(r"<(?:(?P<converter>[a-zA-Z_][a-zA-Z0-9_]*)(?:\((?P<args>.*?)\))?:)?(?P<variable>[a-zA-Z_][a-zA-Z0-9_]*)>")


def _parse_converter_args(text):
    if not text:
        return (), {}
    args, kwargs = [], {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        name, equals, value = item.partition("=")
        if equals:
            kwargs[name.strip()] = _literal(value.strip())
        else:
            args.append(_literal(item))
    return tuple(args), kwargs


def _literal(text):
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    if text in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[text]
    return text.strip("'\"")


class Rule:
    """A URL rule such as ``/items/<int:item_id>`` with the methods it answers."""

    def __init__(self, string, methods=None, endpoint=None, strict_slashes=None, defaults=None, **options):
        if not string.startswith("/"):
            raise ValueError(f"URL rule '{string}' must start with a slash.")
        for option in ("host", "subdomain"):
            if options.get(option, "missing") is None:
                del options[option]
        unsupported = sorted(options)
        if unsupported:
            raise NotImplementedError(f"The route option {unsupported[0]!r} is not available in the in-browser Flask stand-in")
        if defaults:
            raise NotImplementedError("Route defaults are not available in the in-browser Flask stand-in")
        self.rule = string
        self.endpoint = endpoint
        self.strict_slashes = True if strict_slashes is None else strict_slashes
        if methods is not None:
            if isinstance(methods, str):
                raise TypeError("'methods' should be a list of strings.")
            methods = {method.upper() for method in methods}
            if "HEAD" not in methods and "GET" in methods:
                methods.add("HEAD")
        self.methods = methods
        self.arguments = set()
        self._converters = {}
        pattern = []
        self._weights = []
        position = 0
        for match in _RULE_PART.finditer(string):
            static = string[position : match.start()]
            pattern.append(re.escape(static))
            self._weights.extend((0, 0) for _ in static.strip("/").split("/") if _)
            converter_name = match.group("converter") or "default"
            variable = match.group("variable")
            if variable in self.arguments:
                raise ValueError(f"variable name {variable!r} used twice.")
            if converter_name not in DEFAULT_CONVERTERS:
                raise LookupError(f"the converter {converter_name!r} does not exist")
            args, kwargs = _parse_converter_args(match.group("args"))
            converter = DEFAULT_CONVERTERS[converter_name](None, *args, **kwargs)
            self._converters[variable] = converter
            self.arguments.add(variable)
            pattern.append(f"(?P<{variable}>{converter.regex})")
            self._weights.append((1, converter.weight))
            position = match.end()
        static = string[position:]
        pattern.append(re.escape(static))
        self._weights.extend((0, 0) for _ in static.strip("/").split("/") if _)
        regex = "".join(pattern)
        self._ends_with_slash = string.endswith("/") and string != "/"
        self._regex = re.compile(f"^{regex}$")
        self._regex_without_slash = re.compile(f"^{regex[:-1]}$") if self._ends_with_slash else None

    def _convert(self, match):
        values = {}
        for name, converter in self._converters.items():
            try:
                values[name] = converter.to_python(match.group(name))
            except (ValidationError, ValueError):
                return None
        return values

    def match(self, path):
        """The converted values if the path matches, else None; 'redirect' when only a slash is missing."""
        found = self._regex.match(path)
        if found is not None:
            return self._convert(found)
        if self._regex_without_slash is not None:
            found = self._regex_without_slash.match(path)
            if found is not None and self._convert(found) is not None:
                return "redirect" if self.strict_slashes else self._convert(found)
        return None

    @property
    def sort_key(self):
        # Werkzeug tries static parts before converters, segment by segment.
        return tuple(self._weights)

    def __str__(self):
        return self.rule

    def __repr__(self):
        methods = f" ({', '.join(sorted(self.methods))})" if self.methods is not None else ""
        return f"<{type(self).__name__} {self.rule!r}{methods} -> {self.endpoint}>"


class Map:
    """The app's URL rules (``app.url_map``)."""

    default_converters = DEFAULT_CONVERTERS

    def __init__(self, rules=None, strict_slashes=True):
        self._rules = []
        self.strict_slashes = strict_slashes
        self.converters = dict(DEFAULT_CONVERTERS)
        for rule in rules or ():
            self.add(rule)

    def add(self, rule):
        self._rules.append(rule)

    def iter_rules(self, endpoint=None):
        return iter([rule for rule in self._rules if endpoint is None or rule.endpoint == endpoint])

    def match(self, path, method, query_string="", url_root="http://localhost"):
        """Finds (rule, values) for the decoded path, or raises NotFound, MethodNotAllowed, RequestRedirect."""
        matches = []
        wants_slash = []
        for index, rule in enumerate(self._rules):
            values = rule.match(path)
            if values == "redirect":
                wants_slash.append(rule)
            elif values is not None:
                matches.append((rule.sort_key, index, rule, values))
        matches.sort(key=lambda item: (item[0], item[1]))
        for _, _, rule, values in matches:
            if rule.methods is None or method in rule.methods:
                return rule, values
        if matches:
            allowed = set()
            for _, _, rule, _ in matches:
                allowed.update(rule.methods or ())
            # Werkzeug lists a set here, in an order that changes from run to run; sorted is stable.
            raise MethodNotAllowed(valid_methods=sorted(allowed))
        if wants_slash:
            query = f"?{query_string}" if query_string else ""
            raise RequestRedirect(f"{url_root}{_quote_path(path)}/{query}")
        raise NotFound()

    def allowed_methods(self, path):
        allowed = set()
        for rule in self._rules:
            values = rule.match(path)
            if values is not None and values != "redirect":
                allowed.update(rule.methods or ())
        return sorted(allowed)

    def bind(self, *args, **kwargs):
        raise NotImplementedError("Map.bind is not available in the in-browser Flask stand-in")

    def __repr__(self):
        return f"{type(self).__name__}({self._rules!r})"


def _quote_path(path):
    from urllib.parse import quote

    return quote(path, safe="/:@!$&'()*+,;=-._~")


__all__ = ["Map", "Rule", "RequestRedirect", "RoutingException", "BaseConverter", "ValidationError", "unquote"]
