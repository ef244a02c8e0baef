"""PyJWT's exception tree, as far as PyJWT 2.6 and current versions agree."""
import jwt
import jwt.exceptions

names = [
    "PyJWTError",
    "InvalidTokenError",
    "DecodeError",
    "InvalidSignatureError",
    "ExpiredSignatureError",
    "ImmatureSignatureError",
    "InvalidAlgorithmError",
    "InvalidAudienceError",
    "InvalidIssuerError",
    "InvalidIssuedAtError",
    "MissingRequiredClaimError",
    "InvalidKeyError",
]
for name in names:
    cls = getattr(jwt, name)
    print(name, cls is getattr(jwt.exceptions, name), [base.__name__ for base in cls.__mro__[1:-2]])

print(str(jwt.MissingRequiredClaimError("exp")))
print(repr(jwt.DecodeError("Not enough segments")))
print(issubclass(jwt.PyJWTError, Exception))
