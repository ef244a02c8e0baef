"""Reading a token without checking it: options={"verify_signature": False}."""
import time

import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
expired = jwt.encode({"sub": "alice", "exp": int(time.time()) - 60, "aud": "api", "iss": "me"}, SECRET)

print(jwt.decode(expired, options={"verify_signature": False})["sub"])
print(jwt.decode(expired, "some other key", options={"verify_signature": False}, algorithms=["HS512"])["aud"])
print(sorted(jwt.decode(expired, options={"verify_signature": False}, audience="other", issuer="other")))
for extra in [{"verify_exp": True}, {"verify_aud": True}, {"verify_iss": True}]:
    try:
        jwt.decode(expired, options={"verify_signature": False, **extra}, audience="web", issuer="you")
        print(extra, "-> accepted")
    except jwt.InvalidTokenError as error:
        print(extra, "->", type(error).__name__, "|", error)
try:
    jwt.decode(expired, SECRET)
except jwt.DecodeError as error:
    print("no algorithms ->", error)
try:
    jwt.decode("not.a.token", options={"verify_signature": False})
except jwt.DecodeError as error:
    print("garbage ->", type(error).__name__, "|", error)
