"""create_access_token, get_jwt_identity and the other helpers (stand-in)."""
import jwt
from flask import g
from werkzeug.local import LocalProxy

from .config import config
from .internal_utils import get_jwt_manager

current_user = LocalProxy(lambda: get_current_user())


def _unavailable(feature):
    raise NotImplementedError(f"{feature} is not available in the in-browser Flask-JWT-Extended stand-in")


def get_jwt():
    """The claims of the token of the current request (``{}`` with ``optional=True`` and no token)."""
    decoded_jwt = g.get("_jwt_extended_jwt", None)
    if decoded_jwt is None:
        raise RuntimeError("You must call `@jwt_required()` or `verify_jwt_in_request()` before using this method")
    return decoded_jwt


def get_jwt_header():
    decoded_header = g.get("_jwt_extended_jwt_header", None)
    if decoded_header is None:
        raise RuntimeError("You must call `@jwt_required()` or `verify_jwt_in_request()` before using this method")
    return decoded_header


def get_jwt_identity():
    """The ``sub`` claim of the current token, or None when ``optional=True`` found no token."""
    return get_jwt().get(config.identity_claim_key, None)


def get_jwt_request_location():
    return g.get("_jwt_extended_jwt_location", None)


def get_current_user():
    get_jwt()
    jwt_user_dict = g.get("_jwt_extended_jwt_user", None)
    if jwt_user_dict is None:
        raise RuntimeError("You must provide a `@jwt.user_lookup_loader` callback to use this method")
    return jwt_user_dict["loaded_user"]


def decode_token(encoded_token, csrf_value=None, allow_expired=False):
    """Verifies a token and returns its claims (no blocklist or user loading)."""
    jwt_manager = get_jwt_manager()
    return jwt_manager._decode_jwt_from_config(encoded_token, csrf_value, allow_expired)


def create_access_token(identity, fresh=False, expires_delta=None, additional_claims=None, additional_headers=None):
    """A signed access token whose ``sub`` is ``identity``, valid 15 minutes by default."""
    jwt_manager = get_jwt_manager()
    return jwt_manager._encode_jwt_from_config(
        claims=additional_claims,
        expires_delta=expires_delta,
        fresh=fresh,
        headers=additional_headers,
        identity=identity,
        token_type="access",
    )


def create_refresh_token(identity, expires_delta=None, additional_claims=None, additional_headers=None):
    """A signed refresh token, valid 30 days by default."""
    jwt_manager = get_jwt_manager()
    return jwt_manager._encode_jwt_from_config(
        claims=additional_claims,
        expires_delta=expires_delta,
        fresh=False,
        headers=additional_headers,
        identity=identity,
        token_type="refresh",
    )


def get_unverified_jwt_headers(encoded_token):
    return jwt.get_unverified_header(encoded_token)


def get_jti(encoded_token):
    return decode_token(encoded_token).get("jti")


def get_csrf_token(encoded_token):
    return decode_token(encoded_token)["csrf"]


def set_access_cookies(*args, **kwargs):
    _unavailable("set_access_cookies (tokens in cookies)")


def set_refresh_cookies(*args, **kwargs):
    _unavailable("set_refresh_cookies (tokens in cookies)")


def unset_jwt_cookies(*args, **kwargs):
    _unavailable("unset_jwt_cookies (tokens in cookies)")


def unset_access_cookies(*args, **kwargs):
    _unavailable("unset_access_cookies (tokens in cookies)")


def unset_refresh_cookies(*args, **kwargs):
    _unavailable("unset_refresh_cookies (tokens in cookies)")


def current_user_context_processor():
    _unavailable("current_user_context_processor (templates)")
