"""The algorithms list: required, and a token whose alg is not in it is refused."""
import base64

import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


token = jwt.encode({"sub": "alice"}, SECRET, algorithm="HS256")
attempts = [
    ("HS512 only", dict(algorithms=["HS512"])),
    ("no algorithms", dict()),
    ("empty list", dict(algorithms=[])),
    ("HS256 in list", dict(algorithms=["HS384", "HS256"])),
]
for name, kwargs in attempts:
    try:
        print(name, "->", jwt.decode(token, SECRET, **kwargs))
    except jwt.PyJWTError as error:
        print(name, "->", type(error).__name__, "|", error)

none_token = b64(b'{"alg":"none","typ":"JWT"}') + "." + token.split(".")[1] + "."
try:
    jwt.decode(none_token, SECRET, algorithms=["HS256"])
except jwt.InvalidAlgorithmError as error:
    print("alg none ->", type(error).__name__, "|", error)

empty_alg = b64(b'{"alg":"","typ":"JWT"}') + "." + token.split(".")[1] + "." + token.split(".")[2]
try:
    jwt.decode(empty_alg, SECRET, algorithms=["HS256"])
except jwt.InvalidAlgorithmError as error:
    print("alg empty ->", type(error).__name__, "|", error)

try:
    jwt.encode({"sub": "alice"}, SECRET, algorithm="HS999")
except NotImplementedError as error:
    print("encode HS999 ->", type(error).__name__, "|", error)
