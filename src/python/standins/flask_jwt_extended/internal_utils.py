"""Helpers shared by the modules of the Flask-JWT-Extended stand-in."""
import json

from flask import current_app
from flask.json.provider import DefaultJSONProvider

from .exceptions import RevokedTokenError, UserClaimsVerificationError, WrongTokenError


def get_jwt_manager():
    try:
        return current_app.extensions["flask-jwt-extended"]
    except KeyError:
        raise RuntimeError("You must initialize a JWTManager with this flask application before using this method") from None


def has_user_lookup():
    return get_jwt_manager()._user_lookup_callback is not None


def user_lookup(*args, **kwargs):
    jwt_manager = get_jwt_manager()
    return jwt_manager._user_lookup_callback and jwt_manager._user_lookup_callback(*args, **kwargs)


def verify_token_type(decoded_token, refresh):
    if not refresh and decoded_token["type"] == "refresh":
        raise WrongTokenError("Only non-refresh tokens are allowed")
    elif refresh and decoded_token["type"] != "refresh":
        raise WrongTokenError("Only refresh tokens are allowed")


def verify_token_not_blocklisted(jwt_header, jwt_data):
    jwt_manager = get_jwt_manager()
    if jwt_manager._token_in_blocklist_callback(jwt_header, jwt_data):
        raise RevokedTokenError(jwt_header, jwt_data)


def custom_verification_for_token(jwt_header, jwt_data):
    jwt_manager = get_jwt_manager()
    if not jwt_manager._token_verification_callback(jwt_header, jwt_data):
        raise UserClaimsVerificationError("User claims verification failed", jwt_header, jwt_data)


class JSONEncoder(json.JSONEncoder):
    """Writes claims with the app's JSON provider's ``default`` (dates, UUIDs, decimals...)."""

    def default(self, o):
        default = getattr(current_app.json_provider_class, "default", DefaultJSONProvider.default)
        return default(o)


def get_json_encoder(app):
    return JSONEncoder
