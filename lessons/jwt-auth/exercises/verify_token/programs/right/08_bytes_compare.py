# expect: pass
"""Strict bytes comparison: both base64url texts encoded to bytes before compare_digest."""
import base64
import hashlib
import hmac
import json


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_token(token: str, secret: bytes) -> dict:
    if not isinstance(token, str):
        raise ValueError("token must be a string")
    try:
        raw_token = token.encode("ascii")
    except UnicodeEncodeError:
        raise ValueError("token must be ASCII") from None
    parts = raw_token.split(b".")
    if len(parts) != 3:
        raise ValueError("token must have three parts")
    header_b64, payload_b64, signature_b64 = (part.decode("ascii") for part in parts)

    header = json.loads(b64url_decode(header_b64))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("unsupported algorithm")

    digest = hmac.new(secret, parts[0] + b"." + parts[1], hashlib.sha256).digest()
    expected = base64.urlsafe_b64encode(digest).decode().rstrip("=")
    if not hmac.compare_digest(expected.encode(), signature_b64.encode()):
        raise ValueError("invalid signature")

    payload = json.loads(b64url_decode(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("payload must be an object")
    return payload
