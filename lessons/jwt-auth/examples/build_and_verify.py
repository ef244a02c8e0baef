"""Example A: build and verify a JWT with the standard library only."""
import base64
import hashlib
import hmac
import json

SECRET = b"demo-secret-key-for-example-a-only"


def b64url_encode(data: bytes) -> str:
    """Base64url-encode bytes and strip the '=' padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Add the padding back, then base64url-decode."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(signing_input: str, secret: bytes) -> str:
    """HMAC-SHA256 of 'header.payload', base64url-encoded."""
    digest = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return b64url_encode(digest)


def make_token(payload: dict, secret: bytes) -> str:
    header = {"alg": "HS256", "typ": "JWT"}
    header_part = b64url_encode(json.dumps(header, separators=(",", ":")).encode())
    payload_part = b64url_encode(json.dumps(payload, separators=(",", ":")).encode())
    signing_input = header_part + "." + payload_part
    return signing_input + "." + sign(signing_input, secret)


def verify(token: str, secret: bytes) -> dict:
    """Return the payload if the signature matches; raise ValueError otherwise."""
    header_part, payload_part, signature = token.split(".")
    expected = sign(header_part + "." + payload_part, secret)
    if not hmac.compare_digest(expected, signature):
        raise ValueError("Invalid signature")
    return json.loads(b64url_decode(payload_part))


token = make_token({"sub": "alice", "role": "reader"}, SECRET)
print(len(token.split(".")) == 3)
print(verify(token, SECRET))

# Tamper: swap in a payload that claims the admin role, keep the old signature.
header_part, _, signature = token.split(".")
forged_payload = b64url_encode(b'{"sub":"alice","role":"admin"}')
tampered = header_part + "." + forged_payload + "." + signature
try:
    verify(tampered, SECRET)
except ValueError as error:
    print("Tampered token rejected:", error)
