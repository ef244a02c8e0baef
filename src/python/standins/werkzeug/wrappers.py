"""Werkzeug's Response, reduced to what the Flask stand-in needs (see werkzeug/__init__.py)."""
import json as _json

from .datastructures import Headers
from .http import HTTP_STATUS_CODES, get_content_type, parse_options_header


def _unavailable(feature):
    raise NotImplementedError(f"{feature} is not available in the in-browser Flask stand-in")


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

    # -- not here ---------------------------------------------------------------------
    def set_cookie(self, *args, **kwargs):
        _unavailable("Response.set_cookie")

    def delete_cookie(self, *args, **kwargs):
        _unavailable("Response.delete_cookie")

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
