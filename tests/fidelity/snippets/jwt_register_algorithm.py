"""jwt.algorithms: the HMAC algorithm objects, and registering or removing algorithms."""
import hashlib

import jwt
from jwt.algorithms import HMACAlgorithm, NoneAlgorithm, get_default_algorithms

SECRET = "fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP"
defaults = get_default_algorithms()
print(all(name in defaults for name in ["HS256", "HS384", "HS512", "none"]))
print(type(defaults["HS256"]).__name__, type(defaults["none"]).__name__)
print(HMACAlgorithm.SHA256 is hashlib.sha256)
hs = HMACAlgorithm(HMACAlgorithm.SHA256)
key = hs.prepare_key(SECRET)
signature = hs.sign(b"message", key)
print(type(key).__name__, len(signature), hs.verify(b"message", key, signature), hs.verify(b"other", key, signature))
print(HMACAlgorithm.to_jwk(b"abc", as_dict=True))
print(HMACAlgorithm.from_jwk({"kty": "oct", "k": "YWJj"}))
print(isinstance(NoneAlgorithm(), jwt.algorithms.Algorithm))
print(jwt.get_algorithm_by_name("HS512").hash_alg is hashlib.sha512)
try:
    jwt.get_algorithm_by_name("HS1024")
except NotImplementedError as error:
    print("HS1024 ->", error)

jwt.register_algorithm("HS224", HMACAlgorithm(hashlib.sha224))
token = jwt.encode({"sub": "a"}, SECRET, algorithm="HS224")
print(jwt.get_unverified_header(token)["alg"], jwt.decode(token, SECRET, algorithms=["HS224"]))
try:
    jwt.register_algorithm("HS224", HMACAlgorithm(hashlib.sha224))
except ValueError as error:
    print("again ->", error)
try:
    jwt.register_algorithm("X", object())
except TypeError as error:
    print("not an Algorithm ->", error)
jwt.unregister_algorithm("HS224")
try:
    jwt.unregister_algorithm("HS224")
except KeyError as error:
    print("unregister twice ->", error)
try:
    jwt.decode(token, SECRET, algorithms=["HS224"])
except jwt.InvalidAlgorithmError as error:
    print("decode after unregister ->", error)
