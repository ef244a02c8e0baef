# expect: pass
"""Checks the signature's spelling strictly, then compares the raw bytes in constant time."""
import base64
import hashlib
import hmac
import json
import re

SIGNATURE_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


def unb64(segment):
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def verify_token(token, secret):
    if not token.isascii():
        raise ValueError("token is not ASCII")
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("token must have three parts")
    header_b64, payload_b64, signature_b64 = parts

    header = json.loads(unb64(header_b64))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("unsupported algorithm")

    # An HS256 signature is 32 bytes: exactly 43 base64url characters, nothing else.
    if not SIGNATURE_SHAPE.fullmatch(signature_b64):
        raise ValueError("signature is not 43 base64url characters")
    received = unb64(signature_b64)
    computed = hmac.new(secret, (header_b64 + "." + payload_b64).encode("ascii"), hashlib.sha256).digest()
    if not hmac.compare_digest(computed, received):
        raise ValueError("invalid signature")

    payload = json.loads(unb64(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("payload is not a JSON object")
    return payload
