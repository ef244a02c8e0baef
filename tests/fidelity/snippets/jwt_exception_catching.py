"""How a learner catches PyJWT errors: order of except clauses, str and args of each error."""
import time

import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
now = int(time.time())
tokens = {
    "good": jwt.encode({"sub": "a", "exp": now + 60}, SECRET),
    "expired": jwt.encode({"sub": "a", "exp": now - 60}, SECRET),
    "wrong key": jwt.encode({"sub": "a"}, SECRET + "!"),
    "garbage": "hello",
    "padding": "a.b.c=",
}


def verify(token):
    try:
        return "ok " + jwt.decode(token, SECRET, algorithms=["HS256"])["sub"]
    except jwt.ExpiredSignatureError as error:
        return f"expired: {error.args}"
    except jwt.InvalidSignatureError as error:
        return f"bad signature: {error!r}"
    except jwt.DecodeError as error:
        return f"decode error: {str(error)}"
    except jwt.InvalidTokenError as error:
        return f"invalid: {error}"


for name, token in tokens.items():
    print(name, "->", verify(token))
print(jwt.exceptions.ExpiredSignatureError is jwt.ExpiredSignatureError)
print(repr(jwt.MissingRequiredClaimError("exp")), str(jwt.MissingRequiredClaimError("exp")))
print(repr(jwt.InvalidAudienceError("Invalid audience")))
