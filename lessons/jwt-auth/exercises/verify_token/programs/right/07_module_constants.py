# expect: pass
"""Module constants for the algorithm and the separator."""
import base64
import hashlib
import hmac
import json

ALGORITHM = "HS256"
SEPARATOR = "."
HASH = hashlib.sha256


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_token(token, secret):
    if not token.isascii():
        raise ValueError("Token must be ASCII")
    parts = token.split(SEPARATOR)
    if len(parts) != 3:
        raise ValueError("Token must have three parts")
    header_b64, payload_b64, signature_b64 = parts

    header = json.loads(b64url_decode(header_b64))
    if not isinstance(header, dict):
        raise ValueError("Header must be a JSON object")
    if header.get("alg") != ALGORITHM:
        raise ValueError(f"Only {ALGORITHM} is accepted")

    signing_input = SEPARATOR.join([header_b64, payload_b64]).encode("ascii")
    digest = hmac.new(secret, signing_input, HASH).digest()
    expected = base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")
    if not hmac.compare_digest(expected, signature_b64):
        raise ValueError("Invalid signature")

    payload = json.loads(b64url_decode(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("Payload must be a JSON object")
    return payload
