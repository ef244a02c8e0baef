"""Werkzeug's Request and Response, reduced to what the Flask stand-in needs (see werkzeug/__init__.py).

A Request reads everything from its WSGI environ, as Werkzeug's does: ``request.headers``
looks names up as ``HTTP_*`` keys (so a header sent twice arrives joined with ", "), and the
URL attributes are rebuilt from the scheme, the Host header, SCRIPT_NAME, PATH_INFO and
QUERY_STRING.
"""
import json as _json
import re
from io import BytesIO
from urllib.parse import parse_qsl, quote

from .datastructures import Authorization, CombinedMultiDict, EnvironHeaders, Headers, HeaderSet, ImmutableList, ImmutableMultiDict
from .exceptions import BadRequest, SecurityError, UnsupportedMediaType
from .http import HTTP_STATUS_CODES, dump_cookie, dump_header, get_content_type, parse_cookie, parse_list_header, parse_options_header
from .urls import uri_to_iri


def _unavailable(feature):
    raise NotImplementedError(f"{feature} is not available in the in-browser Flask stand-in")


_host_re = re.compile(
    r"""
    (
        [a-z0-9.-]+  # domain or ipv4
    |
        \[[a-f0-9]*:[a-f0-9.:]+]  # ipv6
    )
    (?::([1-9][0-9]{,4}))?  # optional port
    """,
    flags=re.ASCII | re.IGNORECASE | re.VERBOSE,
)


def host_is_trusted(hostname, trusted_list=None):
    if not hostname:
        return False
    match = _host_re.fullmatch(hostname)
    if match is None:
        return False
    hostname, port_str = match.groups()
    if port_str and not 1 <= int(port_str) <= 65535:
        return False
    if not trusted_list:
        return True
    if isinstance(trusted_list, str):
        trusted_list = [trusted_list]
    for ref in trusted_list:
        suffix_match = ref.startswith(".")
        if suffix_match:
            ref = ref[1:]
        try:
            ref = ref.partition(":")[0].encode("idna").decode("ascii")
        except UnicodeEncodeError:
            return False
        if ref == hostname or (suffix_match and hostname.endswith(f".{ref}")):
            return True
    return False


def get_host(scheme, host_header, server=None, trusted_hosts=None):
    if host_header is not None:
        host = host_header
    elif server is not None and server[1] is not None:
        host = server[0]
        if ":" in host and host[0] != "[":
            host = f"[{host}]"
        host = f"{host}:{server[1]}"
    else:
        return ""
    if scheme in {"http", "ws"}:
        host = host.removesuffix(":80")
    elif scheme in {"https", "wss"}:
        host = host.removesuffix(":443")
    if not host_is_trusted(host, trusted_hosts):
        if trusted_hosts:
            raise SecurityError(f"Host {host!r} is not trusted.")
        return ""
    return host


def get_current_url(scheme, host, root_path=None, path=None, query_string=None):
    url = [scheme, "://", host]
    if root_path is None:
        url.append("/")
        return uri_to_iri("".join(url))
    url.append(quote(root_path.rstrip("/"), safe="!$&'()*+,/:;=@%"))
    url.append("/")
    if path is None:
        return uri_to_iri("".join(url))
    url.append(quote(path.lstrip("/"), safe="!$&'()*+,/:;=@%"))
    if query_string:
        url.append("?")
        url.append(quote(query_string, safe="!$&'()*+,/:;=?@%"))
    return uri_to_iri("".join(url))


def _wsgi_decoding_dance(text):
    return text.encode("latin1").decode(errors="replace")


# Werkzeug request attributes this stand-in does not model: using one fails loudly.
_UNAVAILABLE_REQUEST_ATTRIBUTES = {
    "accept_charsets",
    "accept_encodings",
    "accept_languages",
    "accept_mimetypes",
    "access_control_request_headers",
    "access_control_request_method",
    "application",
    "cache_control",
    "close",
    "content_encoding",
    "content_md5",
    "date",
    "from_values",
    "if_match",
    "if_modified_since",
    "if_none_match",
    "if_range",
    "if_unmodified_since",
    "input_stream",
    "make_form_data_parser",
    "max_forwards",
    "pragma",
    "range",
    "form_data_parser_class",
    "shallow",
    "stream",
    "user_agent",
    "user_agent_class",
    "want_form_data_parsed",
}


class Request:
    """An HTTP request read from a WSGI environ (``flask.request`` in a view)."""

    json_module = _json
    parameter_storage_class = ImmutableMultiDict
    dict_storage_class = ImmutableMultiDict
    list_storage_class = ImmutableList
    trusted_hosts = None
    max_content_length = None
    max_form_memory_size = None
    max_form_parts = None

    def __init__(self, environ, populate_request=True, shallow=False):
        self.environ = environ
        self.method = environ.get("REQUEST_METHOD", "GET").upper()
        self.scheme = environ.get("wsgi.url_scheme", "http")
        name = environ.get("SERVER_NAME")
        self.server = None
        if name is not None:
            port = environ.get("SERVER_PORT")
            self.server = (name, int(port) if port else None)
        self.root_path = _wsgi_decoding_dance(environ.get("SCRIPT_NAME") or "").rstrip("/")
        self.path = "/" + _wsgi_decoding_dance(environ.get("PATH_INFO") or "").lstrip("/")
        self.query_string = environ.get("QUERY_STRING", "").encode("latin1")
        self.headers = EnvironHeaders(environ)
        self.remote_addr = environ.get("REMOTE_ADDR")
        self._cached_json = (Ellipsis, Ellipsis)
        self._cache = {}
        if populate_request and not shallow:
            self.environ["werkzeug.request"] = self

    def _cached(self, name, make):
        if name not in self._cache:
            self._cache[name] = make()
        return self._cache[name]

    # -- where ----------------------------------------------------------------------
    @property
    def script_root(self):
        return self.root_path

    @property
    def host(self):
        return get_host(self.scheme, self.headers.get("host"), self.server, self.trusted_hosts)

    @property
    def url(self):
        return get_current_url(self.scheme, self.host, self.root_path, self.path, self.query_string)

    @property
    def base_url(self):
        return get_current_url(self.scheme, self.host, self.root_path, self.path)

    @property
    def root_url(self):
        return get_current_url(self.scheme, self.host, self.root_path)

    url_root = root_url

    @property
    def host_url(self):
        return get_current_url(self.scheme, self.host)

    @property
    def full_path(self):
        return f"{self.path}?{self.query_string.decode()}"

    @property
    def is_secure(self):
        return self.scheme in {"https", "wss"}

    @property
    def access_route(self):
        if "X-Forwarded-For" in self.headers:
            return self.list_storage_class(parse_list_header(self.headers["X-Forwarded-For"]))
        if self.remote_addr is not None:
            return self.list_storage_class([self.remote_addr])
        return self.list_storage_class()

    @property
    def remote_user(self):
        return self.environ.get("REMOTE_USER")

    @property
    def is_multithread(self):
        return self.environ["wsgi.multithread"]

    @property
    def is_multiprocess(self):
        return self.environ["wsgi.multiprocess"]

    @property
    def is_run_once(self):
        return self.environ["wsgi.run_once"]

    # -- headers ----------------------------------------------------------------------
    @property
    def authorization(self):
        return Authorization.from_header(self.headers.get("Authorization"))

    @property
    def cookies(self):
        return self._cached("cookies", lambda: parse_cookie(";".join(self.headers.getlist("Cookie")), cls=self.dict_storage_class))

    @property
    def referrer(self):
        return self.headers.get("Referer")

    @property
    def origin(self):
        return self.headers.get("Origin")

    @property
    def content_type(self):
        return self.headers.get("Content-Type")

    @property
    def content_length(self):
        if self.headers.get("Transfer-Encoding") is not None and "chunked" in self.headers.get("Transfer-Encoding"):
            return None
        value = self.headers.get("Content-Length")
        if value is None:
            return None
        try:
            if not value.strip().isdigit():
                raise ValueError
            return max(0, int(value))
        except ValueError:
            return 0

    @property
    def mimetype(self):
        return parse_options_header(self.headers.get("Content-Type", ""))[0].lower()

    @property
    def mimetype_params(self):
        return parse_options_header(self.headers.get("Content-Type", ""))[1]

    # -- query string and form ----------------------------------------------------------
    @property
    def args(self):
        return self._cached(
            "args",
            lambda: self.parameter_storage_class(parse_qsl(self.query_string.decode(), keep_blank_values=True, errors="werkzeug.url_quote")),
        )

    @property
    def form(self):
        if "form" not in self._cache:
            if self.mimetype == "application/x-www-form-urlencoded":
                body = self._read_body()
                pairs = parse_qsl(body.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="replace")
                self._cache["form"] = self.parameter_storage_class(pairs)
            elif self.mimetype == "multipart/form-data":
                raise NotImplementedError("Multipart form data is not available in the in-browser Flask stand-in")
            else:
                self._cache["form"] = self.parameter_storage_class()
        return self._cache["form"]

    @property
    def values(self):
        if self.method == "GET":
            return CombinedMultiDict([self.args])
        return CombinedMultiDict([self.args, self.form])

    @property
    def files(self):
        return ImmutableMultiDict()

    # -- body ---------------------------------------------------------------------------
    def _read_body(self):
        if "body" not in self._cache:
            stream = self.environ.get("wsgi.input")
            self._cache["body"] = stream.read() if stream is not None else b""
        return self._cache["body"]

    def get_data(self, cache=True, as_text=False, parse_form_data=False):
        is_form = self.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data")
        if is_form and parse_form_data:
            self.form  # noqa: B018 - parsing the form consumes the body, as in Werkzeug
        # Once Werkzeug's form parser has read a form body, the raw data reads empty.
        data = b"" if is_form and "form" in self._cache else self._read_body()
        return data.decode(errors="replace") if as_text else data

    @property
    def data(self):
        return self.get_data(parse_form_data=True)

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
        if e is not None:
            raise BadRequest(f"Failed to decode JSON object: {e}")
        raise UnsupportedMediaType("Did not attempt to load JSON data because the request Content-Type was not 'application/json'.")

    def __getattr__(self, name):
        if name in _UNAVAILABLE_REQUEST_ATTRIBUTES:
            raise NotImplementedError(f"request.{name} is not available in the in-browser Flask stand-in")
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __repr__(self):
        try:
            url = self.url
        except Exception as e:
            url = f"(invalid URL: {e})"
        return f"<{type(self).__name__} {url!r} [{self.method}]>"


class header_property:
    """A response attribute stored in a header, as Werkzeug's header_property."""

    def __init__(self, name, default=None, load_func=None, dump_func=None, read_only=False, doc=None):
        self.name = name
        self.default = default
        self.load_func = load_func
        self.dump_func = dump_func
        self.read_only = read_only
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        storage = instance.headers
        if self.name not in storage:
            return self.default
        value = storage[self.name]
        if self.load_func is not None:
            try:
                return self.load_func(value)
            except (ValueError, TypeError):
                return self.default
        return value

    def __set__(self, instance, value):
        if self.read_only:
            raise AttributeError("read only property")
        if self.dump_func is not None:
            instance.headers[self.name] = self.dump_func(value)
        else:
            instance.headers[self.name] = value

    def __delete__(self, instance):
        if self.read_only:
            raise AttributeError("read only property")
        instance.headers.pop(self.name, None)

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"


def parse_set_header(value, on_update=None):
    if not value:
        return HeaderSet(None, on_update)
    return HeaderSet(parse_list_header(value), on_update)


class _UnavailableResponseAttribute:
    """A Werkzeug Response attribute this stand-in does not model: reading or setting it fails loudly."""

    def __init__(self, name):
        self.name = name

    def _fail(self):
        raise NotImplementedError(f"Response.{self.name} is not available in the in-browser Flask stand-in")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        self._fail()

    def __set__(self, instance, value):
        self._fail()

    def __delete__(self, instance):
        self._fail()


class Response:
    """An HTTP response: a status, headers and a body of bytes.

    ``Response("hi", status=201)`` has ``status == "201 CREATED"``, a ``Content-Type`` of
    ``text/plain; charset=utf-8`` (``text/html`` in Flask's subclass) and ``Content-Length: 2``.
    """

    default_status = 200
    default_mimetype = "text/plain"
    automatically_set_content_length = True
    json_module = _json

    def __init__(self, response=None, status=None, headers=None, mimetype=None, content_type=None, direct_passthrough=False):
        if isinstance(headers, Headers):
            self.headers = headers
        elif not headers:
            self.headers = Headers()
        else:
            self.headers = Headers(headers)
        if content_type is None:
            if mimetype is None and "content-type" not in self.headers:
                mimetype = self.default_mimetype
            if mimetype is not None:
                mimetype = get_content_type(mimetype, "utf-8")
            content_type = mimetype
        if content_type is not None:
            self.headers["Content-Type"] = content_type
        self.status = self.default_status if status is None else status
        self.direct_passthrough = direct_passthrough
        self._body = b""
        if response is None:
            pass
        elif isinstance(response, (str, bytes, bytearray)):
            self.set_data(response)
        else:
            # An iterable body is joined at once: nothing here streams.
            self._body = b"".join(part.encode() if isinstance(part, str) else bytes(part) for part in response)

    # -- status -----------------------------------------------------------------
    @property
    def status(self):
        return self._status

    @status.setter
    def status(self, value):
        self._status, self._status_code = self._clean_status(value)

    @property
    def status_code(self):
        return self._status_code

    @status_code.setter
    def status_code(self, code):
        self.status = code

    @staticmethod
    def _clean_status(value):
        if isinstance(value, int):
            status_code = int(value)
        elif isinstance(value, (str, bytes, bytearray)):
            if not isinstance(value, str):
                value = bytes(value).decode("latin1")
            value = value.strip()
            if not value:
                raise ValueError("Empty status argument")
            code_text, separator, _ = value.partition(" ")
            try:
                status_code = int(code_text)
            except ValueError:
                return f"0 {value}", 0
            if separator:
                return value, status_code
        else:
            raise TypeError("Invalid status argument")
        try:
            return f"{status_code} {HTTP_STATUS_CODES[status_code].upper()}", status_code
        except KeyError:
            return f"{status_code} UNKNOWN", status_code

    # -- body ---------------------------------------------------------------------
    def get_data(self, as_text=False):
        return self._body.decode() if as_text else self._body

    def set_data(self, value):
        if isinstance(value, str):
            value = value.encode()
        self._body = bytes(value)
        if self.automatically_set_content_length:
            self.headers["Content-Length"] = str(len(self._body))

    data = property(get_data, set_data)

    @property
    def response(self):
        return [self._body]

    @property
    def is_sequence(self):
        return True

    @property
    def is_streamed(self):
        return False

    def iter_encoded(self):
        return iter([self._body])

    def calculate_content_length(self):
        return len(self._body)

    # -- content type -------------------------------------------------------------
    @property
    def content_type(self):
        return self.headers.get("Content-Type")

    @content_type.setter
    def content_type(self, value):
        self.headers["Content-Type"] = value

    @property
    def mimetype(self):
        content_type = self.headers.get("content-type")
        if content_type:
            return content_type.split(";")[0].strip()
        return None

    @mimetype.setter
    def mimetype(self, value):
        self.headers["Content-Type"] = get_content_type(value, "utf-8")

    @property
    def mimetype_params(self):
        return parse_options_header(self.headers.get("content-type", ""))[1]

    @property
    def content_length(self):
        value = self.headers.get("Content-Length")
        try:
            return int(value) if value is not None else None
        except ValueError:
            return None

    @content_length.setter
    def content_length(self, value):
        self.headers["Content-Length"] = str(value)

    @property
    def location(self):
        return self.headers.get("Location")

    @location.setter
    def location(self, value):
        self.headers["Location"] = value

    @property
    def allow(self):
        value = self.headers.get("Allow")
        return [item.strip() for item in value.split(",")] if value else []

    @property
    def is_json(self):
        mimetype = self.mimetype or ""
        return mimetype == "application/json" or (mimetype.startswith("application/") and mimetype.endswith("+json"))

    @property
    def json(self):
        return self.get_json()

    def get_json(self, force=False, silent=False):
        if not (force or self.is_json):
            return None
        try:
            return self.json_module.loads(self.get_data())
        except ValueError:
            if not silent:
                raise
            return None

    # -- cookies and Vary ------------------------------------------------------------------
    max_cookie_size = 4093

    def set_cookie(
        self,
        key,
        value="",
        max_age=None,
        expires=None,
        path="/",
        domain=None,
        secure=False,
        httponly=False,
        samesite=None,
        partitioned=False,
    ):
        """Adds a ``Set-Cookie`` header, written as Werkzeug's dump_cookie writes it."""
        self.headers.add(
            "Set-Cookie",
            dump_cookie(
                key,
                value=value,
                max_age=max_age,
                expires=expires,
                path=path,
                domain=domain,
                secure=secure,
                httponly=httponly,
                max_size=self.max_cookie_size,
                samesite=samesite,
                partitioned=partitioned,
            ),
        )

    def delete_cookie(self, key, path="/", domain=None, secure=False, httponly=False, samesite=None, partitioned=False):
        """Tells the client to forget a cookie: an empty value that expired in 1970."""
        self.set_cookie(
            key,
            expires=0,
            max_age=0,
            path=path,
            domain=domain,
            secure=secure,
            httponly=httponly,
            samesite=samesite,
            partitioned=partitioned,
        )

    @property
    def vary(self):
        def on_update(header_set):
            if not header_set and "Vary" in self.headers:
                del self.headers["Vary"]
            elif header_set:
                self.headers["Vary"] = header_set.to_header()

        value = self.headers.get("Vary")
        return HeaderSet(parse_list_header(value) if value else None, on_update)

    @vary.setter
    def vary(self, value):
        if not value:
            del self.headers["Vary"]
        elif isinstance(value, str):
            self.headers["Vary"] = value
        else:
            self.headers["Vary"] = dump_header(value)

    # -- CORS and other headers ---------------------------------------------------------------
    @property
    def access_control_allow_credentials(self):
        return "Access-Control-Allow-Credentials" in self.headers

    @access_control_allow_credentials.setter
    def access_control_allow_credentials(self, value):
        if value is True:
            self.headers["Access-Control-Allow-Credentials"] = "true"
        else:
            self.headers.pop("Access-Control-Allow-Credentials", None)

    access_control_allow_headers = header_property("Access-Control-Allow-Headers", load_func=parse_set_header, dump_func=dump_header)
    access_control_allow_methods = header_property("Access-Control-Allow-Methods", load_func=parse_set_header, dump_func=dump_header)
    access_control_allow_origin = header_property("Access-Control-Allow-Origin")
    access_control_expose_headers = header_property("Access-Control-Expose-Headers", load_func=parse_set_header, dump_func=dump_header)
    access_control_max_age = header_property("Access-Control-Max-Age", load_func=int, dump_func=str)
    content_location = header_property("Content-Location")
    content_encoding = header_property("Content-Encoding")
    content_md5 = header_property("Content-MD5")

    # -- not here ---------------------------------------------------------------------
    @classmethod
    def from_app(cls, *args, **kwargs):
        _unavailable("Response.from_app")

    def __call__(self, environ, start_response):
        _unavailable("Calling a Response as a WSGI application")

    @classmethod
    def force_type(cls, response, environ=None):
        if not isinstance(response, Response):
            _unavailable("Turning a WSGI callable into a Response")
        if isinstance(response, cls):
            return response
        converted = cls.__new__(cls)
        converted.__dict__.update(response.__dict__)
        return converted

    def __repr__(self):
        return f"<{type(self).__name__} {len(self._body)} bytes [{self.status}]>"


for _name in (
    "accept_ranges age cache_control content_language content_range content_security_policy"
    " content_security_policy_report_only cross_origin_embedder_policy cross_origin_opener_policy"
    " date expires last_modified retry_after www_authenticate implicit_sequence_conversion stream"
).split():
    setattr(Response, _name, _UnavailableResponseAttribute(_name))


def _unavailable_method(name):
    def method(self, *args, **kwargs):
        _unavailable(f"Response.{name}()")

    method.__name__ = name
    return method


for _name in "add_etag get_etag set_etag make_conditional freeze close call_on_close get_app_iter get_wsgi_headers get_wsgi_response make_sequence".split():
    setattr(Response, _name, _unavailable_method(_name))
