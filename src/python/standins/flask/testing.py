"""Flask's test client (stand-in; see flask/__init__.py).

``app.test_client().post("/login", json={...}, headers={...})`` builds the request the way
Werkzeug's EnvironBuilder does (same headers, same body bytes) and hands it to the app.
"""
import base64
from urllib.parse import quote, unquote, urlencode, urlsplit

from werkzeug.datastructures import Headers, MultiDict
from werkzeug.http import get_content_type
from werkzeug.wrappers import Response as BaseResponse

from .wrappers import Response

USER_AGENT = "Werkzeug/3.1.9"
_REDIRECT_CODES = {301, 302, 303, 305, 307, 308}


def _unavailable(feature):
    raise NotImplementedError(f"{feature} is not available in the in-browser Flask stand-in")


def build_request(
    app,
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
    subdomain=None,
    url_scheme=None,
):
    """The request Werkzeug's EnvironBuilder would make from the test client's arguments."""
    if input_stream is not None:
        _unavailable("input_stream in the test client")
    if environ_base or environ_overrides:
        _unavailable("environ_base and environ_overrides in the test client")
    if base_url is not None or subdomain is not None or (url_scheme not in (None, "http")):
        _unavailable("Other hosts and schemes in the test client")
    if not isinstance(path, str):
        _unavailable(f"Sending a {type(path).__name__} with the test client")
    parts = urlsplit(path)
    if query_string is None and "?" in path:
        query_string = parts.query
    elif query_string is not None and "?" in path:
        raise ValueError("Query string is defined in the path and as an argument")
    raw_path = parts.path or "/"
    if not raw_path.startswith("/"):
        raw_path = "/" + raw_path
    if query_string is None:
        query_text = ""
    elif isinstance(query_string, str):
        query_text = query_string
    elif isinstance(query_string, bytes):
        query_text = query_string.decode("latin-1")
    else:
        pairs = query_string.items(multi=True) if isinstance(query_string, MultiDict) else _pairs(query_string)
        query_text = urlencode(list(pairs))

    headers = Headers(headers)
    if content_type is None:
        content_type = headers.pop("Content-Type", None)
    else:
        headers.remove("Content-Type")
    if content_length is None:
        content_length = headers.pop("Content-Length", None)
    else:
        headers.remove("Content-Length")
    if mimetype is not None:
        content_type = get_content_type(mimetype, "utf-8")
    if auth is not None:
        if isinstance(auth, tuple):
            token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
            headers.set("Authorization", f"Basic {token}")
        else:
            _unavailable("auth objects in the test client")

    body = b""
    if json is not None:
        if data is not None:
            raise TypeError("can't provide both json and data")
        data = app.json.dumps(json)
        if content_type is None:
            content_type = "application/json"
    if data:
        if hasattr(data, "read"):
            data = data.read()
        if isinstance(data, str):
            data = data.encode()
        if isinstance(data, (bytes, bytearray)):
            body = bytes(data)
        else:
            form = []
            for key, value in _pairs(data):
                if hasattr(value, "read") or isinstance(value, tuple):
                    _unavailable("File uploads in the test client")
                form.append((key, value))
            body = urlencode(form).encode("ascii")
            if content_type is None:
                content_type = "application/x-www-form-urlencoded"
        if content_length is None:
            content_length = len(body)

    request_headers = [("User-Agent", USER_AGENT), ("Host", "localhost")]
    if content_type:
        request_headers.append(("Content-Type", content_type))
    if content_length is not None:
        request_headers.append(("Content-Length", str(content_length)))
    request_headers.extend((_title(name), value) for name, value in headers)
    method = (method or "GET").upper()
    return app.request_class(
        method=method,
        path=unquote(raw_path, errors="replace"),
        query_string=quote(query_text, safe="=&%+;/?:@!$'()*,~").encode("latin-1"),
        headers=request_headers,
        body=body,
    )


def _pairs(data):
    if isinstance(data, MultiDict):
        return list(data.items(multi=True))
    items = data.items() if hasattr(data, "items") else data
    pairs = []
    for key, value in items:
        if isinstance(value, (list, set)) or (isinstance(value, tuple) and not hasattr(value, "read")):
            if isinstance(value, tuple) and len(value) in (2, 3) and hasattr(value[0], "read"):
                pairs.append((key, value))
                continue
            pairs.extend((key, item) for item in value)
        else:
            pairs.append((key, value))
    return pairs


def _title(name):
    # Header names reach the app through the WSGI environ: HTTP_X_REQUEST_ID -> X-Request-Id.
    return name.upper().replace("_", "-").title()


class WrapperTestResponse(Response):
    """What the test client returns: a Flask Response plus ``text``, ``request`` and ``history``."""

    def __init__(self, *args, request=None, history=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.history = history
        self._streamed = True

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


def _as_test_response(response, request, history):
    """What comes out of the WSGI layer: HEAD and 1xx/204/304 have no body, Content-Length is filled in."""
    if not isinstance(response, BaseResponse):
        raise TypeError(f"The app returned a {type(response).__name__}, not a Response")
    status_code = response.status_code
    headers = Headers(list(response.headers))
    body = response.get_data()
    no_body_status = 100 <= status_code < 200 or status_code in (204, 304)
    if "Content-Length" not in headers and not no_body_status:
        headers["Content-Length"] = str(len(body))
    if request.method == "HEAD" or no_body_status:
        body = b""
    result = WrapperTestResponse(None, status=response.status, headers=headers, request=request, history=history)
    result._body = body
    return result


class FlaskClient:
    """Sends requests to the app without a server: ``client.get("/")`` returns the response."""

    def __init__(self, application, response_wrapper=None, use_cookies=True, **kwargs):
        if kwargs:
            _unavailable("Extra test client arguments")
        self.application = application
        self._preserve = False
        self._kept_context = None

    def open(self, *args, buffered=False, follow_redirects=False, **kwargs):
        if args and not isinstance(args[0], str):
            _unavailable(f"Sending a {type(args[0]).__name__} with the test client")
        request = build_request(self.application, *args, **kwargs)
        response = self._send(request, ())
        history = ()
        seen = set()
        while follow_redirects and response.status_code in _REDIRECT_CODES:
            location = response.headers.get("Location", "")
            if (response.status_code, location) in seen:
                raise RuntimeError("loop detected")
            seen.add((response.status_code, location))
            history = history + (response,)
            target = urlsplit(location)
            if target.netloc not in ("", "localhost"):
                _unavailable("Following a redirect to another host")
            next_path = target.path or "/"
            next_kwargs = {"query_string": target.query} if target.query else {}
            if response.status_code in (307, 308):
                next_kwargs.update(method=request.method, headers=[(k, v) for k, v in request.headers if k not in ("User-Agent", "Host", "Content-Length")], data=request._body)
            request = build_request(self.application, next_path, **next_kwargs)
            response = self._send(request, history)
        return response

    def _send(self, request, history):
        self._release_context()
        response, ctx = self.application._handle_request(request, keep_context=self._preserve)
        if self._preserve:
            self._kept_context = ctx
        return _as_test_response(response, request, history)

    def _release_context(self):
        if self._kept_context is not None:
            context, self._kept_context = self._kept_context, None
            context.pop()

    def get(self, *args, **kwargs):
        return self.open(*args, method="GET", **kwargs)

    def post(self, *args, **kwargs):
        return self.open(*args, method="POST", **kwargs)

    def put(self, *args, **kwargs):
        return self.open(*args, method="PUT", **kwargs)

    def patch(self, *args, **kwargs):
        return self.open(*args, method="PATCH", **kwargs)

    def delete(self, *args, **kwargs):
        return self.open(*args, method="DELETE", **kwargs)

    def head(self, *args, **kwargs):
        return self.open(*args, method="HEAD", **kwargs)

    def options(self, *args, **kwargs):
        return self.open(*args, method="OPTIONS", **kwargs)

    def trace(self, *args, **kwargs):
        return self.open(*args, method="TRACE", **kwargs)

    def set_cookie(self, *args, **kwargs):
        _unavailable("Cookies in the test client")

    def get_cookie(self, *args, **kwargs):
        _unavailable("Cookies in the test client")

    def delete_cookie(self, *args, **kwargs):
        _unavailable("Cookies in the test client")

    def session_transaction(self, *args, **kwargs):
        _unavailable("session")

    def __enter__(self):
        if self._preserve:
            raise RuntimeError("Cannot nest client invocations")
        self._preserve = True
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self._preserve = False
        self._release_context()

    def __repr__(self):
        return f"<{type(self).__name__} {self.application!r}>"
