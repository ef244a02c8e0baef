"""Application and request contexts (stand-in; see flask/__init__.py)."""
import sys

from werkzeug.exceptions import HTTPException

from .globals import _cv_app, _cv_request


class _AppCtxGlobals:
    """``flask.g``: a plain namespace that lives as long as the application context."""

    def __getattr__(self, name):
        try:
            return self.__dict__[name]
        except KeyError:
            raise AttributeError(name) from None

    def get(self, name, default=None):
        return self.__dict__.get(name, default)

    def pop(self, name, default=...):
        if default is ...:
            return self.__dict__.pop(name)
        return self.__dict__.pop(name, default)

    def setdefault(self, name, default=None):
        return self.__dict__.setdefault(name, default)

    def __contains__(self, item):
        return item in self.__dict__

    def __iter__(self):
        return iter(self.__dict__)

    def __repr__(self):
        context = _cv_app.get(None)
        if context is not None:
            return f"<flask.g of '{context.app.name}'>"
        return object.__repr__(self)


_sentinel = object()


class AppContext:
    """``with app.app_context():`` makes ``current_app`` and ``g`` available."""

    def __init__(self, app):
        self.app = app
        self.g = app.app_ctx_globals_class()
        self._cv_tokens = []

    def push(self):
        self._cv_tokens.append(_cv_app.set(self))

    def pop(self, exc=_sentinel):
        try:
            if len(self._cv_tokens) == 1:
                if exc is _sentinel:
                    exc = sys.exc_info()[1]
                self.app.do_teardown_appcontext(exc)
        finally:
            ctx = _cv_app.get()
            _cv_app.reset(self._cv_tokens.pop())
        if ctx is not self:
            raise AssertionError(f"Popped wrong app context. ({ctx!r} instead of {self!r})")

    def __enter__(self):
        self.push()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.pop(exc_value)


class RequestContext:
    """The request being handled: ``request`` and ``session`` point at it while it is pushed."""

    def __init__(self, app, environ, request=None, session=None):
        self.app = app
        if request is None:
            request = app.request_class(environ)
            request.json_module = app.json
        self.request = request
        self.flashes = None
        self._session = session
        self._after_request_functions = []
        self._cv_tokens = []

    def copy(self):
        return self.__class__(self.app, environ=self.request.environ, request=self.request, session=self._session)

    def match_request(self):
        request = self.request
        try:
            rule, view_args = self.app.url_map.match(
                request.path,
                request.method,
                request.query_string.decode("latin-1"),
                url_root=f"{request.scheme}://{request.host}{request.root_path}",
            )
            request.url_rule = rule
            request.view_args = view_args
        except HTTPException as error:
            request.routing_exception = error

    @property
    def session(self):
        assert self._session is not None, "The session has not yet been opened."
        self._session.accessed = True
        return self._session

    def push(self):
        app_ctx = _cv_app.get(None)
        if app_ctx is None or app_ctx.app is not self.app:
            app_ctx = self.app.app_context()
            app_ctx.push()
        else:
            app_ctx = None
        self._cv_tokens.append((_cv_request.set(self), app_ctx))
        if self._session is None:
            session_interface = self.app.session_interface
            self._session = session_interface.open_session(self.app, self.request)
            if self._session is None:
                self._session = session_interface.make_null_session(self.app)
        self.match_request()

    def pop(self, exc=_sentinel):
        clear_request = len(self._cv_tokens) == 1
        try:
            if clear_request:
                if exc is _sentinel:
                    exc = sys.exc_info()[1]
                self.app.do_teardown_request(exc)
        finally:
            ctx = _cv_request.get()
            token, app_ctx = self._cv_tokens.pop()
            _cv_request.reset(token)
            if clear_request:
                ctx.request.environ["werkzeug.request"] = None
            if app_ctx is not None:
                app_ctx.pop(exc)
            if ctx is not self:
                raise AssertionError(f"Popped wrong request context. ({ctx!r} instead of {self!r})")

    def __enter__(self):
        self.push()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.pop(exc_value)

    def __repr__(self):
        return f"<{type(self).__name__} {self.request.url!r} [{self.request.method}] of {self.app.name}>"


def has_app_context():
    return _cv_app.get(None) is not None


def has_request_context():
    return _cv_request.get(None) is not None


def after_this_request(f):
    ctx = _cv_request.get(None)
    if ctx is None:
        raise RuntimeError(
            "'after_this_request' can only be used when a request"
            " context is active, such as in a view function."
        )
    ctx._after_request_functions.append(f)
    return f
