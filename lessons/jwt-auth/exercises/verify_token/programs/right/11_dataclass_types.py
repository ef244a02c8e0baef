# expect: pass
"""Type hints and a frozen dataclass for the token's parts."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TokenParts:
    header: str
    payload: str
    signature: str

    @classmethod
    def parse(cls, token: str) -> TokenParts:
        if not token.isascii():
            raise ValueError("token must be ASCII")
        parts = token.split(".")
        if len(parts) != 3:
            raise ValueError("token must have exactly three parts")
        return cls(*parts)

    @property
    def signing_input(self) -> bytes:
        return f"{self.header}.{self.payload}".encode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def verify_token(token: str, secret: bytes) -> dict[str, Any]:
    parts = TokenParts.parse(token)
    header: Any = json.loads(b64url_decode(parts.header))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("unsupported algorithm")
    expected: str = b64url_encode(hmac.digest(secret, parts.signing_input, hashlib.sha256))
    if not hmac.compare_digest(expected, parts.signature):
        raise ValueError("invalid signature")
    payload: Any = json.loads(b64url_decode(parts.payload))
    if not isinstance(payload, dict):
        raise ValueError("payload must be a JSON object")
    return payload
