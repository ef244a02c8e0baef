# expect: exp-before-signature
"""Reads exp from the unsigned payload first, to fail fast."""
import base64
import hashlib
import hmac
import json


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(signing_input: str, secret: bytes) -> str:
    digest = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return b64url_encode(digest)


def encode_token(claims: dict, secret: bytes) -> str:
    """Sign any claims dict as an HS256 token (no expiry added here)."""
    header = {"alg": "HS256", "typ": "JWT"}
    header_b64 = b64url_encode(json.dumps(header, separators=(",", ":")).encode())
    payload_b64 = b64url_encode(json.dumps(claims, separators=(",", ":")).encode())
    signing_input = header_b64 + "." + payload_b64
    return signing_input + "." + sign(signing_input, secret)


def issue_token(payload: dict, secret: bytes, now: int, lifetime: int = 900) -> str:
    claims = dict(payload)
    claims["exp"] = now + lifetime
    return encode_token(claims, secret)


def verify_token(token: str, secret: bytes, now: int) -> dict:
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("Token must have three parts")
    header_b64, payload_b64, signature_b64 = parts
    payload = json.loads(b64url_decode(payload_b64))
    if payload.get("exp") is None:
        raise ValueError("no exp")
    if not hmac.compare_digest(sign(header_b64 + "." + payload_b64, secret), signature_b64):
        raise ValueError("Invalid signature")
    exp = payload.get("exp")
    if isinstance(exp, bool) or not isinstance(exp, (int, float)):
        raise ValueError("Token has no exp claim")
    if exp <= now:
        raise ValueError("Token has expired")
    return payload
