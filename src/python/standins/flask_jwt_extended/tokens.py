"""Making and reading tokens with the jwt (PyJWT) stand-in, as Flask-JWT-Extended does."""
import uuid
from datetime import datetime, timedelta, timezone
from hmac import compare_digest

import jwt

from .exceptions import CSRFError, JWTDecodeError


def _encode_jwt(
    algorithm,
    audience,
    claim_overrides,
    csrf,
    expires_delta,
    fresh,
    header_overrides,
    identity,
    identity_claim_key,
    issuer,
    json_encoder,
    secret,
    token_type,
    nbf,
):
    now = datetime.now(timezone.utc)
    if isinstance(fresh, timedelta):
        fresh = datetime.timestamp(now + fresh)
    # The claim order is Flask-JWT-Extended's: fresh, iat, jti, type, sub, nbf, csrf, exp.
    token_data = {
        "fresh": fresh,
        "iat": now,
        "jti": str(uuid.uuid4()),
        "type": token_type,
        identity_claim_key: identity,
    }
    if nbf:
        token_data["nbf"] = now
    if csrf:
        token_data["csrf"] = str(uuid.uuid4())
    if audience:
        token_data["aud"] = audience
    if issuer:
        token_data["iss"] = issuer
    if expires_delta:
        token_data["exp"] = now + expires_delta
    if claim_overrides:
        token_data.update(claim_overrides)
    return jwt.encode(token_data, secret, algorithm, json_encoder=json_encoder, headers=header_overrides)


def _decode_jwt(
    algorithms,
    allow_expired,
    audience,
    csrf_value,
    encoded_token,
    identity_claim_key,
    issuer,
    leeway,
    secret,
    verify_aud,
    verify_sub,
):
    options = {"verify_aud": verify_aud, "verify_sub": verify_sub}
    if allow_expired:
        options["verify_exp"] = False
    decoded_token = jwt.decode(
        encoded_token,
        secret,
        algorithms=algorithms,
        audience=audience,
        issuer=issuer,
        leeway=leeway,
        options=options,
    )
    if identity_claim_key not in decoded_token:
        raise JWTDecodeError(f"Missing claim: {identity_claim_key}")
    if "type" not in decoded_token:
        decoded_token["type"] = "access"
    if "fresh" not in decoded_token:
        decoded_token["fresh"] = False
    if "jti" not in decoded_token:
        decoded_token["jti"] = None
    if csrf_value:
        if "csrf" not in decoded_token:
            raise JWTDecodeError("Missing claim: csrf")
        if not compare_digest(decoded_token["csrf"], csrf_value):
            raise CSRFError("CSRF double submit tokens do not match")
    return decoded_token
