"""A lightweight in-browser stand-in for Flask-JWT-Extended 4.x.

This is NOT the real Flask-JWT-Extended. It is a small pure-Python imitation that runs inside
Pyodide, on the Flask and PyJWT stand-ins, so the course's examples can run in the browser.
It follows Flask-JWT-Extended 4.7: ``JWTManager(app)``, ``create_access_token`` (claims fresh,
iat, jti, type, sub, nbf, csrf, exp; 15 minutes by default), ``create_refresh_token``,
``@jwt_required()`` with ``optional``/``fresh``/``refresh``, ``verify_jwt_in_request``,
``get_jwt_identity``/``get_jwt``/``get_jwt_header``, the ``@jwt.*_loader`` callbacks, and the
default ``{"msg": ...}`` responses with 401 or 422, word for word.

Tokens are read from the Authorization header, cookies (``set_access_cookies``, CSRF double
submit), the query string or the JSON body, as ``JWT_TOKEN_LOCATION`` says. The asymmetric
algorithms (RS256, ES256...) and templates are not here: using them raises ``NotImplementedError("... is not available in the in-browser Flask-JWT-Extended stand-in")``.
"""
from .jwt_manager import JWTManager
from .utils import (
    create_access_token,
    create_refresh_token,
    current_user,
    decode_token,
    get_csrf_token,
    get_current_user,
    get_jti,
    get_jwt,
    get_jwt_header,
    get_jwt_identity,
    get_jwt_request_location,
    get_unverified_jwt_headers,
    set_access_cookies,
    set_refresh_cookies,
    unset_access_cookies,
    unset_jwt_cookies,
    unset_refresh_cookies,
)
from .view_decorators import jwt_required, verify_jwt_in_request

__version__ = "4.7.4"

__all__ = [
    "JWTManager",
    "create_access_token",
    "create_refresh_token",
    "current_user",
    "decode_token",
    "get_csrf_token",
    "get_current_user",
    "get_jti",
    "get_jwt",
    "get_jwt_header",
    "get_jwt_identity",
    "get_jwt_request_location",
    "get_unverified_jwt_headers",
    "jwt_required",
    "set_access_cookies",
    "set_refresh_cookies",
    "unset_access_cookies",
    "unset_jwt_cookies",
    "unset_refresh_cookies",
    "verify_jwt_in_request",
]
