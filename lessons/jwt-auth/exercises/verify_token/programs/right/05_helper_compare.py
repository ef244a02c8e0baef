# expect: pass
"""The comparison lives in a helper function; partition-based splitting."""
import base64
import hashlib
import hmac
import json


def signatures_match(computed: str, received: str) -> bool:
    return hmac.compare_digest(computed, received)


def decode_segment(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment.encode("ascii") + b"=" * ((4 - len(segment) % 4) % 4))


def sign(secret: bytes, signing_input: str) -> str:
    digest = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").replace("=", "")


def verify_token(token: str, secret: bytes) -> dict:
    if not token.isascii():
        raise ValueError("token must be ASCII")
    header_b64, dot1, rest = token.partition(".")
    payload_b64, dot2, signature_b64 = rest.partition(".")
    if not dot1 or not dot2 or "." in signature_b64:
        raise ValueError("token must have exactly three parts")

    header = json.loads(decode_segment(header_b64))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("unsupported header")

    if not signatures_match(sign(secret, header_b64 + "." + payload_b64), signature_b64):
        raise ValueError("invalid signature")

    payload = json.loads(decode_segment(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("payload is not a JSON object")
    return payload
