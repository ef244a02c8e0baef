"""jwt.jwks_client: fetching JWK sets over the network (stand-in; see jwt/__init__.py)."""
from .api_jwk import _Unavailable


class PyJWKClient(_Unavailable):
    _feature = "PyJWKClient"
