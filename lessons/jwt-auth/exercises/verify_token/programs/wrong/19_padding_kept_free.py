# expect: signature-form
"""Encodes its own signature with urlsafe_b64encode and forgets to strip the '='."""
import base64
import hashlib
import hmac
import json


def unb64(segment):
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def verify_token(token, secret):
    if not token.isascii():
        raise ValueError("token must be ASCII")
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("token must have three parts")
    header_b64, payload_b64, signature_b64 = parts
    header = json.loads(unb64(header_b64))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("unsupported algorithm")
    mac = hmac.new(secret, f"{header_b64}.{payload_b64}".encode(), digestmod="sha256")
    expected = base64.urlsafe_b64encode(mac.digest()).decode("ascii")
    if not hmac.compare_digest(expected, signature_b64):
        raise ValueError("invalid signature")
    payload = json.loads(unb64(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("payload must be an object")
    return payload
