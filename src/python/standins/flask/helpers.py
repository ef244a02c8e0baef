"""make_response, abort, redirect, and the helpers this stand-in does not have (stand-in)."""
from werkzeug.exceptions import abort as _werkzeug_abort
from werkzeug.utils import redirect as _werkzeug_redirect

from .globals import current_app


def _unavailable(feature):
    raise NotImplementedError(f"{feature} is not available in the in-browser Flask stand-in")


def make_response(*args):
    """Turns a view's return value into a Response you can change before returning it.

    ``make_response({"ok": True}, 201)`` is a JSON response with status 201.
    """
    if not args:
        return current_app.response_class()
    if len(args) == 1:
        args = args[0]
    return current_app.make_response(args)


def abort(code, *args, **kwargs):
    """Stops the view with an HTTP error page: ``abort(404)`` raises ``NotFound()``."""
    if current_app:
        current_app.aborter(code, *args, **kwargs)
    _werkzeug_abort(code, *args, **kwargs)


def redirect(location, code=302, Response=None):
    """A 302 (or ``code``) response pointing at ``location``."""
    if current_app:
        return current_app.redirect(location, code=code)
    return _werkzeug_redirect(location, code, Response)


def url_for(*args, **kwargs):
    _unavailable("url_for")


def render_template(*args, **kwargs):
    _unavailable("render_template (templates)")


def render_template_string(*args, **kwargs):
    _unavailable("render_template_string (templates)")


def stream_template(*args, **kwargs):
    _unavailable("stream_template (templates)")


def stream_template_string(*args, **kwargs):
    _unavailable("stream_template_string (templates)")


def get_template_attribute(*args, **kwargs):
    _unavailable("get_template_attribute (templates)")


def send_file(*args, **kwargs):
    _unavailable("send_file")


def send_from_directory(*args, **kwargs):
    _unavailable("send_from_directory")


def flash(*args, **kwargs):
    _unavailable("flash (sessions)")


def get_flashed_messages(*args, **kwargs):
    _unavailable("get_flashed_messages (sessions)")


def stream_with_context(*args, **kwargs):
    _unavailable("stream_with_context")


def after_this_request(f):
    """Runs ``f(response)`` after this request only; ``f`` must return a response."""
    from .ctx import after_this_request as _after_this_request

    return _after_this_request(f)


def copy_current_request_context(*args, **kwargs):
    _unavailable("copy_current_request_context")
