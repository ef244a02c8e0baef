"""exp far in the past or future (no clock needed), and with leeway."""
from datetime import timedelta

import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
FAR_PAST = 1000000000  # 2001
FAR_FUTURE = 4102444800  # 2100

for exp in (FAR_PAST, FAR_FUTURE, 0, -5):
    token = jwt.encode({"sub": "alice", "exp": exp}, SECRET)
    try:
        print(exp, "->", jwt.decode(token, SECRET, algorithms=["HS256"]))
    except jwt.ExpiredSignatureError as error:
        print(exp, "->", type(error).__name__, "|", error, "| InvalidTokenError?", isinstance(error, jwt.InvalidTokenError))

expired = jwt.encode({"sub": "alice", "exp": FAR_PAST}, SECRET)
print(jwt.decode(expired, SECRET, algorithms=["HS256"], options={"verify_exp": False}))
try:
    jwt.decode(expired, SECRET, algorithms=["HS256"], leeway=timedelta(days=365))
except jwt.ExpiredSignatureError as error:
    print("a year of leeway is not enough:", error)

bad_exp = jwt.encode({"sub": "alice", "exp": "soon"}, SECRET)
try:
    jwt.decode(bad_exp, SECRET, algorithms=["HS256"])
except jwt.DecodeError as error:
    print(type(error).__name__, "|", error)
