"""PyJWT's DecodeError messages for malformed tokens."""
import base64
import hashlib
import hmac

import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def signed(header_part, payload_part):
    signing_input = (header_part + "." + payload_part).encode()
    return header_part + "." + payload_part + "." + b64(hmac.new(SECRET.encode(), signing_input, hashlib.sha256).digest())


good = jwt.encode({"sub": "alice"}, SECRET)
header, payload, signature = good.split(".")

cases = {
    "one segment": "abc",
    "two segments": "abc.def",
    "empty": "",
    "header padding": "abcde." + payload + "." + signature,
    "payload padding": header + ".abcde." + signature,
    "crypto padding": header + "." + payload + ".abcde",
    "header not json": b64(b"not json") + "." + payload + "." + signature,
    "header not object": b64(b"[1, 2]") + "." + payload + "." + signature,
    "payload not json": signed(header, b64(b"{oops")),
    "payload not object": signed(header, b64(b'"text"')),
}
for name, token in cases.items():
    try:
        jwt.decode(token, SECRET, algorithms=["HS256"])
        print(name, "-> accepted")
    except jwt.DecodeError as error:
        print(name, "->", type(error).__name__, "|", error)

try:
    jwt.get_unverified_header("abc")
except jwt.DecodeError as error:
    print("get_unverified_header ->", error)
