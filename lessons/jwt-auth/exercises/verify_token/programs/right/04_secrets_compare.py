# expect: pass
"""secrets.compare_digest, digestmod as a string, rsplit with a 3-part check."""
import base64
import hmac
import json
import secrets


def verify_token(token, secret):
    if not isinstance(token, str) or not token.isascii():
        raise ValueError("token must be ASCII text")
    if token.count(".") != 2:
        raise ValueError("token must have exactly three segments")
    signing_input, signature = token.rsplit(".", 1)
    header_b64, payload_b64 = signing_input.split(".")

    header = json.loads(base64.urlsafe_b64decode(header_b64 + "==="[: -len(header_b64) % 4]))
    if not isinstance(header, dict):
        raise ValueError("header must be a JSON object")
    if header.get("alg") != "HS256":
        raise ValueError("algorithm must be HS256")

    mac = hmac.new(secret, signing_input.encode("ascii"), digestmod="sha256")
    expected = base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode()
    if not secrets.compare_digest(expected, signature):
        raise ValueError("signature does not match")

    payload = json.loads(base64.urlsafe_b64decode(payload_b64 + "==="[: -len(payload_b64) % 4]))
    if not isinstance(payload, dict):
        raise ValueError("payload must be a JSON object")
    return payload
