"""werkzeug.urls: IRI and URI conversion as Werkzeug 3.1 does it (stand-in; see werkzeug/__init__.py)."""
import codecs
import re
from urllib.parse import quote, unquote, urlencode, urlsplit, urlunsplit


def _codec_error_url_quote(e):
    """Re-quotes bytes that are not valid UTF-8 after unquoting."""
    out = quote(e.object[e.start : e.end], safe="")
    return out, e.end


codecs.register_error("werkzeug.url_quote", _codec_error_url_quote)


def _make_unquote_part(name, chars):
    choices = "|".join(f"{ord(c):02X}" for c in sorted(chars))
    pattern = re.compile(f"((?:%(?:{choices}))+)", re.I)

    def _unquote_partial(value):
        parts = iter(pattern.split(value))
        out = []
        for part in parts:
            out.append(unquote(part, "utf-8", "werkzeug.url_quote"))
            out.append(next(parts, ""))
        return "".join(out)

    _unquote_partial.__name__ = f"_unquote_{name}"
    return _unquote_partial


# Reserved characters stay quoted: a %26 in a query string is still %26 in request.url.
_always_unsafe = bytes((*range(0x21), 0x25, 0x7F)).decode()
_unquote_fragment = _make_unquote_part("fragment", _always_unsafe)
_unquote_query = _make_unquote_part("query", _always_unsafe + "&=+#")
_unquote_path = _make_unquote_part("path", _always_unsafe + "/?#")
_unquote_user = _make_unquote_part("user", _always_unsafe + ":@/?#")


def _decode_idna(domain):
    try:
        data = domain.encode("ascii")
    except UnicodeEncodeError:
        return domain
    try:
        return data.decode("idna")
    except UnicodeDecodeError:
        pass
    parts = []
    for part in data.split(b"."):
        try:
            parts.append(part.decode("idna"))
        except UnicodeDecodeError:
            parts.append(part.decode("ascii"))
    return ".".join(parts)


def uri_to_iri(uri):
    parts = urlsplit(uri)
    path = _unquote_path(parts.path)
    query = _unquote_query(parts.query)
    fragment = _unquote_fragment(parts.fragment)
    netloc = _decode_idna(parts.hostname) if parts.hostname else ""
    if ":" in netloc:
        netloc = f"[{netloc}]"
    if parts.port is not None:
        netloc = f"{netloc}:{parts.port}"
    if parts.username is not None:
        auth = _unquote_user(parts.username)
        if parts.password is not None:
            auth = f"{auth}:{_unquote_user(parts.password)}"
        netloc = f"{auth}@{netloc}"
    return urlunsplit((parts.scheme, netloc, path, query, fragment))


def iri_to_uri(iri):
    parts = urlsplit(iri)
    path = quote(parts.path, safe="%!$&'()*+,/:;=@")
    query = quote(parts.query, safe="%!$&'()*+,/:;=?@")
    fragment = quote(parts.fragment, safe="%!#$&'()*+,/:;=?@")
    netloc = parts.hostname.encode("idna").decode("ascii") if parts.hostname else ""
    if ":" in netloc:
        netloc = f"[{netloc}]"
    if parts.port is not None:
        netloc = f"{netloc}:{parts.port}"
    if parts.username is not None:
        auth = quote(parts.username, safe="%!$&'()*+,;=")
        if parts.password is not None:
            auth = f"{auth}:{quote(parts.password, safe='%!$&()*+,;=' + chr(39))}"
        netloc = f"{auth}@{netloc}"
    return urlunsplit((parts.scheme, netloc, path, query, fragment))


def _urlencode(query):
    from .datastructures import MultiDict, _iter_multi_items

    items = [x for x in (_iter_multi_items(query) if not isinstance(query, MultiDict) else query.items(multi=True)) if x[1] is not None]
    return urlencode(items, safe="!$'()*,/:;?@")


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"werkzeug.urls.{name} is not available in the in-browser Werkzeug stand-in")
