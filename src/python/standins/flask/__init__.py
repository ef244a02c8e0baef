"""A lightweight in-browser stand-in for Flask.

This is NOT the real Flask. It is a small pure-Python imitation that runs inside Pyodide so
the course's examples can run in the browser. It answers requests made with
``app.test_client()`` the way Flask 3.1 and Werkzeug 3.1 do: routing with ``methods=`` and
the ``.get``/``.post``/... shortcuts, URL converters, ``request`` (method, path, headers,
args, form, ``get_json()``), ``jsonify``, ``abort``, ``make_response``, ``redirect``, error
handlers, and Werkzeug's 400/404/405/415/500 pages, byte for byte.

There is no server, so ``app.run()`` is not available. Blueprints, templates, sessions,
cookies, ``before_request``/``after_request`` hooks, ``url_for``, file uploads and class-based
views are not here either: using them raises ``NotImplementedError("... is not available in
the in-browser Flask stand-in")`` rather than doing something different from Flask.
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
