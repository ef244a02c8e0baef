"""issuer as a string or a collection; iss that is not a string; encoding a non-string iss."""
import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"

good = jwt.encode({"sub": "a", "iss": "https://auth.example"}, SECRET)
for issuer in ["https://auth.example", "https://other.example", ["https://auth.example", "x"], ("x", "y"), {"https://auth.example"}]:
    try:
        print(repr(issuer), "->", jwt.decode(good, SECRET, algorithms=["HS256"], issuer=issuer)["iss"])
    except jwt.InvalidTokenError as error:
        print(repr(issuer), "->", type(error).__name__, "|", error)
try:
    jwt.decode(good, SECRET, algorithms=["HS256"], issuer=5)
except jwt.InvalidTokenError as error:
    print("issuer=5 ->", type(error).__name__, "|", error)
try:
    jwt.encode({"iss": 123}, SECRET)
except TypeError as error:
    print("encode iss=123 ->", error)
import base64, hmac, hashlib, json


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


signing_input = b64(b'{"alg":"HS256","typ":"JWT"}') + "." + b64(json.dumps({"iss": 123}).encode())
forged = signing_input + "." + b64(hmac.new(SECRET.encode(), signing_input.encode(), hashlib.sha256).digest())
for issuer in (None, "x"):
    try:
        print("iss=123 issuer", issuer, "->", jwt.decode(forged, SECRET, algorithms=["HS256"], issuer=issuer))
    except jwt.InvalidTokenError as error:
        print("iss=123 issuer", issuer, "->", type(error).__name__, "|", error)
