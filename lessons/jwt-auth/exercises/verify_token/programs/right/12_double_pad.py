# expect: pass
"""Padding by appending '==' whatever the length (Python's decoder ignores extra padding)."""
import base64
import hashlib
import hmac
import json


def verify_token(token, secret):
    if not token.isascii():
        raise ValueError("not ASCII")
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("need three parts")
    h64, p64, s64 = parts
    header = json.loads(base64.urlsafe_b64decode(h64 + "=="))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("bad alg")
    mine = base64.urlsafe_b64encode(hmac.new(secret, f"{h64}.{p64}".encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(mine.rstrip(b"=").decode(), s64):
        raise ValueError("bad signature")
    payload = json.loads(base64.urlsafe_b64decode(p64 + "=="))
    if not isinstance(payload, dict):
        raise ValueError("payload not an object")
    return payload
