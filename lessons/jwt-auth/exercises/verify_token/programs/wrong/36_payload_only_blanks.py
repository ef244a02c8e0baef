# expect: signed-payload-only
"""Exercise: complete the verifier.

Fill in each blank (written as three underscores) with the right code, then run the file.
"""
import base64
import hashlib
import hmac
import json


def b64url_encode(data: bytes) -> str:
    """Base64url-encode bytes and strip the '=' padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Add the padding back, then base64url-decode."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_token(token: str, secret: bytes) -> dict:
    """Return the payload of a valid HS256 token; raise ValueError otherwise."""
    if isinstance(secret, str):
        secret = secret.encode("utf-8")
    if not isinstance(token, str) or not token.isascii():
        raise ValueError("Token must be an ASCII string")

    # Blank 1: split the token into its three parts.
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("Token must have three parts")
    header_b64, payload_b64, signature_b64 = parts

    header = json.loads(b64url_decode(header_b64))
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise ValueError("Unsupported algorithm")

    # Blank 2: the exact text that was signed, "header.payload", as bytes.
    signing_input = payload_b64.encode("ascii")
    # Blank 3: HMAC with SHA-256, keyed with the secret.
    digest = hmac.new(secret, signing_input, hashlib.sha256).digest()
    expected = b64url_encode(digest)

    # Blank 4: compare in constant time.
    if not hmac.compare_digest(expected, signature_b64):
        raise ValueError("Invalid signature")

    payload = json.loads(b64url_decode(payload_b64))
    if not isinstance(payload, dict):
        raise ValueError("Payload must be a JSON object")
    return payload


if __name__ == "__main__":
    # The token from Example A, signed with Example A's secret key.
    secret = b"demo-secret-key-for-example-a-only"
    token = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        ".eyJzdWIiOiJhbGljZSIsInJvbGUiOiJyZWFkZXIifQ"
        ".EwDowSK24BVD0yvyB-Ojm1ZASX4vVrNeOu05HLvxBNg"
    )
    print(verify_token(token, secret))  # {'sub': 'alice', 'role': 'reader'}
    try:
        verify_token(token, b"some-other-secret")
    except ValueError as error:
        print("Rejected:", error)  # Rejected: Invalid signature
