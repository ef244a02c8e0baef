"""Flask's Request and Response (stand-in; see flask/__init__.py)."""
from urllib.parse import parse_qsl, unquote

from werkzeug.datastructures import CombinedMultiDict, EnvironHeaders, ImmutableMultiDict
from werkzeug.exceptions import BadRequest, UnsupportedMediaType
from werkzeug.http import parse_options_header
from werkzeug.wrappers import Response as _WerkzeugResponse

from . import json
from .globals import current_app

# Werkzeug request attributes this stand-in does not model: using one fails loudly.
_UNAVAILABLE_REQUEST_ATTRIBUTES = {
    "accept_charsets",
    "accept_encodings",
    "accept_languages",
    "accept_mimetypes",
    "access_control_request_headers",
    "access_control_request_method",
    "access_route",
    "authorization",
    "cache_control",
    "close",
    "content_encoding",
    "content_md5",
    "date",
    "if_match",
    "if_modified_since",
    "if_none_match",
    "if_range",
    "if_unmodified_since",
    "input_stream",
    "is_multiprocess",
    "is_multithread",
    "is_run_once",
    "max_forwards",
    "origin",
    "pragma",
    "range",
    "referrer",
    "remote_user",
    "server",
    "stream",
    "user_agent",
}


class Request:
    """The request a view sees as ``flask.request``.

    ``request.headers.get("authorization")`` is case-insensitive, ``request.args`` holds the
    query string, ``request.get_json()`` parses a JSON body (a 415 page if the body is not
    declared as JSON, a 400 page if it is not valid JSON).
    """

    json_module = json

    def __init__(self, method="GET", path="/", query_string=b"", headers=(), body=b""):
        self.method = method.upper()
        self.path = path
        self.query_string = query_string
        self.headers = EnvironHeaders(headers)
        self._body = body
        self.url_rule = None
        self.view_args = None
        self.routing_exception = None
        self._cached_json = (Ellipsis, Ellipsis)
        self._args = None
        self._form = None

    # -- where --------------------------------------------------------------------
    scheme = "http"
    host = "localhost"
    remote_addr = "127.0.0.1"
    root_path = ""
    script_root = ""
    blueprint = None
    blueprints = []

    @property
    def host_url(self):
        return "http://localhost/"

    url_root = host_url

    @property
    def base_url(self):
        return "http://localhost" + self.path

    @property
    def url(self):
        query = self.query_string.decode("latin-1")
        return self.base_url + ("?" + unquote(query) if query else "")

    @property
    def full_path(self):
        return f"{self.path}?{self.query_string.decode('latin-1')}"

    @property
    def endpoint(self):
        return self.url_rule.endpoint if self.url_rule is not None else None

    @property
    def environ(self):
        environ = {
            "REQUEST_METHOD": self.method,
            "PATH_INFO": self.path,
            "QUERY_STRING": self.query_string.decode("latin-1"),
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "REMOTE_ADDR": self.remote_addr,
            "wsgi.url_scheme": "http",
        }
        for name, value in self.headers:
            key = name.upper().replace("-", "_")
            environ[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key] = value
        return environ

    # -- query string and form ----------------------------------------------------------
    @property
    def args(self):
        if self._args is None:
            pairs = parse_qsl(self.query_string.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="replace")
            self._args = ImmutableMultiDict(pairs)
        return self._args

    @property
    def form(self):
        if self._form is None:
            if self.mimetype == "application/x-www-form-urlencoded":
                pairs = parse_qsl(self._body.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="replace")
                self._form = ImmutableMultiDict(pairs)
            elif self.mimetype == "multipart/form-data":
                raise NotImplementedError("Multipart form data is not available in the in-browser Flask stand-in")
            else:
                self._form = ImmutableMultiDict()
        return self._form

    @property
    def values(self):
        if self.method == "GET":
            return CombinedMultiDict([self.args])
        return CombinedMultiDict([self.args, self.form])

    @property
    def files(self):
        return ImmutableMultiDict()

    @property
    def cookies(self):
        return ImmutableMultiDict()

    # -- body ---------------------------------------------------------------------------
    def get_data(self, cache=True, as_text=False, parse_form_data=False):
        is_form = self.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data")
        if is_form and parse_form_data:
            self.form  # noqa: B018 - parsing the form consumes the body, as in Werkzeug
        # Once Werkzeug's form parser has read a form body, the raw data reads empty.
        data = b"" if is_form and self._form is not None else self._body
        return data.decode(errors="replace") if as_text else data

    @property
    def data(self):
        return self.get_data(parse_form_data=True)

    @property
    def content_type(self):
        return self.headers.get("Content-Type")

    @property
    def content_length(self):
        value = self.headers.get("Content-Length")
        if value is None:
            return None
        try:
            return max(0, int(value))
        except ValueError:
            return 0

    @property
    def mimetype(self):
        return parse_options_header(self.headers.get("Content-Type", ""))[0].lower()

    @property
    def mimetype_params(self):
        return parse_options_header(self.headers.get("Content-Type", ""))[1]

    @property
    def is_json(self):
        mimetype = self.mimetype
        return mimetype == "application/json" or (mimetype.startswith("application/") and mimetype.endswith("+json"))

    @property
    def json(self):
        return self.get_json()

    def get_json(self, force=False, silent=False, cache=True):
        if cache and self._cached_json[silent] is not Ellipsis:
            return self._cached_json[silent]
        if not (force or self.is_json):
            if not silent:
                return self.on_json_loading_failed(None)
            return None
        data = self.get_data(cache=cache)
        try:
            value = self.json_module.loads(data)
        except ValueError as error:
            if silent:
                value = None
                if cache:
                    self._cached_json = (self._cached_json[0], value)
            else:
                value = self.on_json_loading_failed(error)
                if cache:
                    self._cached_json = (value, self._cached_json[1])
        else:
            if cache:
                self._cached_json = (value, value)
        return value

    def on_json_loading_failed(self, e):
        try:
            if e is not None:
                raise BadRequest(f"Failed to decode JSON object: {e}")
            raise UnsupportedMediaType("Did not attempt to load JSON data because the request Content-Type was not 'application/json'.")
        except BadRequest as error:
            # Outside debug mode Flask hides the parser's message behind a generic 400.
            if current_app and current_app.debug:
                raise
            raise BadRequest() from error

    def __getattr__(self, name):
        if name in _UNAVAILABLE_REQUEST_ATTRIBUTES:
            raise NotImplementedError(f"request.{name} is not available in the in-browser Flask stand-in")
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __repr__(self):
        return f"<{type(self).__name__} {self.url!r} [{self.method}]>"


class Response(_WerkzeugResponse):
    """Flask's response: HTML by default (``text/html; charset=utf-8``)."""

    default_mimetype = "text/html"
    json_module = json
