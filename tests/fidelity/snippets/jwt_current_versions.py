"""PyJWT behaviour that changed after Debian's 2.6: compared with jwt_current_versions.expected.txt,
taken from PyJWT 2.15.1 (and the reference table), not with the reference interpreter.

- sub must be a string (2.10+: InvalidSubjectError 'Subject must be a string'), jti too;
- a header without "alg" says 'Algorithm not specified';
- an audience mismatch says "Audience doesn't match";
- a non-dict payload or a non-string iss is refused at encode time;
- an empty HMAC key is refused;
- non-base64url characters in a segment are a padding error, not silently dropped;
- InvalidSubjectError lives in jwt.exceptions (it is not exported from jwt itself).
"""
import base64

import jwt
import jwt.exceptions

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def attempt(name, action):
    try:
        print(name, "->", action())
    except Exception as error:
        print(name, "->", type(error).__name__, "|", error)


int_sub = jwt.encode({"sub": 1}, SECRET)
attempt("sub 1", lambda: jwt.decode(int_sub, SECRET, algorithms=["HS256"]))
attempt("sub 1, verify_sub off", lambda: jwt.decode(int_sub, SECRET, algorithms=["HS256"], options={"verify_sub": False}))
attempt("subject check", lambda: jwt.decode(jwt.encode({"sub": "a"}, SECRET), SECRET, algorithms=["HS256"], subject="b"))
attempt("jti 7", lambda: jwt.decode(jwt.encode({"jti": 7}, SECRET), SECRET, algorithms=["HS256"]))
print(issubclass(jwt.exceptions.InvalidSubjectError, jwt.InvalidTokenError), hasattr(jwt, "InvalidSubjectError"))

token = jwt.encode({"sub": "alice", "aud": "api"}, SECRET)
attempt("audience mismatch", lambda: jwt.decode(token, SECRET, algorithms=["HS256"], audience="web"))

no_alg = b64(b'{"typ":"JWT"}') + "." + token.split(".")[1] + "." + token.split(".")[2]
attempt("no alg", lambda: jwt.decode(no_alg, SECRET, algorithms=["HS256"]))

header, payload, signature = token.split(".")
attempt("bad char in signature", lambda: jwt.decode(header + "." + payload + "." + signature[:-1] + "!", SECRET, algorithms=["HS256"]))
plain = jwt.encode({"sub": "alice"}, SECRET)
attempt("padded signature", lambda: jwt.decode(plain + "=", SECRET, algorithms=["HS256"]))

attempt("encode a list", lambda: jwt.encode(["a"], SECRET))
attempt("encode iss 5", lambda: jwt.encode({"iss": 5}, SECRET))
attempt("empty key", lambda: jwt.encode({"sub": "a"}, ""))
attempt("key of bytes", lambda: jwt.encode({"sub": "a"}, 12345))
