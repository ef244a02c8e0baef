"""Required claims, issuer and audience checks."""
import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"

token = jwt.encode({"sub": "alice", "iss": "course", "aud": "api"}, SECRET)
for name, kwargs in [
    ("require exp", dict(options={"require": ["exp"]}, audience="api")),
    ("require sub+iss", dict(options={"require": ["sub", "iss"]}, audience="api")),
    ("no audience given", dict()),
    ("audience list", dict(audience=["web", "api"])),
    ("issuer ok", dict(audience="api", issuer="course")),
    ("issuer wrong", dict(audience="api", issuer="other")),
    ("skip aud", dict(options={"verify_aud": False})),
]:
    try:
        print(name, "->", jwt.decode(token, SECRET, algorithms=["HS256"], **kwargs))
    except jwt.InvalidTokenError as error:
        print(name, "->", type(error).__name__, "|", error)
        if isinstance(error, jwt.MissingRequiredClaimError):
            print("  claim:", error.claim)

plain = jwt.encode({"sub": "alice"}, SECRET)
for name, kwargs in [("audience but no aud", dict(audience="api")), ("issuer but no iss", dict(issuer="course"))]:
    try:
        jwt.decode(plain, SECRET, algorithms=["HS256"], **kwargs)
    except jwt.MissingRequiredClaimError as error:
        print(name, "->", type(error).__name__, "|", error)
