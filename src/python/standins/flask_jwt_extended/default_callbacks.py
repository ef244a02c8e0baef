"""The default responses of Flask-JWT-Extended: JSON ``{"msg": ...}`` with 401 or 422 (stand-in)."""
from http import HTTPStatus

from flask import jsonify

from .config import config


def default_additional_claims_callback(userdata):
    return {}


def default_blocklist_callback(jwt_headers, jwt_data):
    return False


def default_jwt_headers_callback(default_headers):
    return {}


def default_user_identity_callback(userdata):
    return userdata


def default_expired_token_callback(_expired_jwt_header, _expired_jwt_data):
    return jsonify({config.error_msg_key: "Token has expired"}), HTTPStatus.UNAUTHORIZED


def default_invalid_token_callback(error_string):
    return jsonify({config.error_msg_key: error_string}), HTTPStatus.UNPROCESSABLE_ENTITY


def default_unauthorized_callback(error_string):
    return jsonify({config.error_msg_key: error_string}), HTTPStatus.UNAUTHORIZED


def default_needs_fresh_token_callback(jwt_header, jwt_data):
    return jsonify({config.error_msg_key: "Fresh token required"}), HTTPStatus.UNAUTHORIZED


def default_revoked_token_callback(jwt_header, jwt_data):
    return jsonify({config.error_msg_key: "Token has been revoked"}), HTTPStatus.UNAUTHORIZED


def default_user_lookup_error_callback(_jwt_header, jwt_data):
    identity = jwt_data[config.identity_claim_key]
    return jsonify({config.error_msg_key: f"Error loading the user {identity}"}), HTTPStatus.UNAUTHORIZED


def default_token_verification_callback(_jwt_header, _jwt_data):
    return True


def default_token_verification_failed_callback(_jwt_header, _jwt_data):
    return jsonify({config.error_msg_key: "User claims verification failed"}), HTTPStatus.BAD_REQUEST


def default_decode_key_callback(jwt_header, jwt_data):
    return config.decode_key


def default_encode_key_callback(identity):
    return config.encode_key
