# expect: returned-before-comparing
"""Returns the claims as soon as they parse; the signature check below is never reached."""
import base64
import hashlib
import hmac
import json


def segment(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_token(token, secret):
    if not token.isascii():
        raise ValueError("token must be ASCII")
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("token must have three parts")
    header = json.loads(segment(parts[0]))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("unsupported algorithm")
    digest = hmac.new(secret, ".".join(parts[:2]).encode(), hashlib.sha256).digest()
    claims = json.loads(segment(parts[1]))
    if isinstance(claims, dict):
        return claims
    if not hmac.compare_digest(base64.urlsafe_b64encode(digest).rstrip(b"=").decode(), parts[2]):
        raise ValueError("invalid signature")
    raise ValueError("payload must be an object")
