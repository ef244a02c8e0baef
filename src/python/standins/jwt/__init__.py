"""A lightweight in-browser stand-in for PyJWT (imported as ``jwt``).

This is NOT the real PyJWT. It is a small pure-Python imitation that runs inside Pyodide so
the course's examples can run in the browser. It follows PyJWT 2.15 (the current 2.x): ``encode``
returns a str with a compact, key-sorted header; ``decode`` needs ``algorithms=[...]`` and checks
the signature, then iat, nbf, exp (expired at the very second of exp), iss, aud, a string ``sub``
and a string ``jti``; every failure raises PyJWT's exception with PyJWT's message.

Only the HMAC algorithms (HS256, HS384, HS512) and "none" are here. RSA, EC, PSS and EdDSA need
the ``cryptography`` package: asking for them raises NotImplementedError naming the algorithm,
and so does PyJWK / PyJWKClient (JWK sets fetched over the network).
"""
# __version__ first: jwt.help reads it.
__version__ = "2.15.1"

from .api_jwk import PyJWK, PyJWKSet
from .api_jws import PyJWS, get_algorithm_by_name, get_unverified_header, register_algorithm, unregister_algorithm
from .api_jwt import PyJWT, decode, decode_complete, encode
from .exceptions import (
    DecodeError,
    ExpiredSignatureError,
    ImmatureSignatureError,
    InvalidAlgorithmError,
    InvalidAudienceError,
    InvalidIssuedAtError,
    InvalidIssuerError,
    InvalidKeyError,
    InvalidSignatureError,
    InvalidTokenError,
    MissingRequiredClaimError,
    PyJWKClientConnectionError,
    PyJWKClientError,
    PyJWKError,
    PyJWKSetError,
    PyJWTError,
)
from .jwks_client import PyJWKClient
from .warnings import InsecureKeyLengthWarning


__title__ = "PyJWT"
__description__ = "JSON Web Token implementation in Python"

__all__ = [
    "PyJWS",
    "PyJWT",
    "PyJWKClient",
    "PyJWK",
    "PyJWKSet",
    "decode",
    "decode_complete",
    "encode",
    "get_unverified_header",
    "register_algorithm",
    "unregister_algorithm",
    "get_algorithm_by_name",
    "InsecureKeyLengthWarning",
    "DecodeError",
    "ExpiredSignatureError",
    "ImmatureSignatureError",
    "InvalidAlgorithmError",
    "InvalidAudienceError",
    "InvalidIssuedAtError",
    "InvalidIssuerError",
    "InvalidKeyError",
    "InvalidSignatureError",
    "InvalidTokenError",
    "MissingRequiredClaimError",
    "PyJWKClientConnectionError",
    "PyJWKClientError",
    "PyJWKError",
    "PyJWKSetError",
    "PyJWTError",
]

# Imported by the real package too (through PyJWKClient), so reachable as attributes;
# jwt.help is only imported when asked for.
from . import jwk_set_cache, types  # noqa: E402,F401
