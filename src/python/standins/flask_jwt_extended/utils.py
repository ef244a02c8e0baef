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
    """The ``csrf`` claim of a token: the double submit value a client sends back."""
    token = decode_token(encoded_token)
    return token["csrf"]


def _set_jwt_cookies(response, encoded_token, max_age, domain, cookie_name, cookie_path, csrf_cookie_name, csrf_cookie_path):
    response.set_cookie(
        cookie_name,
        value=encoded_token,
        max_age=max_age or config.cookie_max_age,
        secure=config.cookie_secure,
        httponly=True,
        domain=domain or config.cookie_domain,
        path=cookie_path,
        samesite=config.cookie_samesite,
    )
    # The CSRF cookie is readable by the page's JavaScript (not HttpOnly), so it can send it back.
    if config.cookie_csrf_protect and config.csrf_in_cookies:
        response.set_cookie(
            csrf_cookie_name,
            value=get_csrf_token(encoded_token),
            max_age=max_age or config.cookie_max_age,
            secure=config.cookie_secure,
            httponly=False,
            domain=domain or config.cookie_domain,
            path=csrf_cookie_path,
            samesite=config.cookie_samesite,
        )


def _unset_jwt_cookies(response, domain, cookie_name, cookie_path, csrf_cookie_name, csrf_cookie_path):
    response.set_cookie(
        cookie_name,
        value="",
        expires=0,
        secure=config.cookie_secure,
        httponly=True,
        domain=domain or config.cookie_domain,
        path=cookie_path,
        samesite=config.cookie_samesite,
    )
    if config.cookie_csrf_protect and config.csrf_in_cookies:
        response.set_cookie(
            csrf_cookie_name,
            value="",
            expires=0,
            secure=config.cookie_secure,
            httponly=False,
            domain=domain or config.cookie_domain,
            path=csrf_cookie_path,
            samesite=config.cookie_samesite,
        )


def set_access_cookies(response, encoded_access_token, max_age=None, domain=None):
    """Sets the access token cookie (HttpOnly) and, with CSRF protection, its CSRF cookie."""
    _set_jwt_cookies(
        response,
        encoded_access_token,
        max_age,
        domain,
        config.access_cookie_name,
        config.access_cookie_path,
        config.access_csrf_cookie_name,
        config.access_csrf_cookie_path,
    )


def set_refresh_cookies(response, encoded_refresh_token, max_age=None, domain=None):
    """Sets the refresh token cookie (HttpOnly) and, with CSRF protection, its CSRF cookie."""
    _set_jwt_cookies(
        response,
        encoded_refresh_token,
        max_age,
        domain,
        config.refresh_cookie_name,
        config.refresh_cookie_path,
        config.refresh_csrf_cookie_name,
        config.refresh_csrf_cookie_path,
    )


def unset_jwt_cookies(response, domain=None):
    """Expires the access and refresh cookies (and their CSRF cookies)."""
    unset_access_cookies(response, domain)
    unset_refresh_cookies(response, domain)


def unset_access_cookies(response, domain=None):
    _unset_jwt_cookies(
        response, domain, config.access_cookie_name, config.access_cookie_path, config.access_csrf_cookie_name, config.access_csrf_cookie_path
    )


def unset_refresh_cookies(response, domain=None):
    _unset_jwt_cookies(
        response,
        domain,
        config.refresh_cookie_name,
        config.refresh_cookie_path,
        config.refresh_csrf_cookie_name,
        config.refresh_csrf_cookie_path,
    )


def current_user_context_processor():
    _unavailable("current_user_context_processor (templates)")
