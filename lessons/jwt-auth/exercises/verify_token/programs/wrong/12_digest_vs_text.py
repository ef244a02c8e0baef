# expect: compare-bytes-with-text
"""Compares the raw HMAC digest (bytes) with the signature text from the token."""
import base64
import hashlib
import hmac
import json


def decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def verify_token(token: str, secret: bytes) -> dict:
    if not token.isascii():
        raise ValueError("token must be ASCII")
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("token must have three parts")
    header_b64, payload_b64, signature_b64 = parts
    header = json.loads(decode(header_b64))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("unsupported algorithm")
    mac = hmac.new(secret, (header_b64 + "." + payload_b64).encode(), hashlib.sha256)
    if not hmac.compare_digest(mac.digest(), signature_b64):
        raise ValueError("invalid signature")
    payload = json.loads(decode(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("payload must be an object")
    return payload
