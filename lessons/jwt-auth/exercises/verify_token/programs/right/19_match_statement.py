# expect: pass
"""Structural pattern matching for the parts and the header; arguments to compare_digest reversed."""
import base64
import hashlib
import hmac
import json


def _decode(segment):
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def verify_token(token, secret):
    if not token.isascii():
        raise ValueError("token must be ASCII")
    match token.split("."):
        case [header_b64, payload_b64, signature_b64]:
            pass
        case parts:
            raise ValueError(f"token has {len(parts)} parts, a JWT has 3")

    match json.loads(_decode(header_b64)):
        case {"alg": "HS256"}:
            pass
        case _:
            raise ValueError("header must be an object with alg HS256")

    digest = hmac.new(secret, f"{header_b64}.{payload_b64}".encode("ascii"), getattr(hashlib, "sha256")).digest()
    if not hmac.compare_digest(signature_b64, base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")):
        raise ValueError("invalid signature")

    match json.loads(_decode(payload_b64)):
        case dict() as payload:
            return payload
        case _:
            raise ValueError("payload must be a JSON object")
