"""Headers and multi-value dictionaries, as in Werkzeug 3.1 (stand-in; see werkzeug/__init__.py)."""
from .exceptions import BadRequestKeyError


def _header_value(value):
    text = value if isinstance(value, str) else str(value)
    if "\n" in text or "\r" in text:
        raise ValueError("Header values must not contain newline characters.")
    return text


def _convert(value, type):
    if type is None:
        return value
    return type(value)


class Headers:
    """An ordered list of (name, value) pairs whose names are case-insensitive.

    ``headers.get("authorization")`` finds ``Authorization``; setting a name again replaces
    the first entry in place and drops the others; ``add`` keeps several values.
    """

    def __init__(self, defaults=None):
        self._list = []
        if defaults is not None:
            self.extend(defaults)

    def __getitem__(self, key):
        if isinstance(key, (int, slice)):
            if isinstance(key, int):
                return self._list[key]
            return self.__class__(self._list[key])
        if not isinstance(key, str):
            raise BadRequestKeyError(key)
        lowered = key.lower()
        for name, value in self._list:
            if name.lower() == lowered:
                return value
        raise BadRequestKeyError(key)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return {(k.lower(), v) for k, v in other._list} == {(k.lower(), v) for k, v in self._list}

    __hash__ = None

    def get(self, key, default=None, type=None):
        try:
            value = self.__getitem__(key)
        except KeyError:
            return default
        if type is None:
            return value
        try:
            return type(value)
        except (ValueError, TypeError):
            return default

    def getlist(self, key, type=None):
        lowered = key.lower()
        result = []
        for name, value in self._list:
            if name.lower() == lowered:
                if type is None:
                    result.append(value)
                else:
                    try:
                        result.append(type(value))
                    except (ValueError, TypeError):
                        continue
        return result

    def get_all(self, name):
        return self.getlist(name)

    def items(self, lower=False):
        for name, value in self._list:
            yield (name.lower() if lower else name), value

    def keys(self, lower=False):
        for name, _ in self.items(lower):
            yield name

    def values(self):
        for _, value in self._list:
            yield value

    def extend(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f"update expected at most 1 arguments, got {len(args)}")
        if args:
            for name, value in _iter_multi_items(args[0]):
                self.add(name, value)
        for name, value in _iter_multi_items(kwargs):
            self.add(name, value)

    def __delitem__(self, key):
        if isinstance(key, (int, slice)):
            del self._list[key]
            return
        lowered = key.lower()
        self._list = [item for item in self._list if item[0].lower() != lowered]

    def remove(self, key):
        self.__delitem__(key)

    def pop(self, key=None, default=...):
        if key is None:
            return self._list.pop()
        if isinstance(key, int):
            return self._list.pop(key)
        try:
            value = self[key]
        except KeyError:
            if default is not ...:
                return default
            raise
        self.remove(key)
        return value

    def popitem(self):
        return self.pop()

    def __contains__(self, key):
        try:
            self.__getitem__(key)
        except KeyError:
            return False
        return True

    def __iter__(self):
        return iter(self._list)

    def __len__(self):
        return len(self._list)

    def add(self, key, value, **kwargs):
        if kwargs:
            raise NotImplementedError("Header parameters in Headers.add are not available in the in-browser Werkzeug stand-in")
        self._list.append((key, _header_value(value)))

    def add_header(self, key, value, **kwargs):
        self.add(key, value, **kwargs)

    def clear(self):
        del self._list[:]

    def set(self, key, value, **kwargs):
        if kwargs:
            raise NotImplementedError("Header parameters in Headers.set are not available in the in-browser Werkzeug stand-in")
        value = _header_value(value)
        if not self._list:
            self._list.append((key, value))
            return
        lowered = key.lower()
        for index, (name, _) in enumerate(self._list):
            if name.lower() == lowered:
                self._list[index] = (key, value)
                break
        else:
            self._list.append((key, value))
            return
        self._list[index + 1 :] = [item for item in self._list[index + 1 :] if item[0].lower() != lowered]

    def setlist(self, key, values):
        if values:
            iterator = iter(values)
            self.set(key, next(iterator))
            for value in iterator:
                self.add(key, value)
        else:
            self.remove(key)

    def setdefault(self, key, default):
        if key in self:
            return self[key]
        self.set(key, default)
        return self[key]

    def __setitem__(self, key, value):
        if isinstance(key, (slice, int)):
            if isinstance(key, int):
                value = [value]
            value = [(k, _header_value(v)) for (k, v) in value]
            if isinstance(key, int):
                self._list[key] = value[0]
            else:
                self._list[key] = value
        else:
            self.set(key, value)

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f"update expected at most 1 arguments, got {len(args)}")
        if args:
            mapping = args[0]
            if isinstance(mapping, (Headers, MultiDict)):
                for key in mapping.keys():
                    self.setlist(key, mapping.getlist(key))
            elif isinstance(mapping, dict):
                for key, value in mapping.items():
                    if isinstance(value, (list, tuple)):
                        self.setlist(key, value)
                    else:
                        self.set(key, value)
            else:
                for key, value in mapping:
                    self.set(key, value)
        for key, value in kwargs.items():
            if isinstance(value, (list, tuple)):
                self.setlist(key, value)
            else:
                self.set(key, value)

    def to_wsgi_list(self):
        return list(self)

    def copy(self):
        return self.__class__(self._list)

    def __copy__(self):
        return self.copy()

    def __str__(self):
        lines = [f"{key}: {value}" for key, value in self.to_wsgi_list()]
        lines.append("\r\n")
        return "\r\n".join(lines)

    def __repr__(self):
        return f"{type(self).__name__}({list(self)!r})"


class EnvironHeaders(Headers):
    """The read-only headers of a request (``request.headers``), read from the WSGI environ.

    A header sent twice reaches the environ once, its values joined with ", "; the names
    ``X-Token`` and ``X_Token`` are the same environ key, ``HTTP_X_TOKEN``.
    """

    def __init__(self, environ):
        self._list = []
        self.environ = environ

    def __eq__(self, other):
        if not isinstance(other, EnvironHeaders):
            return NotImplemented
        return self.environ is other.environ

    __hash__ = None

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise BadRequestKeyError(key)
        key = key.upper().replace("-", "_")
        if key in {"CONTENT_TYPE", "CONTENT_LENGTH"}:
            return self.environ[key]
        return self.environ[f"HTTP_{key}"]

    def getlist(self, key, type=None):
        try:
            value = self[key]
        except KeyError:
            return []
        if type is None:
            return [value]
        try:
            return [type(value)]
        except (ValueError, TypeError):
            return []

    def items(self, lower=False):
        for name, value in self:
            yield (name.lower() if lower else name), value

    def values(self):
        for _, value in self:
            yield value

    def __len__(self):
        return sum(1 for _ in self)

    def __iter__(self):
        for key, value in self.environ.items():
            if key.startswith("HTTP_") and key not in {"HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"}:
                yield key[5:].replace("_", "-").title(), value
            elif key in {"CONTENT_TYPE", "CONTENT_LENGTH"} and value:
                yield key.replace("_", "-").title(), value

    def to_wsgi_list(self):
        return list(self)

    def __repr__(self):
        return f"{type(self).__name__}({list(self)!r})"

    def _immutable(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__!r} objects are immutable")

    add = set = setlist = setdefault = update = extend = remove = pop = popitem = clear = add_header = _immutable
    __setitem__ = __delitem__ = _immutable

    def copy(self):
        raise TypeError(f"cannot create {type(self).__name__!r} copies")

    __or__ = copy


class Authorization:
    """An Authorization header: ``request.authorization`` (None when the header is missing).

    ``Basic`` credentials give ``.username`` and ``.password``; ``Bearer xyz`` gives
    ``.token == "xyz"``; ``.type`` is the scheme in lower case.
    """

    def __init__(self, auth_type, data=None, token=None):
        self.type = auth_type
        if data is None:
            data = {}
        self.parameters = data
        self.token = token

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self.parameters.get(name)

    def __getitem__(self, name):
        return self.parameters.get(name)

    def get(self, key, default=None):
        return self.parameters.get(key, default)

    def __contains__(self, key):
        return key in self.parameters

    def __eq__(self, other):
        if not isinstance(other, Authorization):
            return NotImplemented
        return other.type == self.type and other.token == self.token and other.parameters == self.parameters

    __hash__ = None

    @classmethod
    def from_header(cls, value):
        import base64
        import binascii

        from .http import parse_dict_header

        if not value:
            return None
        scheme, _, rest = value.partition(" ")
        scheme = scheme.lower()
        rest = rest.strip(" \t")
        if scheme == "basic":
            try:
                username, _, password = base64.b64decode(rest, validate=True).decode().partition(":")
            except (binascii.Error, UnicodeError):
                return None
            return cls(scheme, {"username": username, "password": password})
        if "=" in rest.rstrip("="):
            return cls(scheme, parse_dict_header(rest), None)
        return cls(scheme, None, rest)

    def to_header(self):
        import base64

        from .http import dump_header

        if self.type == "basic":
            value = base64.b64encode(f"{self.username}:{self.password}".encode()).decode("ascii")
            return f"Basic {value}"
        if self.token is not None:
            return f"{self.type.title()} {self.token}"
        return f"{self.type.title()} {dump_header(self.parameters)}"

    def __str__(self):
        return self.to_header()

    def __repr__(self):
        return f"<{type(self).__name__} {self.to_header()}>"


class CallbackDict(dict):
    """A dict that calls ``on_update(self)`` after every change (Flask's session is one)."""

    def __init__(self, initial=None, on_update=None):
        if initial is None:
            super().__init__()
        else:
            super().__init__(initial)
        self.on_update = on_update

    def __repr__(self):
        return f"<{type(self).__name__} {dict.__repr__(self)}>"


def _updating(name):
    method = getattr(dict, name)

    def changed(self, *args, **kwargs):
        result = method(self, *args, **kwargs)
        if self.on_update is not None:
            self.on_update(self)
        return result

    changed.__name__ = name
    return changed


for _name in ("__setitem__", "__delitem__", "clear", "popitem", "update", "__ior__"):
    setattr(CallbackDict, _name, _updating(_name))


def _setdefault(self, key, default=None):
    modified = key not in self
    result = dict.setdefault(self, key, default)
    if modified and self.on_update is not None:
        self.on_update(self)
    return result


def _pop(self, key, default=...):
    modified = key in self
    result = dict.pop(self, key) if default is ... else dict.pop(self, key, default)
    if modified and self.on_update is not None:
        self.on_update(self)
    return result


CallbackDict.setdefault = _setdefault
CallbackDict.pop = _pop


class HeaderSet:
    """A set of header words such as ``Vary: Cookie, Accept`` (``response.vary``)."""

    def __init__(self, headers=None, on_update=None):
        self._headers = list(headers or ())
        self._set = {x.lower() for x in self._headers}
        self.on_update = on_update

    def add(self, header):
        self.update((header,))

    def remove(self, header):
        key = header.lower()
        if key not in self._set:
            raise KeyError(header)
        self._set.remove(key)
        for idx, item in enumerate(self._headers):
            if item.lower() == key:
                del self._headers[idx]
                break
        if self.on_update is not None:
            self.on_update(self)

    def discard(self, header):
        try:
            self.remove(header)
        except KeyError:
            pass

    def update(self, iterable):
        inserted_any = False
        for header in iterable:
            key = header.lower()
            if key not in self._set:
                self._headers.append(header)
                self._set.add(key)
                inserted_any = True
        if inserted_any and self.on_update is not None:
            self.on_update(self)

    def clear(self):
        self._set.clear()
        self._headers.clear()
        if self.on_update is not None:
            self.on_update(self)

    def as_set(self, preserve_casing=False):
        if preserve_casing:
            return set(self._headers)
        return set(self._set)

    def to_header(self):
        from .http import quote_header_value

        return ", ".join(map(quote_header_value, self._headers))

    def __getitem__(self, idx):
        return self._headers[idx]

    def __contains__(self, header):
        return header.lower() in self._set

    def __len__(self):
        return len(self._set)

    def __iter__(self):
        return iter(self._headers)

    def __bool__(self):
        return bool(self._set)

    def __str__(self):
        return self.to_header()

    def __repr__(self):
        return f"{type(self).__name__}({self._headers!r})"


def _iter_multi_items(mapping):
    if isinstance(mapping, MultiDict):
        yield from mapping.items(multi=True)
    elif isinstance(mapping, Headers):
        yield from mapping
    elif isinstance(mapping, dict):
        for key, value in mapping.items():
            if isinstance(value, (list, tuple, set)):
                for item in value:
                    yield key, item
            else:
                yield key, value
    else:
        yield from mapping


class MultiDict(dict):
    """A dict that keeps every value of a key; ``d[key]`` and ``d.get(key)`` give the first.

    ``request.args`` and ``request.form`` are immutable ones: ``?tag=a&tag=b`` gives
    ``args["tag"] == "a"`` and ``args.getlist("tag") == ["a", "b"]``.
    """

    def __init__(self, mapping=None):
        super().__init__()
        if mapping is None:
            return
        if isinstance(mapping, MultiDict):
            for key, values in mapping.lists():
                dict.__setitem__(self, key, list(values))
        elif isinstance(mapping, dict):
            for key, value in mapping.items():
                if isinstance(value, (tuple, list)):
                    if not value:
                        continue
                    dict.__setitem__(self, key, list(value))
                else:
                    dict.__setitem__(self, key, [value])
        else:
            for key, value in mapping:
                dict.setdefault(self, key, []).append(value)

    def __getitem__(self, key):
        if dict.__contains__(self, key):
            values = dict.__getitem__(self, key)
            if values:
                return values[0]
        raise BadRequestKeyError(key)

    def __setitem__(self, key, value):
        dict.__setitem__(self, key, [value])

    def add(self, key, value):
        dict.setdefault(self, key, []).append(value)

    def get(self, key, default=None, type=None):
        try:
            value = self[key]
        except KeyError:
            return default
        if type is None:
            return value
        try:
            return type(value)
        except (ValueError, TypeError):
            return default

    def getlist(self, key, type=None):
        try:
            values = dict.__getitem__(self, key)
        except KeyError:
            return []
        if type is None:
            return list(values)
        result = []
        for value in values:
            try:
                result.append(type(value))
            except (ValueError, TypeError):
                pass
        return result

    def setlist(self, key, new_list):
        dict.__setitem__(self, key, list(new_list))

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def setlistdefault(self, key, default_list=None):
        if key not in self:
            dict.__setitem__(self, key, list(default_list or ()))
        return dict.__getitem__(self, key)

    def items(self, multi=False):
        for key, values in dict.items(self):
            if multi:
                for value in values:
                    yield key, value
            else:
                yield key, values[0]

    def lists(self):
        for key, values in dict.items(self):
            yield key, list(values)

    def values(self):
        for values in dict.values(self):
            yield values[0]

    def listvalues(self):
        return iter(dict.values(self))

    def __iter__(self):
        return iter(dict.keys(self))

    def copy(self):
        return self.__class__(self)

    def deepcopy(self, memo=None):
        import copy

        return self.__class__(copy.deepcopy(self.to_dict(flat=False), memo))

    def to_dict(self, flat=True):
        if flat:
            return dict(self.items())
        return dict(self.lists())

    def update(self, mapping=None, **kwargs):
        for key, value in _iter_multi_items(mapping or {}):
            self.add(key, value)
        for key, value in _iter_multi_items(kwargs):
            self.add(key, value)

    def pop(self, key, default=...):
        try:
            values = dict.pop(self, key)
            if not values:
                raise BadRequestKeyError(key)
            return values[0]
        except KeyError:
            if default is not ...:
                return default
            raise BadRequestKeyError(key) from None

    def popitem(self):
        key, values = dict.popitem(self)
        return key, values[0]

    def poplist(self, key):
        return dict.pop(self, key, [])

    def __copy__(self):
        return self.copy()

    def __repr__(self):
        return f"{type(self).__name__}({list(self.items(multi=True))!r})"


class ImmutableList(list):
    """A list that refuses changes (``request.access_route``)."""

    def _immutable(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__!r} objects are immutable")

    __delitem__ = __iadd__ = __imul__ = __setitem__ = _immutable
    append = remove = extend = insert = pop = reverse = sort = clear = _immutable

    def __hash__(self):
        return hash(tuple(self))

    def __repr__(self):
        return f"{type(self).__name__}({list.__repr__(self)})"


class ImmutableMultiDict(MultiDict):
    """A MultiDict that refuses changes (``request.args``, ``request.form``)."""

    def _immutable(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__!r} objects are immutable")

    __setitem__ = __delitem__ = add = setlist = setdefault = setlistdefault = update = _immutable
    pop = popitem = poplist = clear = _immutable

    def copy(self):
        return MultiDict(self)

    def __hash__(self):
        return hash(tuple(self.items(multi=True)))


class CombinedMultiDict(ImmutableMultiDict):
    """``request.values``: args and form read as one."""

    def __init__(self, dicts=None):
        super().__init__()
        self.dicts = list(dicts or ())
        for source in self.dicts:
            for key, values in source.lists():
                dict.setdefault(self, key, []).extend(values)

    def __repr__(self):
        return f"{type(self).__name__}({self.dicts!r})"


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"werkzeug.datastructures.{name} is not available in the in-browser Werkzeug stand-in")
