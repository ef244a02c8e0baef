"""A lightweight in-browser stand-in for ItsDangerous 2.2, the signing library under Flask's sessions.

This is NOT the real ItsDangerous. It is a small pure-Python copy of its behaviour that runs
inside Pyodide: ``Signer``, ``TimestampSigner``, ``Serializer``, ``URLSafeSerializer`` and
``URLSafeTimedSerializer`` sign and check exactly as ItsDangerous does (same key derivation,
same HMAC, same URL-safe base64 and zlib compression), so a value signed here verifies with
the real library and the other way round.
"""
from .encoding import base64_decode, base64_encode, want_bytes
from .exc import BadData, BadHeader, BadPayload, BadSignature, BadTimeSignature, SignatureExpired
from .serializer import Serializer
from .signer import HMACAlgorithm, NoneAlgorithm, Signer
from .timed import TimedSerializer, TimestampSigner
from .url_safe import URLSafeSerializer, URLSafeTimedSerializer

__all__ = [
    "BadData",
    "BadHeader",
    "BadPayload",
    "BadSignature",
    "BadTimeSignature",
    "HMACAlgorithm",
    "NoneAlgorithm",
    "Serializer",
    "SignatureExpired",
    "Signer",
    "TimedSerializer",
    "TimestampSigner",
    "URLSafeSerializer",
    "URLSafeTimedSerializer",
    "base64_decode",
    "base64_encode",
    "want_bytes",
]


def __getattr__(name):
    if name == "__version__":
        import warnings

        warnings.warn(
            "The '__version__' attribute is deprecated and will be removed in"
            " ItsDangerous 2.3. Use feature detection or"
            " 'importlib.metadata.version(\"itsdangerous\")' instead.",
            DeprecationWarning,
            stacklevel=2,
        )
        return "2.2.0"
    raise AttributeError(name)
