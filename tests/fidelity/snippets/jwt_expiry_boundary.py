"""A token is expired at the very second of its exp: the clock is frozen by replacing
the datetime that jwt.api_jwt reads (both real PyJWT and the stand-in read it there)."""
from datetime import datetime, timezone

import jwt
import jwt.api_jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
NOW = 1700000000


class FrozenDatetime(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.fromtimestamp(NOW, tz=timezone.utc)


jwt.api_jwt.datetime = FrozenDatetime
try:
    for exp in (NOW - 1, NOW, NOW + 1):
        token = jwt.encode({"sub": "alice", "exp": exp}, SECRET)
        try:
            jwt.decode(token, SECRET, algorithms=["HS256"])
            print("exp = now %+d -> accepted" % (exp - NOW))
        except jwt.ExpiredSignatureError as error:
            print("exp = now %+d -> %s" % (exp - NOW, error))
    token = jwt.encode({"sub": "alice", "exp": NOW}, SECRET)
    print("leeway 1 ->", jwt.decode(token, SECRET, algorithms=["HS256"], leeway=1))
    for nbf in (NOW, NOW + 1):
        token = jwt.encode({"sub": "alice", "nbf": nbf}, SECRET)
        try:
            jwt.decode(token, SECRET, algorithms=["HS256"])
            print("nbf = now %+d -> accepted" % (nbf - NOW))
        except jwt.ImmatureSignatureError as error:
            print("nbf = now %+d -> %s" % (nbf - NOW, error))
finally:
    jwt.api_jwt.datetime = datetime
