"""nbf and iat in the future: ImmatureSignatureError."""
import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
FAR_FUTURE = 4102444800

for claims in ({"sub": "a", "nbf": FAR_FUTURE}, {"sub": "a", "iat": FAR_FUTURE}, {"sub": "a", "iat": 1, "nbf": 2}):
    token = jwt.encode(claims, SECRET)
    try:
        print(claims, "->", jwt.decode(token, SECRET, algorithms=["HS256"]))
    except jwt.ImmatureSignatureError as error:
        print(claims, "->", type(error).__name__, "|", error)

token = jwt.encode({"sub": "a", "nbf": FAR_FUTURE}, SECRET)
print(jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_nbf": False}))
token = jwt.encode({"sub": "a", "iat": FAR_FUTURE}, SECRET)
print(jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_iat": False}))
