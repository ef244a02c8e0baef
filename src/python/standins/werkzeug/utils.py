"""werkzeug.utils: redirect, secure_filename and cached_property (stand-in; see werkzeug/__init__.py)."""
import os
import re
import unicodedata
from functools import cached_property

from .exceptions import escape

_filename_ascii_strip_re = re.compile(r"[^A-Za-z0-9_.-]")


def secure_filename(filename):
    """A file name safe to join to a folder: ASCII letters, digits, ``_.-`` only."""
    filename = unicodedata.normalize("NFKD", filename)
    filename = filename.encode("ascii", "ignore").decode("ascii")
    for sep in os.sep, os.path.altsep:
        if sep:
            filename = filename.replace(sep, " ")
    filename = "_".join(filename.split())
    filename = _filename_ascii_strip_re.sub("", filename)
    return filename.strip("._")


def redirect(location, code=302, Response=None):
    """A redirect response with Werkzeug's small HTML page and a Location header."""
    if Response is None:
        from .wrappers import Response
    html_location = escape(location)
    response = Response(
        "<!doctype html>\n"
        "<html lang=en>\n"
        "<title>Redirecting...</title>\n"
        "<h1>Redirecting...</h1>\n"
        "<p>You should be redirected automatically to the target URL: "
        f'<a href="{html_location}">{html_location}</a>. If not, click the link.\n',
        code,
        mimetype="text/html",
    )
    response.headers["Location"] = location
    return response


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"werkzeug.utils.{name} is not available in the in-browser Werkzeug stand-in")
