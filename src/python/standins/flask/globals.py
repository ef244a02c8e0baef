"""flask.current_app, flask.g and flask.request: proxies to the active contexts (stand-in)."""
from contextvars import ContextVar

from werkzeug.local import LocalProxy

_no_app_msg = """\
Working outside of application context.

This typically means that you attempted to use functionality that needed
the current application. To solve this, set up an application context
with app.app_context(). See the documentation for more information.\
"""
_cv_app = ContextVar("flask.app_ctx")
app_ctx = LocalProxy(_cv_app, unbound_message=_no_app_msg)
current_app = LocalProxy(_cv_app, "app", unbound_message=_no_app_msg)
g = LocalProxy(_cv_app, "g", unbound_message=_no_app_msg)

_no_req_msg = """\
Working outside of request context.

This typically means that you attempted to use functionality that needed
an active HTTP request. Consult the documentation on testing for
information about how to avoid this problem.\
"""
_cv_request = ContextVar("flask.request_ctx")
request_ctx = LocalProxy(_cv_request, unbound_message=_no_req_msg)
request = LocalProxy(_cv_request, "request", unbound_message=_no_req_msg)


class _UnavailableProxy:
    """Stands for a Flask global this stand-in does not have: every use raises NotImplementedError."""

    def __init__(self, feature):
        object.__setattr__(self, "_feature", feature)

    def _fail(self, *args, **kwargs):
        raise NotImplementedError(f"{object.__getattribute__(self, '_feature')} is not available in the in-browser Flask stand-in")

    def __getattr__(self, name):
        self._fail()

    __setattr__ = __delattr__ = __getitem__ = __setitem__ = __delitem__ = _fail
    __contains__ = __iter__ = __len__ = __bool__ = __call__ = _fail

    def __repr__(self):
        return f"<unavailable {object.__getattribute__(self, '_feature')}>"


session = _UnavailableProxy("session")
