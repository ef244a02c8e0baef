# expect: pass
"""import hmac as h; hmac.digest one-shot; padding by a while loop."""
import base64
import binascii
import json
import hmac as h


def pad(segment: str) -> str:
    while len(segment) % 4:
        segment += "="
    return segment


def verify_token(token: str, secret: bytes) -> dict:
    try:
        token.encode("ascii")
    except UnicodeEncodeError as error:
        raise ValueError("token is not ASCII") from error

    segments = token.split(".")
    if len(segments) != 3:
        raise ValueError("expected header.payload.signature")
    header_segment, payload_segment, signature_segment = segments

    try:
        header = json.loads(base64.urlsafe_b64decode(pad(header_segment)).decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError("header is not base64url JSON") from error
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("alg must be HS256")

    raw = h.digest(secret, (header_segment + "." + payload_segment).encode("ascii"), "sha256")
    computed = base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    if not h.compare_digest(computed, signature_segment):
        raise ValueError("signature mismatch")

    payload = json.loads(base64.urlsafe_b64decode(pad(payload_segment)))
    if not isinstance(payload, dict):
        raise ValueError("payload must be an object")
    return payload
