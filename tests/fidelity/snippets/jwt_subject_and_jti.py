"""subject= on decode, and string-only sub and jti (PyJWT 2.10+)."""
import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
for claims, subject in [
    ({"sub": "alice"}, None),
    ({"sub": "alice"}, "alice"),
    ({"sub": "alice"}, "bob"),
    ({}, "alice"),
    ({"sub": 1}, None),
    ({"sub": ""}, None),
    ({"jti": "abc"}, None),
    ({"jti": 123}, None),
    ({"jti": None}, None),
]:
    token = jwt.encode(claims, SECRET)
    try:
        print(claims, subject, "->", jwt.decode(token, SECRET, algorithms=["HS256"], subject=subject))
    except jwt.InvalidTokenError as error:
        print(claims, subject, "->", type(error).__name__, "|", error, "|", [c.__name__ for c in type(error).__mro__[1:3]])
