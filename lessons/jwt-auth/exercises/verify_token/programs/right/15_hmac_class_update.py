# expect: pass
"""hmac.HMAC built step by step with update(); bytes/str secrets both accepted."""
import base64
import hashlib
import hmac
import json


def verify_token(token, secret):
    key = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
    if not isinstance(token, str) or not token.isascii():
        raise ValueError("token must be ASCII text")
    header_b64, sep1, rest = token.partition(".")
    payload_b64, sep2, signature_b64 = rest.partition(".")
    if sep1 != "." or sep2 != "." or signature_b64.count("."):
        raise ValueError("token must have three parts")

    header = json.loads(base64.urlsafe_b64decode(header_b64 + "=" * (-len(header_b64) % 4)))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("unsupported algorithm")

    mac = hmac.HMAC(key, digestmod=hashlib.sha256)
    mac.update(header_b64.encode("ascii") + b"." + payload_b64.encode("ascii"))
    expected = base64.urlsafe_b64encode(mac.digest()).decode("ascii").rstrip("=")
    if not hmac.compare_digest(expected, signature_b64):
        raise ValueError("invalid signature")

    payload = json.loads(base64.urlsafe_b64decode(payload_b64 + "=" * (-len(payload_b64) % 4)))
    if not isinstance(payload, dict):
        raise ValueError("payload must be a JSON object")
    return payload
