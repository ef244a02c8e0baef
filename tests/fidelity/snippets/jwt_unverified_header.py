"""get_unverified_header: a learner reading kid/alg before choosing a key."""
import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
KEYS = {"2024": SECRET, "2025": SECRET[::-1]}

token = jwt.encode({"sub": "alice"}, KEYS["2025"], headers={"kid": "2025"})
header = jwt.get_unverified_header(token)
print(header)
print(jwt.decode(token, KEYS[header["kid"]], algorithms=[header["alg"]]))

print(jwt.get_unverified_header(jwt.encode({}, SECRET, algorithm="HS512", headers={"typ": None})))
print(jwt.get_unverified_header(jwt.encode({}, SECRET, headers={"typ": "at+jwt", "x-custom": [1, 2]})))
print(jwt.get_unverified_header(jwt.encode({}, SECRET, headers={"alg": "HS384"})))
for bad in ["abc", "abc.def.ghi", "e30.e30.", "bnVsbA.e30.e30"]:
    try:
        print(bad, "->", jwt.get_unverified_header(bad))
    except jwt.DecodeError as error:
        print(bad, "->", type(error).__name__, "|", error)
try:
    jwt.encode({}, SECRET, headers={"kid": 5})
    print("kid 5 encodes")
except jwt.InvalidTokenError as error:
    print("kid 5 ->", error)
import base64


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


try:
    jwt.get_unverified_header(b64(b'{"alg":"HS256","kid":5}') + ".e30.")
except jwt.InvalidTokenError as error:
    print("decoded kid 5 ->", type(error).__name__, "|", error)
