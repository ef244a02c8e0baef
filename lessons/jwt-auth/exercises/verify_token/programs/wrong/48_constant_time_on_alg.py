# expect: constant-time-other
"""Uses compare_digest for the alg, and a character loop for the signatures."""
import base64
import hashlib
import hmac
import json


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_token(token, secret):
    if not token.isascii():
        raise ValueError("token must be ASCII")
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("token must have three parts")
    header_b64, payload_b64, signature_b64 = parts
    header = json.loads(b64url_decode(header_b64))
    if not isinstance(header, dict) or not hmac.compare_digest(str(header.get("alg")), "HS256"):
        raise ValueError("unsupported algorithm")
    digest = hmac.new(secret, f"{header_b64}.{payload_b64}".encode(), hashlib.sha256).digest()
    expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    if len(expected) != len(signature_b64):
        raise ValueError("invalid signature")
    for mine, theirs in zip(expected, signature_b64):
        if mine != theirs:
            raise ValueError("invalid signature")
    payload = json.loads(b64url_decode(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("payload must be an object")
    return payload
