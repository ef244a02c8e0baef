"""Turning single checks off: verify_exp, verify_nbf, verify_iat, verify_sub, verify_jti."""
import time

import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
now = int(time.time())
cases = [
    ("expired", {"exp": now - 10}, "verify_exp"),
    ("not yet valid", {"nbf": now + 600}, "verify_nbf"),
    ("issued in the future", {"iat": now + 600}, "verify_iat"),
    ("numeric sub", {"sub": 42}, "verify_sub"),
    ("numeric jti", {"jti": 7}, "verify_jti"),
    ("iat not a number", {"iat": "yesterday"}, "verify_iat"),
    ("exp not a number", {"exp": "soon"}, "verify_exp"),
    ("nbf not a number", {"nbf": "later"}, "verify_nbf"),
]
for name, claims, option in cases:
    token = jwt.encode(claims, SECRET)
    for options in ({}, {option: False}):
        try:
            jwt.decode(token, SECRET, algorithms=["HS256"], options=options)
            outcome = "accepted"
        except jwt.InvalidTokenError as error:
            outcome = f"{type(error).__name__}: {error}"
        print(f"{name:21} {str(options):22} {outcome}")
