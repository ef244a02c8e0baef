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


session = LocalProxy(_cv_request, "session", unbound_message=_no_req_msg)
