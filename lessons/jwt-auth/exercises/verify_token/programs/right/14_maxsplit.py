# expect: pass
"""split with maxsplit=2: a fourth segment stays glued to the signature, which then cannot match."""
import base64
import hashlib
import hmac
import json


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_token(token, secret):
    if not token.isascii():
        raise ValueError("Token must be ASCII")
    parts = token.split(".", 2)
    if len(parts) != 3:
        raise ValueError("Token must have three parts")
    header_b64, payload_b64, signature_b64 = parts

    header = json.loads(b64url_decode(header_b64))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("Unsupported algorithm")

    digest = hmac.new(secret, (header_b64 + "." + payload_b64).encode("ascii"), hashlib.sha256).digest()
    expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    if not hmac.compare_digest(expected, signature_b64):
        raise ValueError("Invalid signature")

    payload = json.loads(b64url_decode(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("Payload must be a JSON object")
    return payload
