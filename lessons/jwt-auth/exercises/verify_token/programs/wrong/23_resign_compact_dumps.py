# expect: message-not-token-text
"""Signs a re-serialised json.dumps of the parsed header and claims (compact), not the token's own text."""
import base64
import hashlib
import hmac
import json


def b64url_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_token(token, secret):
    if not token.isascii():
        raise ValueError("token must be ASCII")
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("token must have three parts")
    header_b64, payload_b64, signature_b64 = parts
    header = json.loads(b64url_decode(header_b64))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("unsupported algorithm")
    claims = json.loads(b64url_decode(payload_b64))
    if not isinstance(claims, dict):
        raise ValueError("payload must be an object")

    signing_input = (
        b64url_encode(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + b64url_encode(json.dumps(claims, separators=(",", ":")).encode())
    )
    digest = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    if not hmac.compare_digest(b64url_encode(digest), signature_b64):
        raise ValueError("invalid signature")
    return claims
