"""Application and request contexts (stand-in; see flask/__init__.py)."""
from werkzeug.exceptions import HTTPException

from .globals import _cv_app, _cv_request


class _AppCtxGlobals:
    """``flask.g``: a plain namespace that lives as long as the application context."""

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


class AppContext:
    """``with app.app_context():`` makes ``current_app`` and ``g`` available."""

    def __init__(self, app):
        self.app = app
        self.g = _AppCtxGlobals()
        self._tokens = []

    def push(self):
        self._tokens.append(_cv_app.set(self))

    def pop(self, exc=None):
        _cv_app.reset(self._tokens.pop())

    def __enter__(self):
        self.push()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.pop(exc_value)


class RequestContext:
    """The request being handled: ``request`` points at it while it is pushed."""

    def __init__(self, app, request):
        self.app = app
        self.request = request
        self._tokens = []

    def push(self):
        app_ctx = _cv_app.get(None)
        if app_ctx is None or app_ctx.app is not self.app:
            app_ctx = self.app.app_context()
            app_ctx.push()
        else:
            app_ctx = None
        self._tokens.append((_cv_request.set(self), app_ctx))
        try:
            rule, view_args = self.app.url_map.match(self.request.path, self.request.method, self.request.query_string.decode("latin-1"))
            self.request.url_rule = rule
            self.request.view_args = view_args
        except HTTPException as error:
            self.request.routing_exception = error

    def pop(self, exc=None):
        token, app_ctx = self._tokens.pop()
        _cv_request.reset(token)
        if app_ctx is not None:
            app_ctx.pop(exc)

    def __enter__(self):
        self.push()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.pop(exc_value)


def has_app_context():
    return _cv_app.get(None) is not None


def has_request_context():
    return _cv_request.get(None) is not None
