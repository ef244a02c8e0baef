"""jwt.jwk_set_cache: the JWK set cache of PyJWKClient (stand-in; see jwt/__init__.py)."""
from .api_jwk import _Unavailable


class JWKSetCache(_Unavailable):
    _feature = "JWKSetCache"
