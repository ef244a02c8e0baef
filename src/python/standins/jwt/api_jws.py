"""JSON Web Signatures: the header.payload.signature layer (stand-in; see jwt/__init__.py)."""
import binascii
import json
import warnings

from .algorithms import Algorithm, get_default_algorithms, requires_cryptography, unavailable_algorithm
from .exceptions import DecodeError, InvalidAlgorithmError, InvalidKeyError, InvalidSignatureError, InvalidTokenError
from .utils import base64url_decode, base64url_encode
from .warnings import InsecureKeyLengthWarning, RemovedInPyjwt3Warning

_ALGORITHM_UNSET = object()
_BASE64URL_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


class PyJWS:
    header_typ = "JWT"

    # Extensions that PyJWT understands in a "crit" header.
    _supported_crit = {"b64"}

    def __init__(self, algorithms=None, options=None):
        self._algorithms = get_default_algorithms()
        self._valid_algs = set(algorithms) if algorithms is not None else set(self._algorithms)
        for key in list(self._algorithms.keys()):
            if key not in self._valid_algs:
                del self._algorithms[key]
        self.options = self._get_default_options()
        if options is not None:
            self.options = {**self.options, **options}

    @staticmethod
    def _get_default_options():
        return {"verify_signature": True, "enforce_minimum_key_length": False}

    def register_algorithm(self, alg_id, alg_obj):
        if alg_id in self._algorithms:
            raise ValueError("Algorithm already has a handler.")
        if not isinstance(alg_obj, Algorithm):
            raise TypeError("Object is not of type `Algorithm`")
        self._algorithms[alg_id] = alg_obj
        self._valid_algs.add(alg_id)

    def unregister_algorithm(self, alg_id):
        if alg_id not in self._algorithms:
            raise KeyError("The specified algorithm could not be removed because it is not registered.")
        del self._algorithms[alg_id]
        self._valid_algs.remove(alg_id)

    def get_algorithms(self):
        return list(self._valid_algs)

    def get_algorithm_by_name(self, alg_name):
        try:
            return self._algorithms[alg_name]
        except KeyError as e:
            if alg_name in requires_cryptography:
                raise unavailable_algorithm(alg_name) from e
            raise NotImplementedError("Algorithm not supported") from e

    def encode(self, payload, key, algorithm=_ALGORITHM_UNSET, headers=None, json_encoder=None, is_payload_detached=False, sort_headers=True):
        segments = []
        if algorithm is _ALGORITHM_UNSET:
            algorithm_ = "HS256"
        elif algorithm is None:
            algorithm_ = "none"
        else:
            algorithm_ = algorithm
        if headers:
            headers_alg = headers.get("alg")
            if headers_alg:
                algorithm_ = headers["alg"]
            if headers.get("b64") is False:
                is_payload_detached = True

        header = {"typ": self.header_typ, "alg": algorithm_}
        if headers:
            self._validate_headers(headers, encoding=True)
            header.update(headers)
        if not header["typ"]:
            del header["typ"]
        if is_payload_detached:
            header["b64"] = False
            existing_crit = header.get("crit", [])
            if not isinstance(existing_crit, list):
                raise InvalidTokenError("Invalid 'crit' header: must be a list")
            if "b64" not in existing_crit:
                header["crit"] = [*existing_crit, "b64"]
        elif "b64" in header:
            del header["b64"]

        json_header = json.dumps(header, separators=(",", ":"), cls=json_encoder, sort_keys=sort_headers).encode()
        segments.append(base64url_encode(json_header))
        segments.append(payload if is_payload_detached else base64url_encode(payload))
        signing_input = b".".join(segments)

        alg_obj = self.get_algorithm_by_name(algorithm_)
        key = alg_obj.prepare_key(key)
        key_length_msg = alg_obj.check_key_length(key)
        if key_length_msg:
            if self.options.get("enforce_minimum_key_length", False):
                raise InvalidKeyError(key_length_msg)
            warnings.warn(key_length_msg, InsecureKeyLengthWarning, stacklevel=2)
        signature = alg_obj.sign(signing_input, key)
        segments.append(base64url_encode(signature))
        if is_payload_detached:
            segments[1] = b""
        return b".".join(segments).decode("utf-8")

    def decode_complete(self, jwt, key="", algorithms=None, options=None, detached_payload=None, **kwargs):
        if kwargs:
            warnings.warn(
                "passing additional kwargs to decode_complete() is deprecated "
                "and will be removed in pyjwt version 3. "
                f"Unsupported kwargs: {tuple(kwargs.keys())}",
                RemovedInPyjwt3Warning,
                stacklevel=2,
            )
        merged_options = self.options if options is None else {**self.options, **options}
        verify_signature = merged_options["verify_signature"]
        if verify_signature and not algorithms:
            raise DecodeError('It is required that you pass in a value for the "algorithms" argument when calling decode().')

        payload, signing_input, header, signature = self._load(jwt)
        self._validate_headers(header)

        if detached_payload is not None and header.get("b64", True) is not False:
            raise DecodeError('It is only valid to pass "detached_payload" when the protected header has "b64" set to false.')
        if header.get("b64", True) is False:
            crit = header.get("crit") or []
            if not isinstance(crit, list) or "b64" not in crit:
                raise InvalidTokenError("The 'b64' header parameter requires 'b64' to be listed in 'crit'.")
            if detached_payload is None:
                raise DecodeError(
                    'It is required that you pass in a value for the "detached_payload" argument to decode a message having the b64 header set to false.'
                )
            payload = detached_payload
            signing_input = b".".join([signing_input.rsplit(b".", 1)[0], payload])

        if verify_signature:
            self._verify_signature(signing_input, header, signature, key, algorithms, options=merged_options)
        return {"payload": payload, "header": header, "signature": signature}

    def decode(self, jwt, key="", algorithms=None, options=None, detached_payload=None, **kwargs):
        if kwargs:
            warnings.warn(
                "passing additional kwargs to decode() is deprecated "
                "and will be removed in pyjwt version 3. "
                f"Unsupported kwargs: {tuple(kwargs.keys())}",
                RemovedInPyjwt3Warning,
                stacklevel=2,
            )
        return self.decode_complete(jwt, key, algorithms, options, detached_payload=detached_payload)["payload"]

    def get_unverified_header(self, jwt):
        """The header of a token, read without checking anything else."""
        headers = self._load(jwt)[2]
        self._validate_headers(headers)
        return headers

    @staticmethod
    def _decode_base64url_segment(segment, name):
        # Trailing "=" is accepted; anything outside the base64url alphabet is refused.
        padding = 0
        stripped = segment
        while stripped.endswith(b"="):
            stripped = stripped[:-1]
            padding += 1
            if padding > 2:
                raise DecodeError(f"Invalid {name} padding")
        if padding and len(segment) % 4 != 0:
            raise DecodeError(f"Invalid {name} padding")
        if len(stripped) % 4 == 1 or any(character not in _BASE64URL_ALPHABET for character in stripped):
            raise DecodeError(f"Invalid {name} padding")
        try:
            decoded = base64url_decode(stripped)
        except (TypeError, binascii.Error) as err:
            raise DecodeError(f"Invalid {name} padding") from err
        if base64url_encode(decoded) != stripped:
            raise DecodeError(f"Invalid {name} padding")
        return decoded

    def _load(self, jwt):
        if isinstance(jwt, str):
            jwt = jwt.encode("utf-8")
        if not isinstance(jwt, bytes):
            raise DecodeError(f"Invalid token type. Token must be a {bytes}")
        try:
            signing_input, crypto_segment = jwt.rsplit(b".", 1)
            header_segment, payload_segment = signing_input.split(b".", 1)
        except ValueError as err:
            raise DecodeError("Not enough segments") from err

        header_data = self._decode_base64url_segment(header_segment, "header")
        try:
            header = json.loads(header_data)
        except (ValueError, RecursionError) as e:
            raise DecodeError(f"Invalid header string: {e}") from e
        if not isinstance(header, dict):
            raise DecodeError("Invalid header string: must be a json object")

        if header.get("b64", True) is False:
            if payload_segment:
                raise DecodeError("Payload segment must be empty when 'b64' is false.")
            payload = b""
        else:
            payload = self._decode_base64url_segment(payload_segment, "payload")
        signature = self._decode_base64url_segment(crypto_segment, "crypto")
        return payload, signing_input, header, signature

    def _verify_signature(self, signing_input, header, signature, key="", algorithms=None, options=None):
        effective_options = options if options is not None else self.options
        try:
            alg = header["alg"]
        except KeyError:
            raise InvalidAlgorithmError("Algorithm not specified") from None
        if not alg or (algorithms is not None and alg not in algorithms):
            raise InvalidAlgorithmError("The specified alg value is not allowed")
        if alg in requires_cryptography and alg not in self._algorithms:
            # Real PyJWT (with cryptography) would verify this token; refusing it would be a wrong answer.
            raise unavailable_algorithm(alg)
        try:
            alg_obj = self.get_algorithm_by_name(alg)
        except NotImplementedError as e:
            raise InvalidAlgorithmError("Algorithm not supported") from e
        prepared_key = alg_obj.prepare_key(key)
        key_length_msg = alg_obj.check_key_length(prepared_key)
        if key_length_msg:
            if effective_options.get("enforce_minimum_key_length", False):
                raise InvalidKeyError(key_length_msg)
            warnings.warn(key_length_msg, InsecureKeyLengthWarning, stacklevel=4)
        if not alg_obj.verify(signing_input, prepared_key, signature):
            raise InvalidSignatureError("Signature verification failed")

    def _validate_headers(self, headers, *, encoding=False):
        if "kid" in headers:
            self._validate_kid(headers["kid"])
        if not encoding and "crit" in headers:
            self._validate_crit(headers)

    def _validate_kid(self, kid):
        if not isinstance(kid, str):
            raise InvalidTokenError("Key ID header parameter must be a string")

    def _validate_crit(self, headers):
        crit = headers["crit"]
        if not isinstance(crit, list) or len(crit) == 0:
            raise InvalidTokenError("Invalid 'crit' header: must be a non-empty list")
        for ext in crit:
            if not isinstance(ext, str):
                raise InvalidTokenError("Invalid 'crit' header: values must be strings")
            if ext not in self._supported_crit:
                raise InvalidTokenError(f"Unsupported critical extension: {ext}")
            if ext not in headers:
                raise InvalidTokenError(f"Critical extension '{ext}' is missing from headers")


_jws_global_obj = PyJWS()
encode = _jws_global_obj.encode
decode_complete = _jws_global_obj.decode_complete
decode = _jws_global_obj.decode
register_algorithm = _jws_global_obj.register_algorithm
unregister_algorithm = _jws_global_obj.unregister_algorithm
get_algorithm_by_name = _jws_global_obj.get_algorithm_by_name
get_unverified_header = _jws_global_obj.get_unverified_header
