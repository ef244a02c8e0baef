"""jwt.encode: the exact tokens for HS256, HS384 and HS512 (fixed payload, no clock)."""
import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
payload = {"sub": "alice", "role": "reader", "n": 1, "ok": True, "none": None, "f": 1.5}

for algorithm in ("HS256", "HS384", "HS512"):
    token = jwt.encode(payload, SECRET, algorithm=algorithm)
    print(algorithm, type(token).__name__)
    print(token)

# The default algorithm is HS256, and a bytes key signs the same as its text.
print(jwt.encode(payload, SECRET) == jwt.encode(payload, SECRET.encode(), algorithm="HS256"))
# Payload keys keep their insertion order; only the header is sorted.
print(jwt.encode({"b": 1, "a": 2}, SECRET).split(".")[1])
# Non-ASCII text is escaped by json.dumps before base64url.
print(jwt.encode({"name": "Zoë"}, SECRET).split(".")[1])
