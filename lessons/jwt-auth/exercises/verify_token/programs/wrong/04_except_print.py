# expect: returned-none
"""Prints the error and carries on, so the function falls off its end and returns None."""
import base64
import hashlib
import hmac
import json


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_token(token, secret):
    try:
        header_b64, payload_b64, signature_b64 = token.split(".")
        header = json.loads(b64url_decode(header_b64))
        if not isinstance(header, dict) or header.get("alg") != "HS256":
            raise ValueError("unsupported algorithm")
        digest = hmac.new(secret, f"{header_b64}.{payload_b64}".encode("ascii"), hashlib.sha256).digest()
        if not hmac.compare_digest(base64.urlsafe_b64encode(digest).rstrip(b"=").decode(), signature_b64):
            raise ValueError("invalid signature")
        payload = json.loads(b64url_decode(payload_b64))
        if not isinstance(payload, dict):
            raise ValueError("payload must be an object")
        return payload
    except ValueError as error:
        print("rejected:", error)
