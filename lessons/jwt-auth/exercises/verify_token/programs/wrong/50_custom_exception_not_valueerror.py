# expect: crashed
"""Its own InvalidToken exception subclasses Exception, not ValueError."""
import base64
import hashlib
import hmac
import json


class InvalidToken(Exception):
    pass


def b64url_decode(text):
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError as error:
        raise InvalidToken("not base64url") from error


def verify_token(token, secret):
    if not token.isascii():
        raise InvalidToken("token must be ASCII")
    parts = token.split(".")
    if len(parts) != 3:
        raise InvalidToken("token must have three parts")
    header_b64, payload_b64, signature_b64 = parts
    try:
        header = json.loads(b64url_decode(header_b64))
    except ValueError as error:
        raise InvalidToken("header is not JSON") from error
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise InvalidToken("unsupported algorithm")
    digest = hmac.new(secret, f"{header_b64}.{payload_b64}".encode(), hashlib.sha256).digest()
    expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    if not hmac.compare_digest(expected, signature_b64):
        raise InvalidToken("invalid signature")
    try:
        payload = json.loads(b64url_decode(payload_b64))
    except ValueError as error:
        raise InvalidToken("payload is not JSON") from error
    if not isinstance(payload, dict):
        raise InvalidToken("payload must be an object")
    return payload
