"""URL-safe base64 and integer packing, as itsdangerous.encoding (stand-in)."""
import base64
import string
import struct

from .exc import BadData


def want_bytes(s, encoding="utf-8", errors="strict"):
    if isinstance(s, str):
        s = s.encode(encoding, errors)
    return s


def base64_encode(string):
    string = want_bytes(string)
    return base64.urlsafe_b64encode(string).rstrip(b"=")


def base64_decode(string):
    string = want_bytes(string, encoding="ascii", errors="ignore")
    string += b"=" * (-len(string) % 4)
    try:
        return base64.urlsafe_b64decode(string)
    except (TypeError, ValueError) as e:
        raise BadData("Invalid base64-encoded data") from e


_base64_alphabet = f"{string.ascii_letters}{string.digits}-_=".encode("ascii")
_int64_struct = struct.Struct(">Q")


def int_to_bytes(num):
    return _int64_struct.pack(num).lstrip(b"\x00")


def bytes_to_int(bytestr):
    return _int64_struct.unpack(bytestr.rjust(8, b"\x00"))[0]
