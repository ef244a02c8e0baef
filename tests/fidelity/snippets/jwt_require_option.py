"""options={"require": [...]}: presence only; missing claims name themselves."""
import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
token = jwt.encode({"sub": "alice", "exp": 4102444800, "role": None}, SECRET)
for require in [[], ["exp"], ["exp", "iat"], ["nbf", "exp"], ["role"], ["sub", "jti"], ["custom"]]:
    try:
        jwt.decode(token, SECRET, algorithms=["HS256"], options={"require": require})
        print(require, "-> ok")
    except jwt.MissingRequiredClaimError as error:
        print(require, "->", error, "| claim =", error.claim, "| is InvalidTokenError:", isinstance(error, jwt.InvalidTokenError))
try:
    jwt.decode(token, "wrong-secret-0123456789-abcdefghijklmnopqrstuv", algorithms=["HS256"], options={"verify_signature": False, "require": ["iat"]})
except jwt.MissingRequiredClaimError as error:
    print("without signature check, still required ->", error)
