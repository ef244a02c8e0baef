"""A str key and its UTF-8 bytes sign alike; bytes tokens decode; non-ASCII keys."""
import jwt

key = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ÄÖÜ-ABCDEFGHIJKLM"
a = jwt.encode({"sub": "alice"}, key)
b = jwt.encode({"sub": "alice"}, key.encode("utf-8"))
print(a == b, type(a).__name__)
print(jwt.decode(a.encode("ascii"), key.encode(), algorithms=["HS256"]))
print(jwt.decode(a, key, algorithms=["HS256"]) == jwt.decode(b, key, algorithms=["HS256"]))
try:
    jwt.decode(a, key.encode("latin-1"), algorithms=["HS256"])
except jwt.InvalidSignatureError as error:
    print("latin-1 key ->", error)
for bad_key in [None, 12345, ""]:
    try:
        jwt.encode({"sub": "alice"}, bad_key)
    except (TypeError, jwt.InvalidKeyError) as error:
        print(repr(bad_key), "->", type(error).__name__, "|", error)
try:
    jwt.decode(12345, key, algorithms=["HS256"])
except jwt.DecodeError as error:
    print("token 12345 ->", error)
