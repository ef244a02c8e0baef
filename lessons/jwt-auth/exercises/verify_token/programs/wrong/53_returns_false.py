# expect: returned-not-payload
"""Returns False for a token it rejects, instead of raising ValueError."""
import base64
import hashlib
import hmac
import json


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_token(token, secret):
    try:
        header_b64, payload_b64, signature_b64 = token.encode("ascii").decode().split(".")
        header = json.loads(b64url_decode(header_b64))
    except ValueError:
        return False
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        return False
    digest = hmac.new(secret, f"{header_b64}.{payload_b64}".encode(), hashlib.sha256).digest()
    expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    if not hmac.compare_digest(expected, signature_b64):
        return False
    try:
        payload = json.loads(b64url_decode(payload_b64))
    except ValueError:
        return False
    if not isinstance(payload, dict):
        return False
    return payload
