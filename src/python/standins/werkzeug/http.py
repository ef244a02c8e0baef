"""Status texts and dates as Werkzeug writes them (stand-in; see werkzeug/__init__.py)."""
import re
import warnings
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import quote, unquote

HTTP_STATUS_CODES = {
    100: "Continue",
    101: "Switching Protocols",
    102: "Processing",
    103: "Early Hints",
    200: "OK",
    201: "Created",
    202: "Accepted",
    203: "Non Authoritative Information",
    204: "No Content",
    205: "Reset Content",
    206: "Partial Content",
    207: "Multi Status",
    208: "Already Reported",
    226: "IM Used",
    300: "Multiple Choices",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    304: "Not Modified",
    305: "Use Proxy",
    306: "Switch Proxy",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    407: "Proxy Authentication Required",
    408: "Request Timeout",
    409: "Conflict",
    410: "Gone",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Request Entity Too Large",
    414: "Request URI Too Long",
    415: "Unsupported Media Type",
    416: "Requested Range Not Satisfiable",
    417: "Expectation Failed",
    418: "I'm a teapot",
    421: "Misdirected Request",
    422: "Unprocessable Entity",
    423: "Locked",
    424: "Failed Dependency",
    425: "Too Early",
    426: "Upgrade Required",
    428: "Precondition Required",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    449: "Retry With",
    451: "Unavailable For Legal Reasons",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
    506: "Variant Also Negotiates",
    507: "Insufficient Storage",
    508: "Loop Detected",
    510: "Not Extended",
    511: "Network Authentication Failed",
}

# Werkzeug adds "; charset=utf-8" to these mimetypes (get_content_type).
_CHARSET_MIMETYPES = {"application/ecmascript", "application/javascript", "application/sql", "application/xml", "application/xml-dtd", "application/xml-external-parsed-entity"}


def get_content_type(mimetype, charset):
    """The Content-Type for a mimetype: text types get the charset, as in Werkzeug."""
    if mimetype.startswith("text/") or mimetype in _CHARSET_MIMETYPES or (mimetype.startswith("application/") and mimetype.endswith("+xml")):
        mimetype += f"; charset={charset}"
    return mimetype


def parse_options_header(value):
    """Splits 'text/html; charset=utf-8' into ('text/html', {'charset': 'utf-8'})."""
    if not value:
        return "", {}
    parts = value.split(";")
    options = {}
    for part in parts[1:]:
        key, _, option = part.strip().partition("=")
        if key:
            options[key.strip().lower()] = option.strip().strip('"')
    return parts[0].strip(), options


def http_date(timestamp=None):
    """An HTTP date such as 'Wed, 21 Oct 2015 07:28:00 GMT'; naive datetimes count as UTC."""
    if isinstance(timestamp, date) and not isinstance(timestamp, datetime):
        timestamp = datetime.combine(timestamp, datetime.min.time())
    if timestamp is None:
        timestamp = datetime.now(timezone.utc)
    elif isinstance(timestamp, (int, float)):
        timestamp = datetime.fromtimestamp(timestamp, timezone.utc)
    elif timestamp.tzinfo is None:
        timestamp = timestamp.replace(tzinfo=timezone.utc)
    else:
        timestamp = timestamp.astimezone(timezone.utc)
    return format_datetime(timestamp, usegmt=True)


def parse_date(value):
    """An HTTP date parsed into an aware datetime (UTC if it names no zone), or None."""
    if value is None:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed


_token_chars = frozenset("!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~")
_unslash_re = re.compile(r"\\(.)", re.A)
_charset_value_re = re.compile(
    r"([\w!#$%&*+\-.^`|~]*)'[\w!#$%&*+\-.^`|~]*'([\w!#$%&'*+\-.^`|~]+)$",
    re.ASCII,
)


def quote_header_value(value, allow_token=True):
    value_str = str(value)
    if not value_str:
        return '""'
    if allow_token and _token_chars.issuperset(value_str):
        return value_str
    value_str = value_str.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{value_str}"'


def unquote_header_value(value):
    if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
        return _unslash_re.sub(r"\g<1>", value[1:-1])
    return value


def dump_header(iterable):
    if isinstance(iterable, dict):
        items = []
        for key, value in iterable.items():
            if value is None:
                items.append(key)
            elif key.endswith("*"):
                items.append(f"{key}={value}")
            else:
                items.append(f"{key}={quote_header_value(value)}")
    else:
        items = [quote_header_value(x) for x in iterable]
    return ", ".join(items)


def parse_list_header(value):
    items = []
    item = ""
    escape = False
    quoted = False
    for char in value:
        if escape:
            escape = False
            item += char
            continue
        if quoted:
            if char == "\\":
                escape = True
            elif char == '"':
                quoted = False
            item += char
            continue
        if char == ",":
            items.append(item)
            item = ""
            continue
        if char == '"':
            quoted = True
        item += char
    if quoted:
        return []
    items.append(item)
    return [unquote_header_value(item) for item in (item.strip(" \t") for item in items) if item]


def parse_dict_header(value):
    result = {}
    for item in parse_list_header(value):
        key, has_value, value = item.partition("=")
        key = key.strip(" \t")
        if not key:
            continue
        if not has_value:
            result[key] = None
            continue
        value = value.strip(" \t")
        encoding = None
        if key.endswith("*"):
            key = key[:-1]
            match = _charset_value_re.match(value)
            if match is not None:
                encoding, value = match.groups()
                encoding = encoding.lower()
            if encoding in {"ascii", "us-ascii", "utf-8", "iso-8859-1"}:
                value = unquote(value, encoding=encoding)
        result[key] = unquote_header_value(value)
    return result


# -- cookies, as werkzeug.http.dump_cookie / parse_cookie write and read them ------------------
_cookie_no_quote_re = re.compile(r"[\w!#$%&'()*+\-./:<=>?@\[\]^`{|}~]*", re.A)
_cookie_slash_re = re.compile(rb"[\x00-\x19\",;\\\x7f-\xff]", re.A)
_cookie_slash_map = {b'"': b'\\"', b"\\": b"\\\\"}
_cookie_slash_map.update((v.to_bytes(1, "big"), b"\\%03o" % v) for v in [*range(0x20), *b",;", *range(0x7F, 256)])
_cookie_re = re.compile(
    r"""
    [ \t]*  # ignore leading space
    ([^ \t=";]+)  # key
    (?:[ \t]*=[ \t]*  # optional =value, ignoring invalid space
        (
            "(?:[^\\"]|\\.)*"  # quoted value with backslash escapes
        |
            [^ \t";]*  # token value
        )
    )?
    [ \t]*  # ignore trailing space
    (?:;|\Z)  # only if followed by semicolon or end
    """,
    flags=re.ASCII | re.VERBOSE,
)
_cookie_unslash_re = re.compile(rb"\\([0-3][0-7]{2}|.)")


def _cookie_unslash_replace(m):
    v = m.group(1)
    if len(v) == 1:
        return v
    return int(v, 8).to_bytes(1, "big")


def parse_cookie(header, cls=None):
    """A Cookie header (or a WSGI environ's HTTP_COOKIE) as a MultiDict of names to values."""
    from .datastructures import MultiDict

    if cls is None:
        cls = MultiDict
    cookie = header.get("HTTP_COOKIE") if isinstance(header, dict) else header
    if cookie:
        cookie = cookie.encode("latin1").decode()
    if not cookie:
        return cls()
    out = []
    pos = 0
    while True:
        m = _cookie_re.match(cookie, pos)
        if m is None:
            pos = cookie.find(";", pos) + 1
            if pos == 0:
                break
            continue
        ck, cv = m.groups()
        pos = m.end()
        if cv is None:
            cv = ""
        if cv.startswith('"') and cv.endswith('"'):
            cv = _cookie_unslash_re.sub(_cookie_unslash_replace, cv[1:-1].encode()).decode(errors="replace")
        out.append((ck, cv))
    return cls(out)


def dump_cookie(
    key,
    value="",
    max_age=None,
    expires=None,
    path="/",
    domain=None,
    secure=False,
    httponly=False,
    sync_expires=True,
    max_size=4093,
    samesite=None,
    partitioned=False,
):
    """The text of a Set-Cookie header (without the ``Set-Cookie:`` name), as Werkzeug writes it."""
    if path is not None:
        path = quote(path, safe="%!$&'()*+,/:=@")
    if domain:
        domain = domain.partition(":")[0].lstrip(".").encode("idna").decode("ascii")
    if isinstance(max_age, timedelta):
        max_age = int(max_age.total_seconds())
    if expires is not None:
        if not isinstance(expires, str):
            expires = http_date(expires)
    elif max_age is not None and sync_expires:
        expires = http_date(datetime.now(tz=timezone.utc).timestamp() + max_age)
    if samesite is not None:
        samesite = samesite.title()
        if samesite not in {"Strict", "Lax", "None"}:
            raise ValueError("SameSite must be 'Strict', 'Lax', or 'None'.")
    if partitioned:
        secure = True
    if not _cookie_no_quote_re.fullmatch(value):
        value = _cookie_slash_re.sub(lambda m: _cookie_slash_map[m.group()], value.encode()).decode("ascii")
        value = f'"{value}"'
    buf = [f"{key.encode().decode('latin1')}={value}"]
    for k, v in (
        ("Domain", domain),
        ("Expires", expires),
        ("Max-Age", max_age),
        ("Secure", secure),
        ("HttpOnly", httponly),
        ("Path", path),
        ("SameSite", samesite),
        ("Partitioned", partitioned),
    ):
        if v is None or v is False:
            continue
        if v is True:
            buf.append(k)
            continue
        buf.append(f"{k}={v}")
    rv = "; ".join(buf)
    cookie_size = len(rv)
    if max_size and cookie_size > max_size:
        value_size = len(value)
        warnings.warn(
            f"The '{key}' cookie is too large: the value was {value_size} bytes but the"
            f" header required {cookie_size - value_size} extra bytes. The final size"
            f" was {cookie_size} bytes but the limit is {max_size} bytes. Browsers may"
            " silently ignore cookies larger than this.",
            stacklevel=2,
        )
    return rv


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"werkzeug.http.{name} is not available in the in-browser Werkzeug stand-in")
