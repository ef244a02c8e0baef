"""PyJWS signs any bytes, not only JSON claims; PyJWT instances with their own options."""
import jwt
from jwt import PyJWS, PyJWT
from jwt.api_jws import PyJWS as SamePyJWS

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
print(PyJWS is SamePyJWS)

jws = PyJWS()
token = jws.encode(b"hello, world", SECRET, algorithm="HS256")
print(token)
print(jws.decode(token, SECRET, algorithms=["HS256"]))
complete = jws.decode_complete(token, SECRET, algorithms=["HS256"])
print(sorted(complete), complete["header"], len(complete["signature"]))
print("HS256" in jws.get_algorithms(), "none" in jws.get_algorithms())

only_hs512 = PyJWS(algorithms=["HS512"])
print(only_hs512.get_algorithms())
try:
    only_hs512.encode(b"x", SECRET, algorithm="HS256")
except NotImplementedError as error:
    print("HS256 on an HS512-only PyJWS ->", error)

lenient = PyJWT(options={"verify_exp": False})
expired = jwt.encode({"sub": "a", "exp": 1}, SECRET)
print(lenient.decode(expired, SECRET, algorithms=["HS256"]))
try:
    PyJWT().decode(expired, SECRET, algorithms=["HS256"])
except jwt.ExpiredSignatureError as error:
    print("default PyJWT ->", error)
print(PyJWT().encode({"sub": "a"}, SECRET) == jwt.encode({"sub": "a"}, SECRET))
