"""Every module of the real PyJWT imports, and PyJWT's own names are where the docs say."""
import importlib

import jwt

for name in ["jwt.algorithms", "jwt.api_jwk", "jwt.api_jws", "jwt.api_jwt", "jwt.exceptions", "jwt.jwk_set_cache", "jwt.jwks_client", "jwt.types", "jwt.utils", "jwt.warnings", "jwt.help"]:
    module = importlib.import_module(name)
    print(name, module.__name__)
from jwt.api_jwk import PyJWK, PyJWKSet
from jwt.jwks_client import PyJWKClient
from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm, RSAPSSAlgorithm
from jwt.exceptions import InvalidKeyError, PyJWKClientError
from jwt.types import FullOptions, Options, SigOptions
from jwt.utils import base64url_decode, base64url_encode, from_base64url_uint, to_base64url_uint

print(jwt.PyJWK is PyJWK, jwt.PyJWKSet is PyJWKSet, jwt.PyJWKClient is PyJWKClient)
print(sorted(Options.__annotations__))
print(base64url_encode(b"\xff\xfe hi"), base64url_decode("__4gaGk"))
print(to_base64url_uint(65537), from_base64url_uint("AQAB"))
print(sorted(jwt.help.info()), jwt.help.info()["pyjwt"])
print(jwt.__version__, jwt.__title__)
print(sorted(name for name in jwt.__all__))
