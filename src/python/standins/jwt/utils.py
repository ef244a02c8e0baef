"""base64url helpers as PyJWT has them (stand-in; see jwt/__init__.py)."""
import base64
import binascii
import re


def force_bytes(value):
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, bytes):
        return value
    raise TypeError("Expected a string or bytes value")


def base64url_decode(input):
    input_bytes = force_bytes(input)
    remainder = len(input_bytes) % 4
    if remainder > 0:
        input_bytes += b"=" * (4 - remainder)
    return base64.urlsafe_b64decode(input_bytes)


def base64url_encode(input):
    return base64.urlsafe_b64encode(input).replace(b"=", b"")


_PEM_LABELS = (
    b"CERTIFICATE|TRUSTED CERTIFICATE|PRIVATE KEY|PUBLIC KEY|ENCRYPTED PRIVATE KEY|OPENSSH PRIVATE KEY|"
    b"DSA PRIVATE KEY|RSA PRIVATE KEY|RSA PUBLIC KEY|EC PRIVATE KEY|DH PARAMETERS|NEW CERTIFICATE REQUEST|"
    b"CERTIFICATE REQUEST|SSH2 PUBLIC KEY|SSH2 ENCRYPTED PRIVATE KEY|X509 CRL"
)
_PEM_MARKER = re.compile(b"(?=(----[- ](BEGIN|END) (" + _PEM_LABELS + b")[- ]----))")
_SSH_KEY_FORMATS = (
    b"ssh-ed25519",
    b"ssh-rsa",
    b"ssh-dss",
    b"ecdsa-sha2-nistp256",
    b"ecdsa-sha2-nistp384",
    b"ecdsa-sha2-nistp521",
)


def is_pem_format(key):
    begin_markers = {}
    for marker in _PEM_MARKER.finditer(key):
        marker_type, label = marker.group(2), marker.group(3)
        if marker_type == b"BEGIN":
            begin_markers[label] = marker.start(1) + len(marker.group(1))
        elif label in begin_markers and begin_markers[label] < marker.start(1):
            return True
    return False


def is_ssh_key(key):
    return key.startswith(_SSH_KEY_FORMATS)


def to_base64url_uint(val, *, bit_length=None):
    if val < 0:
        raise ValueError("Must be a positive integer")
    int_bytes = bytes_from_int(val, bit_length=bit_length)
    if len(int_bytes) == 0:
        int_bytes = b"\x00"
    return base64url_encode(int_bytes)


def from_base64url_uint(val):
    data = base64url_decode(force_bytes(val))
    return int.from_bytes(data, byteorder="big")


def number_to_bytes(num, num_bytes):
    padded_hex = "%0*x" % (2 * num_bytes, num)
    return binascii.a2b_hex(padded_hex.encode("ascii"))


def bytes_to_number(string):
    return int(binascii.b2a_hex(string), 16)


def bytes_from_int(val, *, bit_length=None):
    if bit_length is None:
        bit_length = val.bit_length()
    byte_length = (bit_length + 7) // 8
    return val.to_bytes(byte_length, "big", signed=False)


def der_to_raw_signature(der_sig, curve):
    raise NotImplementedError(
        "der_to_raw_signature is not available in the in-browser PyJWT stand-in (it needs the cryptography package)"
    )


def raw_to_der_signature(raw_sig, curve):
    raise NotImplementedError(
        "raw_to_der_signature is not available in the in-browser PyJWT stand-in (it needs the cryptography package)"
    )
