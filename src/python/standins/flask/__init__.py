"""A lightweight in-browser stand-in for Flask.

This is NOT the real Flask. It is a small pure-Python imitation that runs inside Pyodide so
the course's examples can run in the browser. It answers requests made with
``app.test_client()`` the way Flask 3.1 and Werkzeug 3.1 do: routing with ``methods=`` and
the ``.get``/``.post``/... shortcuts, URL converters, ``request`` (method, path, headers,
args, form, ``get_json()``), ``jsonify``, ``abort``, ``make_response``, ``redirect``, error
handlers, and Werkzeug's 400/404/405/415/500 pages, byte for byte.

It also has ``before_request``/``after_request``/``teardown_request`` hooks,
``teardown_appcontext``, ``g``, Blueprints, ``MethodView`` and ``View``, cookies
(``set_cookie``, ``request.cookies`` and the test client's cookie jar), signed cookie sessions
(``session``, compatible with real Flask's), ``request.authorization`` and the URL attributes
of ``request``.

There is no server, so ``app.run()`` is not available. Templates, ``url_for``, ``flash``, file
uploads and signals are not here either: using them raises ``NotImplementedError("... is not
available in the in-browser Flask stand-in")`` rather than doing something different from Flask.
"""

from . import json
from .app import Flask
from .blueprints import Blueprint
from .config import Config
from .ctx import has_app_context, has_request_context
from .globals import current_app, g, request, session
from .helpers import (
    abort,
    after_this_request,
    copy_current_request_context,
    flash,
    get_flashed_messages,
    get_template_attribute,
    make_response,
    redirect,
    render_template,
    render_template_string,
    send_file,
    send_from_directory,
    stream_template,
    stream_template_string,
    stream_with_context,
    url_for,
)
from .json import jsonify
from .wrappers import Request, Response

__version__ = "3.1.3"

__all__ = [
    "Blueprint",
    "Config",
    "Flask",
    "Request",
    "Response",
    "abort",
    "after_this_request",
    "copy_current_request_context",
    "current_app",
    "flash",
    "g",
    "get_flashed_messages",
    "get_template_attribute",
    "has_app_context",
    "has_request_context",
    "json",
    "jsonify",
    "make_response",
    "redirect",
    "render_template",
    "render_template_string",
    "request",
    "send_file",
    "send_from_directory",
    "session",
    "stream_template",
    "stream_template_string",
    "stream_with_context",
    "url_for",
]


_SIGNALS = {
    "appcontext_popped",
    "appcontext_pushed",
    "appcontext_tearing_down",
    "before_render_template",
    "got_request_exception",
    "message_flashed",
    "request_finished",
    "request_started",
    "request_tearing_down",
    "template_rendered",
}


def __getattr__(name):
    if name in _SIGNALS:
        raise NotImplementedError(f"flask.{name} (signals) is not available in the in-browser Flask stand-in")
    raise AttributeError(f"module 'flask' has no attribute '{name}'")
