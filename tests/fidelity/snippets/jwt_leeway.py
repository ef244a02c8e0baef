"""leeway: seconds or a timedelta, for exp, nbf and iat (only outcomes are printed)."""
import time
from datetime import timedelta

import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
now = int(time.time())

cases = [
    ("expired 100 s ago, leeway 0", {"exp": now - 100}, 0),
    ("expired 100 s ago, leeway 1000", {"exp": now - 100}, 1000),
    ("expired 100 s ago, leeway 10 min", {"exp": now - 100}, timedelta(minutes=10)),
    ("nbf in 100 s, leeway 1000", {"nbf": now + 100}, 1000),
    ("nbf in 1000 s, leeway 100", {"nbf": now + 1000}, 100),
    ("iat in 100 s, leeway 1000", {"iat": now + 100}, 1000),
]
for name, claims, leeway in cases:
    token = jwt.encode({"sub": "alice", **claims}, SECRET)
    try:
        jwt.decode(token, SECRET, algorithms=["HS256"], leeway=leeway)
        print(name, "-> accepted")
    except jwt.InvalidTokenError as error:
        print(name, "->", type(error).__name__, "|", error)
