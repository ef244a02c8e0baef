"""algorithm=None / "none": unsigned tokens, and what decode thinks of them."""
import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
unsigned = jwt.encode({"sub": "alice"}, None, algorithm=None)
print(unsigned, unsigned.endswith("."))
print(jwt.encode({"sub": "alice"}, "", algorithm="none") == unsigned)
try:
    jwt.encode({"sub": "alice"}, SECRET, algorithm="none")
except jwt.InvalidKeyError as error:
    print("none with a key ->", error)
print(jwt.decode(unsigned, options={"verify_signature": False}))
for algorithms in (["none"], ["HS256"], ["HS256", "none"]):
    try:
        print(algorithms, "->", jwt.decode(unsigned, None, algorithms=algorithms))
    except jwt.InvalidTokenError as error:
        print(algorithms, "->", type(error).__name__, "|", error)
try:
    jwt.decode(unsigned, SECRET, algorithms=["none"])
except jwt.InvalidKeyError as error:
    print("decode none with a key ->", error)
