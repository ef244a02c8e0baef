"""Short HMAC keys: InsecureKeyLengthWarning on encode and decode; enforce_minimum_key_length."""
import warnings

import jwt

for key, algorithm in [("secret", "HS256"), ("x" * 32, "HS256"), ("x" * 32, "HS384"), ("x" * 47, "HS384"), ("x" * 64, "HS512")]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        token = jwt.encode({"sub": "a"}, key, algorithm=algorithm)
        jwt.decode(token, key, algorithms=[algorithm])
    print(len(key), algorithm, len(caught), [w.category.__name__ for w in caught[:1]])
    for w in caught[:1]:
        print("  ", w.message)
print(issubclass(jwt.InsecureKeyLengthWarning, UserWarning))

token = jwt.encode({"sub": "a"}, "x" * 40)
try:
    jwt.decode(token, "short", algorithms=["HS256"], options={"enforce_minimum_key_length": True})
except jwt.InvalidKeyError as error:
    print("enforced on decode ->", error)
strict = jwt.PyJWT(options={"enforce_minimum_key_length": True})
try:
    strict.encode({"sub": "a"}, "short")
except jwt.InvalidKeyError as error:
    print("enforced on encode ->", error)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    jwt.encode({"sub": "a"}, "short")
