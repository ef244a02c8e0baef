"""JSON Web Tokens: claims on top of JWS (stand-in; see jwt/__init__.py).

Claims are checked in PyJWT's order: required claims, iat, nbf, exp, iss, aud, sub, jti.
A token is expired when ``exp <= now - leeway``, so at the very second of its exp.
"""
import json
import warnings
from calendar import timegm
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from .api_jws import _ALGORITHM_UNSET, PyJWS, _jws_global_obj
from .exceptions import (
    DecodeError,
    ExpiredSignatureError,
    ImmatureSignatureError,
    InvalidAudienceError,
    InvalidIssuedAtError,
    InvalidIssuerError,
    InvalidJTIError,
    InvalidSubjectError,
    MissingRequiredClaimError,
)
from .warnings import RemovedInPyjwt3Warning


class PyJWT:
    def __init__(self, options=None):
        self.options = self._get_default_options()
        if options is not None:
            self.options = self._merge_options(options)
        self._jws = PyJWS(options=self._get_sig_options())

    @staticmethod
    def _get_default_options():
        return {
            "verify_signature": True,
            "verify_exp": True,
            "verify_nbf": True,
            "verify_iat": True,
            "verify_aud": True,
            "verify_iss": True,
            "verify_sub": True,
            "verify_jti": True,
            "require": [],
            "strict_aud": False,
            "enforce_minimum_key_length": False,
        }

    def _get_sig_options(self):
        return {
            "verify_signature": self.options["verify_signature"],
            "enforce_minimum_key_length": self.options.get("enforce_minimum_key_length", False),
        }

    def _merge_options(self, options=None):
        if options is None:
            return self.options
        merged = dict(options)
        # Without signature checking the other checks default to off too.
        if not merged.get("verify_signature", True):
            for name in ("verify_exp", "verify_nbf", "verify_iat", "verify_aud", "verify_iss", "verify_sub", "verify_jti"):
                merged[name] = merged.get(name, False)
        return {**self.options, **merged}

    def encode(self, payload, key, algorithm=_ALGORITHM_UNSET, headers=None, json_encoder=None, sort_headers=True):
        """Signs the claims: ``jwt.encode({"sub": "alice"}, key, algorithm="HS256")`` is a str."""
        if not isinstance(payload, dict):
            raise TypeError("Expecting a dict object, as JWT only supports JSON objects as payloads.")
        payload = payload.copy()
        for time_claim in ["exp", "iat", "nbf"]:
            if isinstance(payload.get(time_claim), datetime):
                payload[time_claim] = timegm(payload[time_claim].utctimetuple())
        if "iss" in payload and not isinstance(payload["iss"], str):
            raise TypeError("Issuer (iss) must be a string.")
        json_payload = self._encode_payload(payload, headers=headers, json_encoder=json_encoder)
        return self._jws.encode(json_payload, key, algorithm, headers, json_encoder, sort_headers=sort_headers)

    def _encode_payload(self, payload, headers=None, json_encoder=None):
        return json.dumps(payload, separators=(",", ":"), cls=json_encoder).encode("utf-8")

    def decode_complete(
        self,
        jwt,
        key="",
        algorithms=None,
        options=None,
        verify=None,
        detached_payload=None,
        audience=None,
        issuer=None,
        subject=None,
        leeway=0,
        **kwargs,
    ):
        if kwargs:
            warnings.warn(
                "passing additional kwargs to decode_complete() is deprecated "
                "and will be removed in pyjwt version 3. "
                f"Unsupported kwargs: {tuple(kwargs.keys())}",
                RemovedInPyjwt3Warning,
                stacklevel=2,
            )
        verify_signature = True if options is None else options.get("verify_signature", True)
        if verify is not None and verify != verify_signature:
            warnings.warn(
                "The `verify` argument to `decode` does nothing in PyJWT 2.0 and newer. "
                "The equivalent is setting `verify_signature` to False in the `options` dictionary. "
                "This invocation has a mismatch between the kwarg and the option entry.",
                category=DeprecationWarning,
                stacklevel=2,
            )
        merged_options = self._merge_options(options)
        sig_options = {
            "verify_signature": verify_signature,
            "enforce_minimum_key_length": merged_options.get("enforce_minimum_key_length", False),
        }
        decoded = self._jws.decode_complete(jwt, key=key, algorithms=algorithms, options=sig_options, detached_payload=detached_payload)
        payload = self._decode_payload(decoded)
        self._validate_claims(payload, merged_options, audience=audience, issuer=issuer, leeway=leeway, subject=subject)
        decoded["payload"] = payload
        return decoded

    def _decode_payload(self, decoded):
        try:
            payload = json.loads(decoded["payload"])
        except (ValueError, RecursionError) as e:
            raise DecodeError(f"Invalid payload string: {e}") from e
        if not isinstance(payload, dict):
            raise DecodeError("Invalid payload string: must be a json object")
        return payload

    def decode(
        self,
        jwt,
        key="",
        algorithms=None,
        options=None,
        verify=None,
        detached_payload=None,
        audience=None,
        subject=None,
        issuer=None,
        leeway=0,
        **kwargs,
    ):
        """Verifies a token and returns its claims; raises a PyJWTError subclass if anything is wrong."""
        if kwargs:
            warnings.warn(
                "passing additional kwargs to decode() is deprecated "
                "and will be removed in pyjwt version 3. "
                f"Unsupported kwargs: {tuple(kwargs.keys())}",
                RemovedInPyjwt3Warning,
                stacklevel=2,
            )
        decoded = self.decode_complete(
            jwt,
            key,
            algorithms,
            options,
            verify=verify,
            detached_payload=detached_payload,
            audience=audience,
            subject=subject,
            issuer=issuer,
            leeway=leeway,
        )
        return decoded["payload"]

    def _validate_claims(self, payload, options, audience=None, issuer=None, subject=None, leeway=0):
        if isinstance(leeway, timedelta):
            leeway = leeway.total_seconds()
        if audience is not None and not isinstance(audience, (str, Iterable)):
            raise TypeError("audience must be a string, iterable or None")
        self._validate_required_claims(payload, options["require"])
        # Read through this module's `datetime`, as PyJWT does, so a frozen clock can replace it.
        now = datetime.now(tz=timezone.utc).timestamp()
        if "iat" in payload and options["verify_iat"]:
            self._validate_iat(payload, now, leeway)
        if "nbf" in payload and options["verify_nbf"]:
            self._validate_nbf(payload, now, leeway)
        if "exp" in payload and options["verify_exp"]:
            self._validate_exp(payload, now, leeway)
        if options["verify_iss"]:
            self._validate_iss(payload, issuer)
        if options["verify_aud"]:
            self._validate_aud(payload, audience, strict=options.get("strict_aud", False))
        if options["verify_sub"]:
            self._validate_sub(payload, subject)
        if options["verify_jti"]:
            self._validate_jti(payload)

    def _validate_required_claims(self, payload, claims):
        for claim in claims:
            if payload.get(claim) is None:
                raise MissingRequiredClaimError(claim)

    def _validate_sub(self, payload, subject=None):
        if "sub" not in payload:
            return
        if not isinstance(payload["sub"], str):
            raise InvalidSubjectError("Subject must be a string")
        if subject is not None and payload.get("sub") != subject:
            raise InvalidSubjectError("Invalid subject")

    def _validate_jti(self, payload):
        if "jti" not in payload:
            return
        if not isinstance(payload.get("jti"), str):
            raise InvalidJTIError("JWT ID must be a string")

    def _validate_iat(self, payload, now, leeway):
        try:
            iat = int(payload["iat"])
        except (ValueError, TypeError, OverflowError):
            raise InvalidIssuedAtError("Issued At claim (iat) must be an integer.") from None
        if iat > (now + leeway):
            raise ImmatureSignatureError("The token is not yet valid (iat)")

    def _validate_nbf(self, payload, now, leeway):
        try:
            nbf = int(payload["nbf"])
        except (ValueError, TypeError, OverflowError):
            raise DecodeError("Not Before claim (nbf) must be an integer.") from None
        if nbf > (now + leeway):
            raise ImmatureSignatureError("The token is not yet valid (nbf)")

    def _validate_exp(self, payload, now, leeway):
        try:
            exp = int(payload["exp"])
        except (ValueError, TypeError, OverflowError):
            raise DecodeError("Expiration Time claim (exp) must be an integer.") from None
        if exp <= (now - leeway):
            raise ExpiredSignatureError("Signature has expired")

    def _validate_aud(self, payload, audience, *, strict=False):
        if audience is None:
            if "aud" not in payload or not payload["aud"]:
                return
            raise InvalidAudienceError("Invalid audience")
        if "aud" not in payload or not payload["aud"]:
            raise MissingRequiredClaimError("aud")
        audience_claims = payload["aud"]
        if strict:
            if not isinstance(audience, str):
                raise InvalidAudienceError("Invalid audience (strict)")
            if not isinstance(audience_claims, str):
                raise InvalidAudienceError("Invalid claim format in token (strict)")
            if audience != audience_claims:
                raise InvalidAudienceError("Audience doesn't match (strict)")
            return
        if isinstance(audience_claims, str):
            audience_claims = [audience_claims]
        if not isinstance(audience_claims, list):
            raise InvalidAudienceError("Invalid claim format in token")
        if any(not isinstance(c, str) for c in audience_claims):
            raise InvalidAudienceError("Invalid claim format in token")
        if isinstance(audience, str):
            audience = [audience]
        if all(aud not in audience_claims for aud in audience):
            raise InvalidAudienceError("Audience doesn't match")

    def _validate_iss(self, payload, issuer):
        if issuer is None:
            return
        if "iss" not in payload:
            raise MissingRequiredClaimError("iss")
        iss = payload["iss"]
        if not isinstance(iss, str):
            raise InvalidIssuerError("Payload Issuer (iss) must be a string")
        if isinstance(issuer, str):
            if iss != issuer:
                raise InvalidIssuerError("Invalid issuer")
        else:
            try:
                if iss not in issuer:
                    raise InvalidIssuerError("Invalid issuer")
            except TypeError:
                raise InvalidIssuerError('Issuer param must be "str" or "Container[str]"') from None


_jwt_global_obj = PyJWT()
_jwt_global_obj._jws = _jws_global_obj
encode = _jwt_global_obj.encode
decode_complete = _jwt_global_obj.decode_complete
decode = _jwt_global_obj.decode
