"""decode_complete: header, payload and signature; jwt.api_jwt and jwt.api_jws module paths."""
import jwt
import jwt.api_jws
import jwt.api_jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
token = jwt.encode({"sub": "alice", "role": "admin"}, SECRET, algorithm="HS384", headers={"kid": "k1"})

complete = jwt.decode_complete(token, SECRET, algorithms=["HS384"])
print(sorted(complete))
print(complete["header"])
print(complete["payload"])
print(type(complete["signature"]).__name__, len(complete["signature"]))
print(jwt.api_jwt.decode_complete(token, SECRET, algorithms=["HS384"])["payload"] == complete["payload"])
print(jwt.api_jwt.decode is not None, jwt.api_jws.get_unverified_header(token)["kid"])
jws_part = jwt.api_jws.decode_complete(token, SECRET, algorithms=["HS384"])
print(sorted(jws_part), type(jws_part["payload"]).__name__)
print(jwt.decode_complete(token, options={"verify_signature": False})["header"]["alg"])
