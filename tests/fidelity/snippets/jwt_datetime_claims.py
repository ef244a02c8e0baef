"""datetime values for exp, iat and nbf become integer seconds; leeway as a timedelta."""
import base64
import json
from datetime import datetime, timedelta, timezone

import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
fixed = datetime(2030, 1, 2, 3, 4, 5, 678000, tzinfo=timezone.utc)
token = jwt.encode({"sub": "a", "iat": fixed, "nbf": fixed - timedelta(minutes=1), "exp": fixed + timedelta(hours=1)}, SECRET)
payload = token.split(".")[1]
print(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode())

now = datetime.now(tz=timezone.utc)
past = jwt.encode({"sub": "a", "exp": now - timedelta(seconds=30)}, SECRET)
for leeway in [0, timedelta(seconds=10), timedelta(minutes=1), 60.0]:
    try:
        jwt.decode(past, SECRET, algorithms=["HS256"], leeway=leeway)
        print("leeway", repr(leeway), "-> accepted")
    except jwt.ExpiredSignatureError as error:
        print("leeway", repr(leeway), "->", error)

future = jwt.encode({"sub": "a", "nbf": now + timedelta(minutes=5), "iat": now + timedelta(minutes=5)}, SECRET)
for leeway in [timedelta(minutes=1), timedelta(minutes=10)]:
    try:
        jwt.decode(future, SECRET, algorithms=["HS256"], leeway=leeway)
        print("future, leeway", repr(leeway), "-> accepted")
    except jwt.ImmatureSignatureError as error:
        print("future, leeway", repr(leeway), "->", error)

try:
    jwt.encode({"sub": "a", "exp": now.isoformat()}, SECRET)
    print("exp as ISO text encodes")
    jwt.decode(jwt.encode({"sub": "a", "exp": now.isoformat()}, SECRET), SECRET, algorithms=["HS256"])
except jwt.DecodeError as error:
    print("exp as ISO text ->", type(error).__name__, "|", error)
try:
    jwt.encode({"sub": "a", "created": now}, SECRET)
except TypeError as error:
    print("other datetime claim ->", error)
