"""Signer: value + "." + base64(HMAC(derived key, value)), as itsdangerous.signer (stand-in)."""
import hashlib
import hmac

from .encoding import _base64_alphabet, base64_decode, base64_encode, want_bytes
from .exc import BadSignature


class SigningAlgorithm:
    def get_signature(self, key, value):
        raise NotImplementedError()

    def verify_signature(self, key, value, sig):
        return hmac.compare_digest(sig, self.get_signature(key, value))


class NoneAlgorithm(SigningAlgorithm):
    def get_signature(self, key, value):
        return b""


def _lazy_sha1(string=b""):
    return hashlib.sha1(string)


class HMACAlgorithm(SigningAlgorithm):
    default_digest_method = staticmethod(_lazy_sha1)

    def __init__(self, digest_method=None):
        if digest_method is None:
            digest_method = self.default_digest_method
        self.digest_method = digest_method

    def get_signature(self, key, value):
        return hmac.new(key, msg=value, digestmod=self.digest_method).digest()


def _make_keys_list(secret_key):
    if isinstance(secret_key, (str, bytes)):
        return [want_bytes(secret_key)]
    return [want_bytes(s) for s in secret_key]


class Signer:
    default_digest_method = staticmethod(_lazy_sha1)
    default_key_derivation = "django-concat"

    def __init__(self, secret_key, salt=b"itsdangerous.Signer", sep=b".", key_derivation=None, digest_method=None, algorithm=None):
        self.secret_keys = _make_keys_list(secret_key)
        self.sep = want_bytes(sep)
        if self.sep in _base64_alphabet:
            raise ValueError(
                "The given separator cannot be used because it may be"
                " contained in the signature itself. ASCII letters,"
                " digits, and '-_=' must not be used."
            )
        self.salt = want_bytes(salt) if salt is not None else b"itsdangerous.Signer"
        self.key_derivation = self.default_key_derivation if key_derivation is None else key_derivation
        self.digest_method = self.default_digest_method if digest_method is None else digest_method
        self.algorithm = HMACAlgorithm(self.digest_method) if algorithm is None else algorithm

    @property
    def secret_key(self):
        return self.secret_keys[-1]

    def derive_key(self, secret_key=None):
        secret_key = self.secret_keys[-1] if secret_key is None else want_bytes(secret_key)
        if self.key_derivation == "concat":
            return self.digest_method(self.salt + secret_key).digest()
        if self.key_derivation == "django-concat":
            return self.digest_method(self.salt + b"signer" + secret_key).digest()
        if self.key_derivation == "hmac":
            mac = hmac.new(secret_key, digestmod=self.digest_method)
            mac.update(self.salt)
            return mac.digest()
        if self.key_derivation == "none":
            return secret_key
        raise TypeError("Unknown key derivation method")

    def get_signature(self, value):
        value = want_bytes(value)
        key = self.derive_key()
        return base64_encode(self.algorithm.get_signature(key, value))

    def sign(self, value):
        value = want_bytes(value)
        return value + self.sep + self.get_signature(value)

    def verify_signature(self, value, sig):
        try:
            sig = base64_decode(sig)
        except Exception:
            return False
        value = want_bytes(value)
        for secret_key in reversed(self.secret_keys):
            key = self.derive_key(secret_key)
            if self.algorithm.verify_signature(key, value, sig):
                return True
        return False

    def unsign(self, signed_value):
        signed_value = want_bytes(signed_value)
        if self.sep not in signed_value:
            raise BadSignature(f"No {self.sep!r} found in value")
        value, sig = signed_value.rsplit(self.sep, 1)
        if self.verify_signature(value, sig):
            return value
        raise BadSignature(f"Signature {sig!r} does not match", payload=value)

    def validate(self, signed_value):
        try:
            self.unsign(signed_value)
            return True
        except BadSignature:
            return False
