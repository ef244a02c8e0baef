"""Status texts and dates as Werkzeug writes them (stand-in; see werkzeug/__init__.py)."""
from datetime import date, datetime, timezone
from email.utils import format_datetime

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
