# expect: timeout
"""Retries the check whenever it fails, hoping the next attempt goes better."""
import base64
import hashlib
import hmac
import json


def _decode(segment):
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _check(token, secret):
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(_decode(header_b64))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("unsupported algorithm")
    digest = hmac.new(secret, (header_b64 + "." + payload_b64).encode("ascii"), hashlib.sha256).digest()
    if not hmac.compare_digest(base64.urlsafe_b64encode(digest).rstrip(b"=").decode(), signature_b64):
        raise ValueError("invalid signature")
    payload = json.loads(_decode(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("payload must be an object")
    return payload


def verify_token(token, secret):
    attempts = 0
    while True:
        try:
            return _check(token, secret)
        except ValueError:
            attempts += 1
            continue
