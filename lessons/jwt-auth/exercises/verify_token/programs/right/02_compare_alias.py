# expect: pass
"""compare_digest imported under another name; hashlib.sha256 as digestmod keyword."""
import base64
import hashlib
import json
from hmac import compare_digest as constant_time_equal
from hmac import new as new_hmac


def _unb64(segment):
    padding = "=" * (-len(segment) % 4)
    return base64.urlsafe_b64decode(segment + padding)


def _b64(raw):
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def verify_token(token, secret):
    if not token.isascii():
        raise ValueError("not ASCII")
    pieces = token.split(".")
    if len(pieces) != 3:
        raise ValueError("a JWT has three parts")
    head, body, sig = pieces

    header = json.loads(_unb64(head))
    if type(header) is not dict:
        raise ValueError("header is not an object")
    if header.get("alg") != "HS256":
        raise ValueError("only HS256")

    mac = new_hmac(secret, msg=(head + "." + body).encode("ascii"), digestmod=hashlib.sha256)
    if not constant_time_equal(_b64(mac.digest()), sig):
        raise ValueError("bad signature")

    claims = json.loads(_unb64(body))
    if type(claims) is not dict:
        raise ValueError("payload is not an object")
    return claims
