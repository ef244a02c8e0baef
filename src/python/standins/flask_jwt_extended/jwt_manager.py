"""JWTManager: Flask-JWT-Extended's settings, callbacks and error responses (stand-in)."""
import datetime

import jwt
from jwt import DecodeError, ExpiredSignatureError, InvalidAudienceError, InvalidIssuerError, InvalidTokenError, MissingRequiredClaimError

from . import default_callbacks as callbacks
from .config import config
from .exceptions import (
    CSRFError,
    FreshTokenRequired,
    InvalidHeaderError,
    InvalidQueryParamError,
    JWTDecodeError,
    NoAuthorizationError,
    RevokedTokenError,
    UserClaimsVerificationError,
    UserLookupError,
    WrongTokenError,
)
from .tokens import _decode_jwt, _encode_jwt


class JWTManager:
    """Connects Flask-JWT-Extended to an app: ``jwt = JWTManager(app)``.

    It registers the error handlers that turn a missing, malformed, expired or revoked token
    into ``{"msg": ...}`` with 401 or 422, and holds the ``@jwt.*_loader`` callbacks.
    """

    def __init__(self, app=None, add_context_processor=False):
        self._decode_key_callback = callbacks.default_decode_key_callback
        self._encode_key_callback = callbacks.default_encode_key_callback
        self._expired_token_callback = callbacks.default_expired_token_callback
        self._invalid_token_callback = callbacks.default_invalid_token_callback
        self._jwt_additional_header_callback = callbacks.default_jwt_headers_callback
        self._needs_fresh_token_callback = callbacks.default_needs_fresh_token_callback
        self._revoked_token_callback = callbacks.default_revoked_token_callback
        self._token_in_blocklist_callback = callbacks.default_blocklist_callback
        self._token_verification_callback = callbacks.default_token_verification_callback
        self._unauthorized_callback = callbacks.default_unauthorized_callback
        self._user_claims_callback = callbacks.default_additional_claims_callback
        self._user_identity_callback = callbacks.default_user_identity_callback
        self._user_lookup_callback = None
        self._user_lookup_error_callback = callbacks.default_user_lookup_error_callback
        self._token_verification_failed_callback = callbacks.default_token_verification_failed_callback
        if app is not None:
            self.init_app(app, add_context_processor)

    def init_app(self, app, add_context_processor=False):
        if not hasattr(app, "extensions"):
            app.extensions = {}
        app.extensions["flask-jwt-extended"] = self
        if add_context_processor:
            raise NotImplementedError("add_context_processor (templates) is not available in the in-browser Flask-JWT-Extended stand-in")
        self._set_default_configuration_options(app)
        self._set_error_handler_callbacks(app)

    def _set_error_handler_callbacks(self, app):
        @app.errorhandler(CSRFError)
        def handle_csrf_error(e):
            return self._unauthorized_callback(str(e))

        @app.errorhandler(DecodeError)
        def handle_decode_error(e):
            return self._invalid_token_callback(str(e))

        @app.errorhandler(ExpiredSignatureError)
        def handle_expired_error(e):
            return self._expired_token_callback(e.jwt_header, e.jwt_data)

        @app.errorhandler(FreshTokenRequired)
        def handle_fresh_token_required(e):
            return self._needs_fresh_token_callback(e.jwt_header, e.jwt_data)

        @app.errorhandler(MissingRequiredClaimError)
        def handle_missing_required_claim_error(e):
            return self._invalid_token_callback(str(e))

        @app.errorhandler(InvalidAudienceError)
        def handle_invalid_audience_error(e):
            return self._invalid_token_callback(str(e))

        @app.errorhandler(InvalidIssuerError)
        def handle_invalid_issuer_error(e):
            return self._invalid_token_callback(str(e))

        @app.errorhandler(InvalidHeaderError)
        def handle_invalid_header_error(e):
            return self._invalid_token_callback(str(e))

        @app.errorhandler(InvalidTokenError)
        def handle_invalid_token_error(e):
            return self._invalid_token_callback(str(e))

        @app.errorhandler(JWTDecodeError)
        def handle_jwt_decode_error(e):
            return self._invalid_token_callback(str(e))

        @app.errorhandler(NoAuthorizationError)
        def handle_auth_error(e):
            return self._unauthorized_callback(str(e))

        @app.errorhandler(InvalidQueryParamError)
        def handle_invalid_query_param_error(e):
            return self._invalid_token_callback(str(e))

        @app.errorhandler(RevokedTokenError)
        def handle_revoked_token_error(e):
            return self._revoked_token_callback(e.jwt_header, e.jwt_data)

        @app.errorhandler(UserClaimsVerificationError)
        def handle_failed_token_verification(e):
            return self._token_verification_failed_callback(e.jwt_header, e.jwt_data)

        @app.errorhandler(UserLookupError)
        def handler_user_lookup_error(e):
            return self._user_lookup_error_callback(e.jwt_header, e.jwt_data)

        @app.errorhandler(WrongTokenError)
        def handle_wrong_token_error(e):
            return self._invalid_token_callback(str(e))

    @staticmethod
    def _set_default_configuration_options(app):
        defaults = {
            "JWT_ACCESS_TOKEN_EXPIRES": datetime.timedelta(minutes=15),
            "JWT_ACCESS_COOKIE_NAME": "access_token_cookie",
            "JWT_ACCESS_COOKIE_PATH": "/",
            "JWT_ACCESS_CSRF_COOKIE_NAME": "csrf_access_token",
            "JWT_ACCESS_CSRF_COOKIE_PATH": "/",
            "JWT_ACCESS_CSRF_FIELD_NAME": "csrf_token",
            "JWT_ACCESS_CSRF_HEADER_NAME": "X-CSRF-TOKEN",
            "JWT_ALGORITHM": "HS256",
            "JWT_COOKIE_CSRF_PROTECT": True,
            "JWT_COOKIE_DOMAIN": None,
            "JWT_COOKIE_SAMESITE": None,
            "JWT_COOKIE_SECURE": False,
            "JWT_CSRF_CHECK_FORM": False,
            "JWT_CSRF_IN_COOKIES": True,
            "JWT_CSRF_METHODS": ["POST", "PUT", "PATCH", "DELETE"],
            "JWT_DECODE_ALGORITHMS": None,
            "JWT_DECODE_AUDIENCE": None,
            "JWT_DECODE_ISSUER": None,
            "JWT_DECODE_LEEWAY": 0,
            "JWT_ENCODE_AUDIENCE": None,
            "JWT_ENCODE_ISSUER": None,
            "JWT_ERROR_MESSAGE_KEY": "msg",
            "JWT_HEADER_NAME": "Authorization",
            "JWT_HEADER_TYPE": "Bearer",
            "JWT_IDENTITY_CLAIM": "sub",
            "JWT_JSON_KEY": "access_token",
            "JWT_PRIVATE_KEY": None,
            "JWT_PUBLIC_KEY": None,
            "JWT_QUERY_STRING_NAME": "jwt",
            "JWT_QUERY_STRING_VALUE_PREFIX": "",
            "JWT_REFRESH_COOKIE_NAME": "refresh_token_cookie",
            "JWT_REFRESH_COOKIE_PATH": "/",
            "JWT_REFRESH_CSRF_COOKIE_NAME": "csrf_refresh_token",
            "JWT_REFRESH_CSRF_COOKIE_PATH": "/",
            "JWT_REFRESH_CSRF_FIELD_NAME": "csrf_token",
            "JWT_REFRESH_CSRF_HEADER_NAME": "X-CSRF-TOKEN",
            "JWT_REFRESH_JSON_KEY": "refresh_token",
            "JWT_REFRESH_TOKEN_EXPIRES": datetime.timedelta(days=30),
            "JWT_SECRET_KEY": None,
            "JWT_SESSION_COOKIE": True,
            "JWT_TOKEN_LOCATION": ("headers",),
            "JWT_VERIFY_SUB": True,
            "JWT_ENCODE_NBF": True,
        }
        for key, value in defaults.items():
            app.config.setdefault(key, value)

    # -- loader decorators: each stores the callback and gives it back -----------------------
    def additional_claims_loader(self, callback):
        self._user_claims_callback = callback
        return callback

    def additional_headers_loader(self, callback):
        self._jwt_additional_header_callback = callback
        return callback

    def decode_key_loader(self, callback):
        self._decode_key_callback = callback
        return callback

    def encode_key_loader(self, callback):
        self._encode_key_callback = callback
        return callback

    def expired_token_loader(self, callback):
        self._expired_token_callback = callback
        return callback

    def invalid_token_loader(self, callback):
        self._invalid_token_callback = callback
        return callback

    def needs_fresh_token_loader(self, callback):
        self._needs_fresh_token_callback = callback
        return callback

    def revoked_token_loader(self, callback):
        self._revoked_token_callback = callback
        return callback

    def token_in_blocklist_loader(self, callback):
        self._token_in_blocklist_callback = callback
        return callback

    def token_verification_failed_loader(self, callback):
        self._token_verification_failed_callback = callback
        return callback

    def token_verification_loader(self, callback):
        self._token_verification_callback = callback
        return callback

    def unauthorized_loader(self, callback):
        self._unauthorized_callback = callback
        return callback

    def user_identity_loader(self, callback):
        self._user_identity_callback = callback
        return callback

    def user_lookup_loader(self, callback):
        self._user_lookup_callback = callback
        return callback

    def user_lookup_error_loader(self, callback):
        self._user_lookup_error_callback = callback
        return callback

    # -- tokens ----------------------------------------------------------------------------------
    def _encode_jwt_from_config(self, identity, token_type, claims=None, fresh=False, expires_delta=None, headers=None):
        header_overrides = self._jwt_additional_header_callback(identity)
        if headers is not None:
            header_overrides.update(headers)
        claim_overrides = self._user_claims_callback(identity)
        if claims is not None:
            claim_overrides.update(claims)
        if expires_delta is None:
            expires_delta = config.access_expires if token_type == "access" else config.refresh_expires
        return _encode_jwt(
            algorithm=config.algorithm,
            audience=config.encode_audience,
            claim_overrides=claim_overrides,
            csrf=config.cookie_csrf_protect,
            expires_delta=expires_delta,
            fresh=fresh,
            header_overrides=header_overrides,
            identity=self._user_identity_callback(identity),
            identity_claim_key=config.identity_claim_key,
            issuer=config.encode_issuer,
            json_encoder=config.json_encoder,
            secret=self._encode_key_callback(identity),
            token_type=token_type,
            nbf=config.encode_nbf,
        )

    def _decode_jwt_from_config(self, encoded_token, csrf_value=None, allow_expired=False):
        unverified_claims = jwt.decode(encoded_token, algorithms=config.decode_algorithms, options={"verify_signature": False})
        unverified_headers = jwt.get_unverified_header(encoded_token)
        secret = self._decode_key_callback(unverified_headers, unverified_claims)
        kwargs = {
            "algorithms": config.decode_algorithms,
            "audience": config.decode_audience,
            "csrf_value": csrf_value,
            "encoded_token": encoded_token,
            "identity_claim_key": config.identity_claim_key,
            "issuer": config.decode_issuer,
            "leeway": config.leeway,
            "secret": secret,
            "verify_aud": config.decode_audience is not None,
            "verify_sub": config.verify_sub,
        }
        try:
            return _decode_jwt(**kwargs, allow_expired=allow_expired)
        except ExpiredSignatureError as e:
            # The expired-token callback gets the token's header and claims.
            e.jwt_header = unverified_headers
            e.jwt_data = _decode_jwt(**kwargs, allow_expired=True)
            raise
