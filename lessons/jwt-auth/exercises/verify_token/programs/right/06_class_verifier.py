# expect: pass
"""A class-based verifier; verify_token delegates to it."""
import base64
import hashlib
import hmac
import json


class HS256Verifier:
    ALGORITHM = "HS256"

    def __init__(self, secret: bytes):
        self._secret = bytes(secret)

    @staticmethod
    def _decode(segment: str) -> bytes:
        return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))

    @staticmethod
    def _encode(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

    def _signature(self, header_b64: str, payload_b64: str) -> str:
        mac = hmac.new(self._secret, digestmod=hashlib.sha256)
        mac.update(header_b64.encode("ascii"))
        mac.update(b".")
        mac.update(payload_b64.encode("ascii"))
        return self._encode(mac.digest())

    def verify(self, token: str) -> dict:
        if not token.isascii():
            raise ValueError("token is not ASCII")
        parts = token.split(".")
        if len(parts) != 3:
            raise ValueError("token must have three parts")
        header_b64, payload_b64, signature_b64 = parts
        header = json.loads(self._decode(header_b64))
        if not isinstance(header, dict) or header.get("alg") != self.ALGORITHM:
            raise ValueError("unsupported algorithm")
        if not hmac.compare_digest(self._signature(header_b64, payload_b64), signature_b64):
            raise ValueError("invalid signature")
        payload = json.loads(self._decode(payload_b64))
        if not isinstance(payload, dict):
            raise ValueError("payload must be a JSON object")
        return payload


def verify_token(token, secret):
    return HS256Verifier(secret).verify(token)
