"""Flask's Request and Response (stand-in; see flask/__init__.py)."""
from werkzeug.exceptions import BadRequest
from werkzeug.wrappers import Request as RequestBase
from werkzeug.wrappers import Response as ResponseBase

from . import json
from .globals import current_app


def _split_blueprint_path(name):
    out = [name]
    if "." in name:
        out.extend(_split_blueprint_path(name.rpartition(".")[0]))
    return out


class Request(RequestBase):
    """The request a view sees as ``flask.request``.

    ``request.headers.get("authorization")`` is case-insensitive, ``request.args`` holds the
    query string, ``request.get_json()`` parses a JSON body (a 415 page if the body is not
    declared as JSON, a 400 page if it is not valid JSON), ``request.cookies`` holds the
    cookies the client sent and ``request.authorization`` the parsed Authorization header.
    """

    json_module = json
    url_rule = None
    view_args = None
    routing_exception = None
    _max_content_length = None
    _max_form_memory_size = None
    _max_form_parts = None

    def _config_limit(self, own, key, default):
        if own is not None:
            return own
        if not current_app:
            return default
        return current_app.config[key]

    @property
    def max_content_length(self):
        return self._config_limit(self._max_content_length, "MAX_CONTENT_LENGTH", None)

    @max_content_length.setter
    def max_content_length(self, value):
        self._max_content_length = value

    @property
    def max_form_memory_size(self):
        return self._config_limit(self._max_form_memory_size, "MAX_FORM_MEMORY_SIZE", 500_000)

    @max_form_memory_size.setter
    def max_form_memory_size(self, value):
        self._max_form_memory_size = value

    @property
    def max_form_parts(self):
        return self._config_limit(self._max_form_parts, "MAX_FORM_PARTS", 1_000)

    @max_form_parts.setter
    def max_form_parts(self, value):
        self._max_form_parts = value

    @property
    def endpoint(self):
        if self.url_rule is not None:
            return self.url_rule.endpoint
        return None

    @property
    def blueprint(self):
        endpoint = self.endpoint
        if endpoint is not None and "." in endpoint:
            return endpoint.rpartition(".")[0]
        return None

    @property
    def blueprints(self):
        name = self.blueprint
        if name is None:
            return []
        return _split_blueprint_path(name)

    def on_json_loading_failed(self, e):
        try:
            return super().on_json_loading_failed(e)
        except BadRequest as ebr:
            # Outside debug mode Flask hides the parser's message behind a generic 400.
            if current_app and current_app.debug:
                raise
            raise BadRequest() from ebr


class Response(ResponseBase):
    """Flask's response: HTML by default (``text/html; charset=utf-8``)."""

    default_mimetype = "text/html"
    json_module = json
    autocorrect_location_header = False

    @property
    def max_cookie_size(self):
        if current_app:
            return current_app.config["MAX_COOKIE_SIZE"]
        return super().max_cookie_size
