# expect: message-not-token-text
"""Rebuilds the signed text from the decoded header and claims with json.dumps' defaults."""
import base64
import hashlib
import hmac
import json


def _enc(obj):
    return base64.urlsafe_b64encode(json.dumps(obj).encode("utf-8")).rstrip(b"=").decode()


def _dec(segment):
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def verify_token(token, secret):
    if not token.isascii():
        raise ValueError("token must be ASCII")
    pieces = token.split(".")
    if len(pieces) != 3:
        raise ValueError("token must have three parts")
    header, claims = _dec(pieces[0]), _dec(pieces[1])
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("unsupported algorithm")
    if not isinstance(claims, dict):
        raise ValueError("payload must be an object")
    message = f"{_enc(header)}.{_enc(claims)}".encode()
    expected = base64.urlsafe_b64encode(hmac.digest(secret, message, "sha256")).rstrip(b"=").decode()
    if not hmac.compare_digest(expected, pieces[2]):
        raise ValueError("invalid signature")
    return claims
