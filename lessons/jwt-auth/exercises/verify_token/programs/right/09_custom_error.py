# expect: pass
"""A custom exception class that subclasses ValueError."""
import base64
import hashlib
import hmac
import json


class InvalidTokenError(ValueError):
    """The token is not a genuine HS256 token for this secret."""


def _decode(segment):
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def verify_token(token, secret):
    if not token.isascii():
        raise InvalidTokenError("token is not ASCII")
    parts = token.split(".")
    if len(parts) != 3:
        raise InvalidTokenError(f"token has {len(parts)} parts, not 3")
    header_b64, payload_b64, signature_b64 = parts

    try:
        header = json.loads(_decode(header_b64))
    except ValueError as error:
        raise InvalidTokenError("header is not base64url JSON") from error
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise InvalidTokenError("alg must be HS256")

    mac = hmac.new(secret, f"{header_b64}.{payload_b64}".encode("ascii"), hashlib.sha256)
    expected = base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode("ascii")
    if not hmac.compare_digest(expected, signature_b64):
        raise InvalidTokenError("signature does not match")

    try:
        payload = json.loads(_decode(payload_b64))
    except ValueError as error:
        raise InvalidTokenError("payload is not base64url JSON") from error
    if not isinstance(payload, dict):
        raise InvalidTokenError("payload is not a JSON object")
    return payload
