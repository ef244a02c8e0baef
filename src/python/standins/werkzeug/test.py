"""werkzeug.test: the environ builder, the cookie jar and the test client (stand-in; see
werkzeug/__init__.py).

``EnvironBuilder`` makes the same WSGI environ as Werkzeug's: the same keys in the same order,
headers sent twice joined with ", " under one ``HTTP_*`` key, the body in ``wsgi.input``.
``Client`` keeps cookies per (domain, path, name) as Werkzeug 3's client does, sends those that
match the request's host and path, and replaces any Cookie header the caller passed with them.
"""
import dataclasses
import sys
from collections import defaultdict
from datetime import datetime
from io import BytesIO
from urllib.parse import unquote, urlsplit, urlunsplit

from .datastructures import Authorization, Headers, MultiDict, _iter_multi_items
from .http import dump_cookie, get_content_type, parse_cookie, parse_date
from .urls import _urlencode, iri_to_uri
from .wrappers import Request, Response, get_current_url, get_host


def _unavailable(feature):
    raise NotImplementedError(f"{feature} is not available in the in-browser Werkzeug stand-in")


def _wsgi_encoding_dance(text):
    return text.encode().decode("latin1")


def _wsgi_decoding_dance(text):
    return text.encode("latin1").decode(errors="replace")


def _iter_data(data):
    for key, value in _iter_multi_items(data):
        yield key, value


class EnvironBuilder:
    """Builds a WSGI environ from the test client's arguments, as Werkzeug's EnvironBuilder."""

    server_protocol = "HTTP/1.1"
    wsgi_version = (1, 0)
    request_class = Request

    import json

    json_dumps = staticmethod(json.dumps)
    del json

    def __init__(
        self,
        path="/",
        base_url=None,
        query_string=None,
        method="GET",
        input_stream=None,
        content_type=None,
        content_length=None,
        errors_stream=None,
        multithread=False,
        multiprocess=False,
        run_once=False,
        headers=None,
        data=None,
        environ_base=None,
        environ_overrides=None,
        mimetype=None,
        json=None,
        auth=None,
    ):
        if not isinstance(path, str):
            _unavailable(f"Sending a {type(path).__name__} with the test client")
        if query_string is not None and "?" in path:
            raise ValueError("Query string is defined in the path and as an argument")
        request_uri = urlsplit(path)
        if query_string is None and "?" in path:
            query_string = request_uri.query
        self.path = iri_to_uri(request_uri.path)
        self.request_uri = path
        if base_url is not None:
            base_url = iri_to_uri(base_url)
        self.base_url = base_url
        self._query_string = None
        self._args = None
        if isinstance(query_string, str):
            self.query_string = query_string
        else:
            if query_string is None:
                query_string = MultiDict()
            elif not isinstance(query_string, MultiDict):
                query_string = MultiDict(query_string)
            self._args = query_string
        self.method = method
        if headers is None:
            headers = Headers()
        elif not isinstance(headers, Headers):
            headers = Headers(headers)
        self.headers = headers
        if content_type is not None:
            self.content_type = content_type
        self.errors_stream = sys.stderr if errors_stream is None else errors_stream
        self.multithread = multithread
        self.multiprocess = multiprocess
        self.run_once = run_once
        self.environ_base = environ_base
        self.environ_overrides = environ_overrides
        self._form = None
        self.input_stream = input_stream
        self.content_length = content_length
        if auth is not None:
            if isinstance(auth, tuple):
                auth = Authorization("basic", {"username": auth[0], "password": auth[1]})
            self.headers.set("Authorization", auth.to_header())
        if json is not None:
            if data is not None:
                raise TypeError("can't provide both json and data")
            data = self.json_dumps(json)
            if self.content_type is None:
                self.content_type = "application/json"
        if data:
            if input_stream is not None:
                raise TypeError("can't provide input stream and data")
            if hasattr(data, "read"):
                data = data.read()
            if isinstance(data, str):
                data = data.encode()
            if isinstance(data, (bytes, bytearray)):
                self.input_stream = BytesIO(bytes(data))
                if self.content_length is None:
                    self.content_length = len(data)
            else:
                for key, value in _iter_data(data):
                    if isinstance(value, (tuple, dict)) or hasattr(value, "read"):
                        _unavailable("File uploads in the test client")
                    if self._form is None:
                        self._form = MultiDict()
                    self._form.setlistdefault(key).append(value)
        if mimetype is not None:
            self.mimetype = mimetype

    @staticmethod
    def _make_base_url(scheme, host, script_root):
        return urlunsplit((scheme, host, script_root, "", "")).rstrip("/") + "/"

    @property
    def base_url(self):
        return self._make_base_url(self.url_scheme, self.host, self.script_root)

    @base_url.setter
    def base_url(self, value):
        if value is None:
            scheme, netloc, script_root = "http", "localhost", ""
        else:
            scheme, netloc, script_root, qs, anchor = urlsplit(value)
            if qs or anchor:
                raise ValueError("base url must not contain a query string or fragment")
        self.script_root = script_root.rstrip("/")
        self.host = netloc
        self.url_scheme = scheme

    @property
    def content_type(self):
        ct = self.headers.get("Content-Type")
        if ct is None and not self._input_stream:
            if self._form:
                return "application/x-www-form-urlencoded"
            return None
        return ct

    @content_type.setter
    def content_type(self, value):
        if value is None:
            self.headers.pop("Content-Type", None)
        else:
            self.headers["Content-Type"] = value

    @property
    def mimetype(self):
        ct = self.content_type
        return ct.partition(";")[0].strip() if ct else None

    @mimetype.setter
    def mimetype(self, value):
        self.content_type = get_content_type(value, "utf-8")

    @property
    def content_length(self):
        return self.headers.get("Content-Length", type=int)

    @content_length.setter
    def content_length(self, value):
        if value is None:
            self.headers.pop("Content-Length", None)
        else:
            self.headers["Content-Length"] = str(value)

    @property
    def input_stream(self):
        return self._input_stream

    @input_stream.setter
    def input_stream(self, value):
        self._input_stream = value
        self._form = None

    @property
    def form(self):
        if self._input_stream is not None:
            raise AttributeError("an input stream is defined")
        if self._form is None:
            self._form = MultiDict()
        return self._form

    @property
    def query_string(self):
        if self._query_string is None:
            if self._args is not None:
                return _urlencode(self._args)
            return ""
        return self._query_string

    @query_string.setter
    def query_string(self, value):
        self._query_string = value
        self._args = None

    @property
    def args(self):
        if self._query_string is not None:
            raise AttributeError("a query string is defined")
        if self._args is None:
            self._args = MultiDict()
        return self._args

    @property
    def server_name(self):
        return self.host.partition(":")[0]

    @property
    def server_port(self):
        _, sep, port = self.host.partition(":")
        if sep:
            try:
                return int(port)
            except ValueError:
                pass
        if self.url_scheme == "https":
            return 443
        return 80

    def close(self):
        pass

    def get_environ(self):
        input_stream = self.input_stream
        content_length = self.content_length
        mimetype = self.mimetype
        content_type = self.content_type
        if input_stream is not None:
            start_pos = input_stream.tell()
            input_stream.seek(0, 2)
            end_pos = input_stream.tell()
            input_stream.seek(start_pos)
            content_length = end_pos - start_pos
        elif mimetype == "multipart/form-data":
            _unavailable("Multipart form data in the test client")
        elif mimetype == "application/x-www-form-urlencoded":
            form_encoded = _urlencode(self._form or ()).encode("ascii")
            content_length = len(form_encoded)
            input_stream = BytesIO(form_encoded)
        else:
            input_stream = BytesIO()
        result = {}
        if self.environ_base:
            result.update(self.environ_base)

        def _path_encode(x):
            return _wsgi_encoding_dance(unquote(x))

        raw_uri = _wsgi_encoding_dance(self.request_uri)
        result.update(
            {
                "REQUEST_METHOD": self.method,
                "SCRIPT_NAME": _path_encode(self.script_root),
                "PATH_INFO": _path_encode(self.path),
                "QUERY_STRING": _wsgi_encoding_dance(self.query_string),
                "REQUEST_URI": raw_uri,
                "RAW_URI": raw_uri,
                "SERVER_NAME": self.server_name,
                "SERVER_PORT": str(self.server_port),
                "HTTP_HOST": self.host,
                "SERVER_PROTOCOL": self.server_protocol,
                "wsgi.version": self.wsgi_version,
                "wsgi.url_scheme": self.url_scheme,
                "wsgi.input": input_stream,
                "wsgi.errors": self.errors_stream,
                "wsgi.multithread": self.multithread,
                "wsgi.multiprocess": self.multiprocess,
                "wsgi.run_once": self.run_once,
            }
        )
        headers = self.headers.copy()
        headers.remove("Content-Type")
        headers.remove("Content-Length")
        if content_type is not None:
            result["CONTENT_TYPE"] = content_type
        if content_length is not None:
            result["CONTENT_LENGTH"] = str(content_length)
        combined_headers = defaultdict(list)
        for key, value in headers.to_wsgi_list():
            combined_headers[f"HTTP_{key.upper().replace('-', '_')}"].append(value)
        for key, values in combined_headers.items():
            result[key] = ", ".join(values)
        if self.environ_overrides:
            result.update(self.environ_overrides)
        return result

    def get_request(self, cls=None):
        if cls is None:
            cls = self.request_class
        return cls(self.get_environ())


def create_environ(*args, **kwargs):
    return EnvironBuilder(*args, **kwargs).get_environ()


def _current_url(environ):
    host = get_host(environ["wsgi.url_scheme"], environ.get("HTTP_HOST"), _server(environ))
    return get_current_url(
        environ["wsgi.url_scheme"],
        host,
        _wsgi_decoding_dance(environ.get("SCRIPT_NAME", "")),
        _wsgi_decoding_dance(environ.get("PATH_INFO", "")),
        environ.get("QUERY_STRING", "").encode("latin1"),
    )


def _server(environ):
    name = environ.get("SERVER_NAME")
    if name is None:
        return None
    port = environ.get("SERVER_PORT")
    return name, int(port) if port else None


@dataclasses.dataclass
class Cookie:
    """A cookie in the test client's jar: what ``client.get_cookie(key)`` returns."""

    key: str
    value: str
    decoded_key: str
    decoded_value: str
    expires: datetime | None
    max_age: int | None
    domain: str
    origin_only: bool
    path: str
    secure: bool | None
    http_only: bool | None
    same_site: str | None

    def _matches_request(self, server_name, path):
        return (
            server_name == self.domain
            or (not self.origin_only and server_name.endswith(self.domain) and server_name[: -len(self.domain)].endswith("."))
        ) and (path == self.path or (path.startswith(self.path) and path[len(self.path) - self.path.endswith("/") :].startswith("/")))

    def _to_request_header(self):
        return f"{self.key}={self.value}"

    @classmethod
    def _from_response_header(cls, server_name, path, header):
        header, _, parameters_str = header.partition(";")
        key, _, value = header.partition("=")
        decoded_key, decoded_value = next(parse_cookie(header).items())
        params = {}
        for item in parameters_str.split(";"):
            k, sep, v = item.partition("=")
            params[k.strip(" \t").lower()] = v.strip(" \t") if sep else None
        return cls(
            key=key.strip(" \t"),
            value=value.strip(" \t"),
            decoded_key=decoded_key,
            decoded_value=decoded_value,
            expires=parse_date(params.get("expires")),
            max_age=int(params["max-age"] or 0) if "max-age" in params else None,
            domain=params.get("domain") or server_name,
            origin_only="domain" not in params,
            path=params.get("path") or path.rpartition("/")[0] or "/",
            secure="secure" in params,
            http_only="httponly" in params,
            same_site=params.get("samesite"),
        )

    @property
    def _storage_key(self):
        return self.domain, self.path, self.decoded_key

    @property
    def _should_delete(self):
        return self.max_age == 0 or (self.expires is not None and self.expires.timestamp() == 0)


_COOKIES_DISABLED = "Cookies are disabled. Create a client with 'use_cookies=True'."


class Client:
    """Werkzeug's test client: sends requests to an application and keeps its cookies."""

    def __init__(self, application, response_wrapper=None, use_cookies=True, allow_subdomain_redirects=False):
        self.application = application
        if response_wrapper in {None, Response}:
            response_wrapper = TestResponse
        elif not issubclass(response_wrapper, TestResponse):
            response_wrapper = type("WrapperTestResponse", (TestResponse, response_wrapper), {})
        self.response_wrapper = response_wrapper
        self._cookies = {} if use_cookies else None
        self.allow_subdomain_redirects = allow_subdomain_redirects

    def get_cookie(self, key, domain="localhost", path="/"):
        if self._cookies is None:
            raise TypeError(_COOKIES_DISABLED)
        return self._cookies.get((domain, path, key))

    def set_cookie(self, key, value="", *, domain="localhost", origin_only=True, path="/", **kwargs):
        if self._cookies is None:
            raise TypeError(_COOKIES_DISABLED)
        cookie = Cookie._from_response_header(domain, "/", dump_cookie(key, value, domain=domain, path=path, **kwargs))
        cookie.origin_only = origin_only
        if cookie._should_delete:
            self._cookies.pop(cookie._storage_key, None)
        else:
            self._cookies[cookie._storage_key] = cookie

    def delete_cookie(self, key, *, domain="localhost", path="/"):
        if self._cookies is None:
            raise TypeError(_COOKIES_DISABLED)
        self._cookies.pop((domain, path, key), None)

    def _add_cookies_to_wsgi(self, environ):
        if self._cookies is None:
            return
        url = urlsplit(_current_url(environ))
        server_name = url.hostname or "localhost"
        value = "; ".join(c._to_request_header() for c in self._cookies.values() if c._matches_request(server_name, url.path))
        if value:
            environ["HTTP_COOKIE"] = value
        else:
            environ.pop("HTTP_COOKIE", None)

    def _update_cookies_from_response(self, server_name, path, headers):
        if self._cookies is None:
            return
        for header in headers:
            cookie = Cookie._from_response_header(server_name, path, header)
            if cookie._should_delete:
                self._cookies.pop(cookie._storage_key, None)
            else:
                self._cookies[cookie._storage_key] = cookie

    def _run_app(self, request):
        """The application's response to a request (no WSGI server in the browser)."""
        handle = getattr(self.application, "_standin_handle", None)
        if handle is None:
            _unavailable("Testing a plain WSGI application")
        return handle(request)

    def _wrap_response(self, response, request, history=()):
        return self.response_wrapper._from_app_response(response, request, history)

    def _send(self, request, history=()):
        self._add_cookies_to_wsgi(request.environ)
        response = self._run_app(request)
        url = urlsplit(_current_url(request.environ))
        self._update_cookies_from_response(url.hostname or "localhost", url.path, response.headers.getlist("Set-Cookie"))
        return self._wrap_response(response, request, history)

    def _make_request(self, args, kwargs):
        builder = EnvironBuilder(*args, **kwargs)
        return builder.get_request()

    def _redirect_request(self, response):
        scheme, netloc, path, qs, anchor = urlsplit(response.location)
        environ = response.request.environ
        headers = Headers(list(response.request.headers))
        old_host = headers.pop("Host")
        content_type = headers.pop("Content-Type", None)
        content_length = headers.pop("Content-Length", None)
        url_scheme, host = environ["wsgi.url_scheme"], old_host
        from_name_parts = host.partition(":")[0].split(".")
        to_name_parts = netloc.partition(":")[0].split(".")
        if to_name_parts != [""]:
            url_scheme, host = scheme, netloc
        else:
            to_name_parts = from_name_parts
        if to_name_parts != from_name_parts:
            if to_name_parts[-len(from_name_parts) :] == from_name_parts:
                if not self.allow_subdomain_redirects:
                    raise RuntimeError("Following subdomain redirects is not enabled.")
                _unavailable("Following subdomain redirects")
            else:
                raise RuntimeError("Following external redirects is not supported.")
        script_root = _wsgi_decoding_dance(environ["SCRIPT_NAME"])
        path_parts = path.split("/")
        root_parts = script_root.split("/")
        if path_parts[: len(root_parts)] == root_parts:
            path = path[len(script_root) :]
        else:
            script_root = ""
        method = environ["REQUEST_METHOD"]
        input_stream = environ["wsgi.input"]
        if response.status_code not in {307, 308}:
            if method != "HEAD":
                method = "GET"
            input_stream = None
            content_type = None
            content_length = None
            headers.pop("Transfer-Encoding", None)
        base_url = urlunsplit((url_scheme, host, script_root, "", "")).rstrip("/") + "/"
        return dict(
            path=path,
            base_url=base_url,
            query_string=qs,
            method=method,
            input_stream=input_stream,
            content_type=content_type,
            content_length=content_length,
            headers=headers,
        )

    def open(self, *args, buffered=False, follow_redirects=False, **kwargs):
        if args and not isinstance(args[0], str):
            _unavailable(f"Sending a {type(args[0]).__name__} with the test client")
        request = self._make_request(args, kwargs)
        response = self._send(request)
        if not follow_redirects:
            return response
        redirects = set()
        history = []
        while response.status_code in {301, 302, 303, 305, 307, 308}:
            new_redirect_entry = (response.location, response.status_code)
            if new_redirect_entry in redirects:
                raise ClientRedirectError(
                    f"Loop detected: A {response.status_code} redirect to {response.location} was already made."
                )
            redirects.add(new_redirect_entry)
            response.history = tuple(history)
            history.append(response)
            request = self._make_request((), self._redirect_request(response))
            response = self._send(request)
        response.history = tuple(history)
        return response

    def get(self, *args, **kw):
        kw["method"] = "GET"
        return self.open(*args, **kw)

    def post(self, *args, **kw):
        kw["method"] = "POST"
        return self.open(*args, **kw)

    def put(self, *args, **kw):
        kw["method"] = "PUT"
        return self.open(*args, **kw)

    def delete(self, *args, **kw):
        kw["method"] = "DELETE"
        return self.open(*args, **kw)

    def patch(self, *args, **kw):
        kw["method"] = "PATCH"
        return self.open(*args, **kw)

    def options(self, *args, **kw):
        kw["method"] = "OPTIONS"
        return self.open(*args, **kw)

    def head(self, *args, **kw):
        kw["method"] = "HEAD"
        return self.open(*args, **kw)

    def trace(self, *args, **kw):
        kw["method"] = "TRACE"
        return self.open(*args, **kw)

    def __repr__(self):
        return f"<{type(self).__name__} {self.application!r}>"


class ClientRedirectError(Exception):
    """A redirect loop while following redirects."""


class TestResponse(Response):
    """What the test client returns: the response plus ``text``, ``request`` and ``history``."""

    __test__ = False
    default_mimetype = None

    def __init__(self, *args, request=None, history=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.history = history
        self._streamed = True

    @classmethod
    def _from_app_response(cls, response, request, history=()):
        """What comes out of the WSGI layer: HEAD and 1xx/204/304 have no body, Content-Length is filled in."""
        if not isinstance(response, Response):
            raise TypeError(f"The app returned a {type(response).__name__}, not a Response")
        status_code = response.status_code
        headers = Headers(list(response.headers))
        body = response.get_data()
        no_body_status = 100 <= status_code < 200 or status_code in (204, 304)
        if "Content-Length" not in headers and not no_body_status:
            headers["Content-Length"] = str(len(body))
        if request.method == "HEAD" or no_body_status:
            body = b""
        result = cls(None, status=response.status, headers=headers, request=request, history=history)
        result._body = body
        return result

    def get_data(self, as_text=False):
        self._streamed = False
        return super().get_data(as_text)

    data = property(get_data, Response.set_data)

    @property
    def text(self):
        return self.get_data(as_text=True)

    def __repr__(self):
        body = "streamed" if self._streamed else f"{len(self._body)} bytes"
        return f"<{type(self).__name__} {body} [{self.status}]>"


def run_wsgi_app(*args, **kwargs):
    _unavailable("werkzeug.test.run_wsgi_app")


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"werkzeug.test.{name} is not available in the in-browser Werkzeug stand-in")
