"""Claims of the wrong type: what encode refuses and what decode says."""
import base64
import hashlib
import hmac
import json

import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def signed(payload_text, header=b'{"alg":"HS256","typ":"JWT"}'):
    signing_input = b64(header) + "." + b64(payload_text.encode())
    return signing_input + "." + b64(hmac.new(SECRET.encode(), signing_input.encode(), hashlib.sha256).digest())


for payload in ['["a","b"]', '"text"', "42", "{bad json", '{"sub":"a"', "null", '{"exp":1e400}', '{"exp":"NaN"}']:
    try:
        print(payload, "->", jwt.decode(signed(payload), SECRET, algorithms=["HS256"]))
    except jwt.InvalidTokenError as error:
        print(payload, "->", type(error).__name__, "|", error)
for header in [b"[1]", b"{", b'{"alg":"HS256","crit":["exp"]}', b'{"typ":"JWT"}']:
    try:
        jwt.decode(signed('{"sub":"a"}', header), SECRET, algorithms=["HS256"])
    except jwt.InvalidTokenError as error:
        print(header.decode(), "->", type(error).__name__, "|", error)
for payload in [["a"], "text", None]:
    try:
        jwt.encode(payload, SECRET)
    except TypeError as error:
        print("encode", repr(payload), "->", error)
try:
    jwt.encode({"when": object()}, SECRET)
except TypeError as error:
    print("encode object() ->", error)
