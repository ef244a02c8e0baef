"""Signature failures: another secret, a tampered payload, a cut signature."""
import base64

import jwt

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
OTHER = "another-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"

token = jwt.encode({"sub": "alice", "role": "reader"}, SECRET, algorithm="HS256")
header, payload, signature = token.split(".")
forged = base64.urlsafe_b64encode(b'{"sub":"alice","role":"admin"}').rstrip(b"=").decode()

for name, candidate, key in [
    ("other secret", token, OTHER),
    ("tampered payload", header + "." + forged + "." + signature, SECRET),
    ("short signature", header + "." + payload + "." + signature[:-4], SECRET),
    ("empty signature", header + "." + payload + ".", SECRET),
]:
    try:
        jwt.decode(candidate, key, algorithms=["HS256"])
        print(name, "-> accepted")
    except jwt.InvalidTokenError as error:
        print(name, "->", type(error).__name__, "|", error)
        print("  DecodeError?", isinstance(error, jwt.DecodeError), "PyJWTError?", isinstance(error, jwt.PyJWTError))
