# expect: plain-exception
"""Wraps every failure in a plain Exception."""
import base64
import hashlib
import hmac
import json


def verify_token(token, secret):
    try:
        header_b64, payload_b64, signature_b64 = token.encode("ascii").decode().split(".")
        header = json.loads(base64.urlsafe_b64decode(header_b64 + "=" * (-len(header_b64) % 4)))
    except Exception as error:
        raise Exception(f"malformed token: {error}")
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise Exception("unsupported algorithm")
    digest = hmac.new(secret, (header_b64 + "." + payload_b64).encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(base64.urlsafe_b64encode(digest).rstrip(b"=").decode(), signature_b64):
        raise Exception("invalid signature")
    try:
        payload = json.loads(base64.urlsafe_b64decode(payload_b64 + "=" * (-len(payload_b64) % 4)))
    except Exception as error:
        raise Exception(f"bad payload: {error}")
    if not isinstance(payload, dict):
        raise Exception("payload must be an object")
    return payload
