"""URL-safe serializers: compact JSON, zlib when it is shorter, URL-safe base64 (stand-in)."""
import zlib

from ._json import _CompactJSON
from .encoding import base64_decode, base64_encode
from .exc import BadPayload
from .serializer import Serializer
from .timed import TimedSerializer


class URLSafeSerializerMixin(Serializer):
    default_serializer = _CompactJSON

    def load_payload(self, payload, *args, serializer=None, **kwargs):
        decompress = False
        if payload.startswith(b"."):
            payload = payload[1:]
            decompress = True
        try:
            json = base64_decode(payload)
        except Exception as e:
            raise BadPayload("Could not base64 decode the payload because of an exception", original_error=e) from e
        if decompress:
            try:
                json = zlib.decompress(json)
            except Exception as e:
                raise BadPayload("Could not zlib decompress the payload before decoding the payload", original_error=e) from e
        return super().load_payload(json, *args, **kwargs)

    def dump_payload(self, obj):
        json = super().dump_payload(obj)
        is_compressed = False
        compressed = zlib.compress(json)
        if len(compressed) < len(json) - 1:
            json = compressed
            is_compressed = True
        base64d = base64_encode(json)
        if is_compressed:
            base64d = b"." + base64d
        return base64d


class URLSafeSerializer(URLSafeSerializerMixin, Serializer):
    pass


class URLSafeTimedSerializer(URLSafeSerializerMixin, TimedSerializer):
    pass
