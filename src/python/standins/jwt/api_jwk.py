"""jwt.api_jwk: JSON Web Keys (stand-in; see jwt/__init__.py).

PyJWK and PyJWKSet build keys with the ``cryptography`` package, which the browser does not
have: creating one raises NotImplementedError naming the class.
"""


class _Unavailable:
    _feature = ""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError(f"{self._feature} is not available in the in-browser PyJWT stand-in")

    @classmethod
    def from_dict(cls, *args, **kwargs):
        cls()

    @classmethod
    def from_json(cls, *args, **kwargs):
        cls()


class PyJWK(_Unavailable):
    _feature = "PyJWK"


class PyJWKSet(_Unavailable):
    _feature = "PyJWKSet"


class PyJWTSetWithTimestamp(_Unavailable):
    _feature = "PyJWTSetWithTimestamp"
