"""aud as a string or a list, audience as a string or a list, strict_aud, and the messages."""
import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"

tokens = {
    "aud str": jwt.encode({"sub": "a", "aud": "api"}, SECRET),
    "aud list": jwt.encode({"sub": "a", "aud": ["web", "api"]}, SECRET),
    "aud empty": jwt.encode({"sub": "a", "aud": []}, SECRET),
    "aud number": jwt.encode({"sub": "a", "aud": 5}, SECRET),
    "aud list with number": jwt.encode({"sub": "a", "aud": ["api", 5]}, SECRET),
}
checks = [
    ("none", dict()),
    ("api", dict(audience="api")),
    ("mobile", dict(audience="mobile")),
    ("[mobile, api]", dict(audience=["mobile", "api"])),
    ("strict api", dict(audience="api", options={"strict_aud": True})),
    ("strict [api]", dict(audience=["api"], options={"strict_aud": True})),
    ("verify_aud off", dict(audience="mobile", options={"verify_aud": False})),
]
for token_name, token in tokens.items():
    for check_name, kwargs in checks:
        try:
            claims = jwt.decode(token, SECRET, algorithms=["HS256"], **kwargs)
            outcome = "ok " + repr(claims.get("aud"))
        except jwt.InvalidTokenError as error:
            outcome = f"{type(error).__name__}: {error}"
        print(f"{token_name:22} {check_name:15} {outcome}")
try:
    jwt.decode(tokens["aud str"], SECRET, algorithms=["HS256"], audience=5)
except TypeError as error:
    print("audience=5 ->", error)
