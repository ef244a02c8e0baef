"""Serializer: a signed JSON payload, as itsdangerous.serializer (stand-in)."""
import json

from .encoding import want_bytes
from .exc import BadPayload, BadSignature
from .signer import Signer, _make_keys_list


def is_text_serializer(serializer):
    return isinstance(serializer.dumps({}), str)


class Serializer:
    default_serializer = json
    default_signer = Signer
    default_fallback_signers = []

    def __init__(self, secret_key, salt=b"itsdangerous", serializer=None, serializer_kwargs=None, signer=None, signer_kwargs=None, fallback_signers=None):
        self.secret_keys = _make_keys_list(secret_key)
        if salt is not None:
            salt = want_bytes(salt)
        self.salt = salt
        if serializer is None:
            serializer = self.default_serializer
        self.serializer = serializer
        self.is_text_serializer = is_text_serializer(serializer)
        self.signer = self.default_signer if signer is None else signer
        self.signer_kwargs = signer_kwargs or {}
        self.fallback_signers = list(self.default_fallback_signers) if fallback_signers is None else fallback_signers
        self.serializer_kwargs = serializer_kwargs or {}

    @property
    def secret_key(self):
        return self.secret_keys[-1]

    def load_payload(self, payload, serializer=None):
        if serializer is None:
            use_serializer = self.serializer
            is_text = self.is_text_serializer
        else:
            use_serializer = serializer
            is_text = is_text_serializer(serializer)
        try:
            if is_text:
                return use_serializer.loads(payload.decode("utf-8"))
            return use_serializer.loads(payload)
        except Exception as e:
            raise BadPayload(
                "Could not load the payload because an exception occurred on unserializing the data.",
                original_error=e,
            ) from e

    def dump_payload(self, obj):
        return want_bytes(self.serializer.dumps(obj, **self.serializer_kwargs))

    def make_signer(self, salt=None):
        if salt is None:
            salt = self.salt
        return self.signer(self.secret_keys, salt=salt, **self.signer_kwargs)

    def iter_unsigners(self, salt=None):
        if salt is None:
            salt = self.salt
        yield self.make_signer(salt)
        for fallback in self.fallback_signers:
            if isinstance(fallback, dict):
                kwargs = fallback
                fallback = self.signer
            elif isinstance(fallback, tuple):
                fallback, kwargs = fallback
            else:
                kwargs = self.signer_kwargs
            for secret_key in self.secret_keys:
                yield fallback(secret_key, salt=salt, **kwargs)

    def dumps(self, obj, salt=None):
        payload = want_bytes(self.dump_payload(obj))
        rv = self.make_signer(salt).sign(payload)
        if self.is_text_serializer:
            return rv.decode("utf-8")
        return rv

    def dump(self, obj, f, salt=None):
        f.write(self.dumps(obj, salt))

    def loads(self, s, salt=None, **kwargs):
        s = want_bytes(s)
        last_exception = None
        for signer in self.iter_unsigners(salt):
            try:
                return self.load_payload(signer.unsign(s))
            except BadSignature as err:
                last_exception = err
        raise last_exception

    def load(self, f, salt=None):
        return self.loads(f.read(), salt)

    def loads_unsafe(self, s, salt=None):
        return self._loads_unsafe_impl(s, salt)

    def _loads_unsafe_impl(self, s, salt, load_kwargs=None, load_payload_kwargs=None):
        if load_kwargs is None:
            load_kwargs = {}
        try:
            return True, self.loads(s, salt=salt, **load_kwargs)
        except BadSignature as e:
            if e.payload is None:
                return False, None
            if load_payload_kwargs is None:
                load_payload_kwargs = {}
            try:
                return False, self.load_payload(e.payload, **load_payload_kwargs)
            except BadPayload:
                return False, None

    def load_unsafe(self, f, salt=None):
        return self.loads_unsafe(f.read(), salt=salt)
