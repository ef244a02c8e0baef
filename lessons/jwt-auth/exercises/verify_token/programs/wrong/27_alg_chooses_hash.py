# expect: alg-chooses-hash
"""Lets the header's alg pick the hash from a table of HMAC algorithms."""
import base64
import hashlib
import hmac
import json

HASHES = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}


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
    if not isinstance(header, dict) or header.get("alg") not in HASHES:
        raise ValueError("unsupported algorithm")
    hash_function = HASHES[header["alg"]]
    digest = hmac.new(secret, f"{header_b64}.{payload_b64}".encode(), hash_function).digest()
    expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    if not hmac.compare_digest(expected, signature_b64):
        raise ValueError("invalid signature")
    payload = json.loads(b64url_decode(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("payload must be an object")
    return payload
