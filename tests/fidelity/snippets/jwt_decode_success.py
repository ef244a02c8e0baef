"""jwt.decode and decode_complete on valid tokens; datetime claims become integers."""
from datetime import datetime, timedelta, timezone

import jwt
from jwt.api_jwt import decode_complete  # PyJWT 2.6 does not export it from jwt itself

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
FAR_FUTURE = 4102444800  # 2100-01-01T00:00:00Z

token = jwt.encode({"sub": "alice", "role": "reader", "exp": FAR_FUTURE}, SECRET, algorithm="HS256")
payload = jwt.decode(token, SECRET, algorithms=["HS256"])
print(type(payload).__name__, payload)

complete = decode_complete(token, SECRET, algorithms=["HS256", "HS512"])
print(sorted(complete))
print(complete["header"], complete["payload"])
print(type(complete["signature"]).__name__, len(complete["signature"]))

moment = datetime(2100, 1, 1, tzinfo=timezone.utc)
with_dates = jwt.encode(
    {"sub": "bob", "iat": datetime(2020, 5, 17, 12, 30, tzinfo=timezone.utc), "exp": moment + timedelta(minutes=15)},
    SECRET,
)
print(jwt.decode(with_dates, SECRET, algorithms=["HS256"]))

# Bytes tokens decode too; verify_signature=False needs no key and no algorithms.
print(jwt.decode(token.encode(), SECRET, algorithms=["HS256"])["sub"])
print(jwt.decode(token, options={"verify_signature": False}))
