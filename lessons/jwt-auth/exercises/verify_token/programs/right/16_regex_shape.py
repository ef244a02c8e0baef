# expect: pass
"""A regular expression checks the token's shape and captures its parts."""
import base64
import hashlib
import hmac
import json
import re

TOKEN = re.compile(r"(?P<header>[A-Za-z0-9_-]+)\.(?P<payload>[A-Za-z0-9_-]+)\.(?P<signature>[A-Za-z0-9_-]*)")


def segment_json(segment):
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)).decode("utf-8"))


def verify_token(token, secret):
    match = TOKEN.fullmatch(token)
    if match is None:
        raise ValueError("not a compact JWS: three base64url parts separated by dots")
    header = segment_json(match["header"])
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("alg must be HS256")
    signed = f"{match['header']}.{match['payload']}".encode("ascii")
    expected = base64.urlsafe_b64encode(hmac.digest(secret, signed, "sha256")).decode().rstrip("=")
    if not hmac.compare_digest(expected, match["signature"]):
        raise ValueError("signature mismatch")
    payload = segment_json(match["payload"])
    if not isinstance(payload, dict):
        raise ValueError("payload must be a JSON object")
    return payload
