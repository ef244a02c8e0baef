# expect: pass
"""A registry of allowed algorithms with a single entry; the hash never comes from the header."""
import base64
import hashlib
import hmac
import json

ALLOWED = {"HS256": hashlib.sha256}


def _b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def verify_token(token: str, secret: bytes) -> dict:
    if not token.isascii():
        raise ValueError("token must be ASCII")
    segments = token.split(".")
    if len(segments) != 3:
        raise ValueError("token must have three segments")
    header_b64, payload_b64, signature_b64 = segments

    header = json.loads(_b64decode(header_b64))
    if not isinstance(header, dict):
        raise ValueError("header must be a JSON object")
    alg = header.get("alg")
    if not isinstance(alg, str) or alg not in ALLOWED:
        raise ValueError(f"algorithm {alg!r} is not allowed")

    digest = hmac.new(secret, f"{header_b64}.{payload_b64}".encode("ascii"), hashlib.sha256).digest()
    if not hmac.compare_digest(_b64encode(digest), signature_b64):
        raise ValueError("invalid signature")

    payload = json.loads(_b64decode(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("payload must be a JSON object")
    return payload
