# expect: pass
"""Every decoding step inside one try; whatever goes wrong is re-raised as ValueError."""
import base64
import hashlib
import hmac
import json


def verify_token(token, secret):
    try:
        header_b64, payload_b64, signature_b64 = token.encode("ascii").decode("ascii").split(".")
        header = json.loads(base64.urlsafe_b64decode(header_b64 + "=" * (-len(header_b64) % 4)))
        alg = header["alg"]
    except Exception as error:
        raise ValueError(f"malformed token: {error}") from error
    if alg != "HS256":
        raise ValueError("unsupported algorithm")

    expected = base64.urlsafe_b64encode(
        hmac.new(secret, (header_b64 + "." + payload_b64).encode("ascii"), hashlib.sha256).digest()
    ).rstrip(b"=").decode("ascii")
    if not hmac.compare_digest(expected, signature_b64):
        raise ValueError("invalid signature")

    try:
        payload = json.loads(base64.urlsafe_b64decode(payload_b64 + "=" * (-len(payload_b64) % 4)))
    except Exception as error:
        raise ValueError("payload is not base64url JSON") from error
    if not isinstance(payload, dict):
        raise ValueError("payload is not a JSON object")
    return payload
