# expect: pass
"""Decodes JSON text with a JSONDecoder after decoding UTF-8; early returns via guard clauses."""
import base64
import hmac
import json
from hashlib import sha256

_decoder = json.JSONDecoder()


def _json_segment(segment: str):
    text = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)).decode("utf-8")
    return _decoder.decode(text)


def _expected_signature(secret: bytes, signing_input: str) -> str:
    digest = hmac.new(secret, signing_input.encode("ascii"), sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def verify_token(token: str, secret: bytes) -> dict:
    if not isinstance(token, str) or not token.isascii():
        raise ValueError("token must be ASCII text")
    *signed_parts, signature = token.split(".")
    if len(signed_parts) != 2:
        raise ValueError("token must have three parts")
    header = _json_segment(signed_parts[0])
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("only HS256 tokens are accepted")
    if not hmac.compare_digest(_expected_signature(secret, ".".join(signed_parts)), signature):
        raise ValueError("signature does not match")
    payload = _json_segment(signed_parts[1])
    if not isinstance(payload, dict):
        raise ValueError("payload must be a JSON object")
    return payload
