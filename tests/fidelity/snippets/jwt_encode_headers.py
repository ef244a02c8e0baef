"""jwt.encode with custom headers: sorted compact header JSON, alg override, get_unverified_header."""
import base64
import json

import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"


def header_text(token):
    part = token.split(".")[0]
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode()


plain = jwt.encode({"sub": "alice"}, SECRET, algorithm="HS256")
print(plain.split(".")[0])
print(header_text(plain))

with_kid = jwt.encode({"sub": "alice"}, SECRET, algorithm="HS256", headers={"kid": "key-1", "cty": "x"})
print(header_text(with_kid))
print(jwt.get_unverified_header(with_kid))

# An "alg" in headers wins over the algorithm argument.
overridden = jwt.encode({"sub": "alice"}, SECRET, algorithm="HS256", headers={"alg": "HS512"})
print(header_text(overridden))
print(jwt.decode(overridden, SECRET, algorithms=["HS512"]))

# A false "typ" drops the typ field.
no_typ = jwt.encode({"sub": "alice"}, SECRET, headers={"typ": None})
print(header_text(no_typ))
print(json.dumps(jwt.get_unverified_header(no_typ)))
