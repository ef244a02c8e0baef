"""Signing algorithms (stand-in; see jwt/__init__.py): HS256, HS384, HS512 and "none".

RSA, EC, PSS and EdDSA need the ``cryptography`` package, which this stand-in does not
have: asking for them raises NotImplementedError naming the algorithm.
"""
import hashlib
import hmac
import json

from .exceptions import InvalidKeyError
from .utils import base64url_decode, base64url_encode, force_bytes, is_pem_format, is_ssh_key

has_crypto = False

requires_cryptography = {
    "RS256",
    "RS384",
    "RS512",
    "ES256",
    "ES256K",
    "ES384",
    "ES521",
    "ES512",
    "PS256",
    "PS384",
    "PS512",
    "EdDSA",
}


def unavailable_algorithm(name):
    return NotImplementedError(f"Algorithm '{name}' is not available in the in-browser PyJWT stand-in (it needs the cryptography package)")


class Algorithm:
    """The interface of a signing algorithm."""

    def prepare_key(self, key):
        raise NotImplementedError

    def sign(self, msg, key):
        raise NotImplementedError

    def verify(self, msg, key, sig):
        raise NotImplementedError

    def check_key_length(self, key):
        return None

    @staticmethod
    def to_jwk(key_obj, as_dict=False):
        raise NotImplementedError

    @staticmethod
    def from_jwk(jwk):
        raise NotImplementedError


class NoneAlgorithm(Algorithm):
    """alg "none": no signature, and a token that claims it never verifies."""

    def prepare_key(self, key):
        if key == "":
            key = None
        if key is not None:
            raise InvalidKeyError('When alg = "none", key value must be None.')
        return key

    def sign(self, msg, key):
        return b""

    def verify(self, msg, key, sig):
        return False


def _looks_like_jwk(key_bytes):
    try:
        value = json.loads(key_bytes, parse_int=lambda _: 0)
    except (ValueError, RecursionError):
        return False
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if "kty" in item:
                return True
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


class HMACAlgorithm(Algorithm):
    """HMAC with SHA-2: HS256, HS384, HS512."""

    SHA256 = hashlib.sha256
    SHA384 = hashlib.sha384
    SHA512 = hashlib.sha512

    def __init__(self, hash_alg):
        self.hash_alg = hash_alg

    def prepare_key(self, key):
        key_bytes = force_bytes(key)
        if len(key_bytes) == 0:
            raise InvalidKeyError("HMAC key must not be empty.")
        if is_pem_format(key_bytes) or is_ssh_key(key_bytes):
            raise InvalidKeyError("The specified key is an asymmetric key or x509 certificate and should not be used as an HMAC secret.")
        if _looks_like_jwk(key_bytes):
            raise InvalidKeyError(
                "The specified key looks like a JWK and should not be used directly as an HMAC secret."
                " Load it via PyJWK / HMACAlgorithm.from_jwk first."
            )
        return key_bytes

    def check_key_length(self, key):
        min_length = self.hash_alg().digest_size
        if len(key) < min_length:
            return (
                f"The HMAC key is {len(key)} bytes long, which is below "
                f"the minimum recommended length of {min_length} bytes for "
                f"{self.hash_alg().name.upper()}. "
                f"See RFC 7518 Section 3.2."
            )
        return None

    def sign(self, msg, key):
        return hmac.new(key, msg, self.hash_alg).digest()

    def verify(self, msg, key, sig):
        return hmac.compare_digest(sig, self.sign(msg, key))

    @staticmethod
    def to_jwk(key_obj, as_dict=False):
        jwk = {"k": base64url_encode(force_bytes(key_obj)).decode(), "kty": "oct"}
        return jwk if as_dict else json.dumps(jwk)

    @staticmethod
    def from_jwk(jwk):
        try:
            if isinstance(jwk, str):
                obj = json.loads(jwk)
            elif isinstance(jwk, dict):
                obj = jwk
            else:
                raise ValueError
        except ValueError:
            raise InvalidKeyError("Key is not valid JSON") from None
        if obj.get("kty") != "oct":
            raise InvalidKeyError("Not an HMAC key")
        key_bytes = base64url_decode(obj["k"])
        if len(key_bytes) == 0:
            raise InvalidKeyError("HMAC key must not be empty.")
        return key_bytes


def get_default_algorithms():
    return {
        "none": NoneAlgorithm(),
        "HS256": HMACAlgorithm(HMACAlgorithm.SHA256),
        "HS384": HMACAlgorithm(HMACAlgorithm.SHA384),
        "HS512": HMACAlgorithm(HMACAlgorithm.SHA512),
    }


class _NeedsCryptography(Algorithm):
    """An algorithm family that needs the ``cryptography`` package: importable, never usable."""

    _feature = ""
    SHA256 = SHA384 = SHA512 = None

    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            f"{self._feature} is not available in the in-browser PyJWT stand-in (it needs the cryptography package)"
        )

    @classmethod
    def from_jwk(cls, jwk):
        cls()

    @classmethod
    def to_jwk(cls, key_obj, as_dict=False):
        cls()


class RSAAlgorithm(_NeedsCryptography):
    _feature = "RSAAlgorithm (RS256, RS384, RS512)"


class ECAlgorithm(_NeedsCryptography):
    _feature = "ECAlgorithm (ES256, ES384, ES512)"


class RSAPSSAlgorithm(RSAAlgorithm):
    _feature = "RSAPSSAlgorithm (PS256, PS384, PS512)"


class OKPAlgorithm(_NeedsCryptography):
    _feature = "OKPAlgorithm (EdDSA)"
