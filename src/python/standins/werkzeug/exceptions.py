"""HTTP exceptions and their error pages, as in Werkzeug 3.1 (stand-in; see werkzeug/__init__.py).

``str(NotFound())`` is ``'404 Not Found: The requested URL was not found...'`` and the page a
client receives is Werkzeug's small HTML document, byte for byte.
"""
from .http import HTTP_STATUS_CODES


def escape(text):
    """markupsafe.escape for plain text, as Werkzeug applies it to descriptions."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


class HTTPException(Exception):
    """The base of every HTTP error: raise one in a view and the client gets its page."""

    code = None
    description = None

    def __init__(self, description=None, response=None):
        super().__init__()
        if description is not None:
            self.description = description
        self.response = response

    @property
    def name(self):
        return HTTP_STATUS_CODES.get(self.code, "Unknown Error")

    def get_description(self, environ=None, scope=None):
        description = "" if self.description is None else self.description
        return f"<p>{escape(description).replace(chr(10), '<br>')}</p>"

    def get_body(self, environ=None, scope=None):
        return (
            "<!doctype html>\n"
            "<html lang=en>\n"
            f"<title>{self.code} {escape(self.name)}</title>\n"
            f"<h1>{escape(self.name)}</h1>\n"
            f"{self.get_description(environ)}\n"
        )

    def get_headers(self, environ=None, scope=None):
        return [("Content-Type", "text/html; charset=utf-8")]

    def get_response(self, environ=None, scope=None):
        from .wrappers import Response

        if self.response is not None:
            return self.response
        return Response(self.get_body(environ, scope), self.code, self.get_headers(environ, scope))

    def __call__(self, environ, start_response):
        raise NotImplementedError(f"Calling {type(self).__name__} as a WSGI application is not available in the in-browser Werkzeug stand-in")

    def __str__(self):
        code = self.code if self.code is not None else "???"
        return f"{code} {self.name}: {self.description}"

    def __repr__(self):
        code = self.code if self.code is not None else "???"
        return f"<{type(self).__name__} '{code}: {self.name}'>"


class BadRequest(HTTPException):
    code = 400
    description = "The browser (or proxy) sent a request that this server could not understand."


class BadRequestKeyError(BadRequest, KeyError):
    """A KeyError that is also a 400, raised by request.args['missing'] and friends."""

    _description = BadRequest.description
    show_exception = False

    def __init__(self, arg=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if arg is None:
            KeyError.__init__(self)
        else:
            KeyError.__init__(self, arg)

    @property
    def description(self):
        if self.show_exception:
            return f"{self._description}\n{KeyError.__name__}: {KeyError.__str__(self)}"
        return self._description

    @description.setter
    def description(self, value):
        self._description = value


class ClientDisconnected(BadRequest):
    pass


class SecurityError(BadRequest):
    pass


class BadHost(BadRequest):
    pass


class Unauthorized(HTTPException):
    code = 401
    description = (
        "The server could not verify that you are authorized to access the URL requested."
        " You either supplied the wrong credentials (e.g. a bad password), or your browser"
        " doesn't understand how to supply the credentials required."
    )

    def __init__(self, description=None, response=None, www_authenticate=None):
        super().__init__(description, response)
        if www_authenticate is not None and not isinstance(www_authenticate, (list, tuple)):
            www_authenticate = [www_authenticate]
        self.www_authenticate = www_authenticate

    def get_headers(self, environ=None, scope=None):
        headers = super().get_headers(environ, scope)
        if self.www_authenticate:
            headers.extend(("WWW-Authenticate", str(value)) for value in self.www_authenticate)
        return headers


class Forbidden(HTTPException):
    code = 403
    description = "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server."


class NotFound(HTTPException):
    code = 404
    description = "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."


class MethodNotAllowed(HTTPException):
    code = 405
    description = "The method is not allowed for the requested URL."

    def __init__(self, valid_methods=None, description=None, response=None):
        super().__init__(description=description, response=response)
        self.valid_methods = valid_methods

    def get_headers(self, environ=None, scope=None):
        headers = super().get_headers(environ, scope)
        if self.valid_methods:
            headers.append(("Allow", ", ".join(self.valid_methods)))
        return headers


class NotAcceptable(HTTPException):
    code = 406
    description = (
        "The resource identified by the request is only capable of generating response entities"
        " which have content characteristics not acceptable according to the accept headers sent"
        " in the request."
    )


class RequestTimeout(HTTPException):
    code = 408
    description = "The server closed the network connection because the browser didn't finish the request within the specified time."


class Conflict(HTTPException):
    code = 409
    description = "A conflict happened while processing the request. The resource might have been modified while the request was being processed."


class Gone(HTTPException):
    code = 410
    description = (
        "The requested URL is no longer available on this server and there is no forwarding"
        " address. If you followed a link from a foreign page, please contact the author of this page."
    )


class LengthRequired(HTTPException):
    code = 411
    description = "A request with this method requires a valid <code>Content-Length</code> header."


class PreconditionFailed(HTTPException):
    code = 412
    description = "The precondition on the request for the URL failed positive evaluation."


class RequestEntityTooLarge(HTTPException):
    code = 413
    description = "The data value transmitted exceeds the capacity limit."


class RequestURITooLarge(HTTPException):
    code = 414
    description = "The length of the requested URL exceeds the capacity limit for this server. The request cannot be processed."


class UnsupportedMediaType(HTTPException):
    code = 415
    description = "The server does not support the media type transmitted in the request."


class RequestedRangeNotSatisfiable(HTTPException):
    code = 416
    description = "The server cannot provide the requested range."


class ExpectationFailed(HTTPException):
    code = 417
    description = "The server could not meet the requirements of the Expect header"


class ImATeapot(HTTPException):
    code = 418
    description = "This server is a teapot, not a coffee machine"


class MisdirectedRequest(HTTPException):
    code = 421
    description = "The server is not able to produce a response."


class UnprocessableEntity(HTTPException):
    code = 422
    description = "The request was well-formed but was unable to be followed due to semantic errors."


class Locked(HTTPException):
    code = 423
    description = "The resource that is being accessed is locked."


class FailedDependency(HTTPException):
    code = 424
    description = (
        "The method could not be performed on the resource because the requested action"
        " depended on another action and that action failed."
    )


class PreconditionRequired(HTTPException):
    code = 428
    description = 'This request is required to be conditional; try using "If-Match" or "If-Unmodified-Since".'


class _RetryAfter(HTTPException):
    def __init__(self, description=None, response=None, retry_after=None):
        super().__init__(description, response)
        self.retry_after = retry_after

    def get_headers(self, environ=None, scope=None):
        headers = super().get_headers(environ, scope)
        if self.retry_after:
            headers.append(("Retry-After", str(self.retry_after)))
        return headers


class TooManyRequests(_RetryAfter):
    code = 429
    description = "This user has exceeded an allotted request count. Try again later."


class RequestHeaderFieldsTooLarge(HTTPException):
    code = 431
    description = "One or more header fields exceeds the maximum size."


class UnavailableForLegalReasons(HTTPException):
    code = 451
    description = "Unavailable for legal reasons."


class InternalServerError(HTTPException):
    code = 500
    description = (
        "The server encountered an internal error and was unable to complete your request."
        " Either the server is overloaded or there is an error in the application."
    )

    def __init__(self, description=None, response=None, original_exception=None):
        self.original_exception = original_exception
        super().__init__(description=description, response=response)


class NotImplemented(HTTPException):  # noqa: A001 - Werkzeug's name
    code = 501
    description = "The server does not support the action requested by the browser."


class BadGateway(HTTPException):
    code = 502
    description = "The proxy server received an invalid response from an upstream server."


class ServiceUnavailable(_RetryAfter):
    code = 503
    description = (
        "The server is temporarily unable to service your request due to maintenance downtime"
        " or capacity problems. Please try again later."
    )


class GatewayTimeout(HTTPException):
    code = 504
    description = "The connection to an upstream server timed out."


class HTTPVersionNotSupported(HTTPException):
    code = 505
    description = "The server does not support the HTTP protocol version used in the request."


default_exceptions = {}
for _cls in list(globals().values()):
    if isinstance(_cls, type) and issubclass(_cls, HTTPException) and _cls.code is not None:
        default_exceptions.setdefault(_cls.code, _cls)
del _cls


class Aborter:
    """Raises the HTTPException for a status code: ``abort(404)`` raises ``NotFound()``."""

    def __init__(self, mapping=None, extra=None):
        self.mapping = dict(default_exceptions if mapping is None else mapping)
        if extra is not None:
            self.mapping.update(extra)

    def __call__(self, code, *args, **kwargs):
        from .wrappers import Response

        if isinstance(code, Response):
            raise HTTPException(response=code)
        if code not in self.mapping:
            raise LookupError(f"no exception for {code!r}")
        raise self.mapping[code](*args, **kwargs)


_aborter = Aborter()


def abort(status, *args, **kwargs):
    """Raises an HTTPException for the status code (or wraps a Response)."""
    _aborter(status, *args, **kwargs)
