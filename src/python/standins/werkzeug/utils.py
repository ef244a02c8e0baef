"""werkzeug.utils.redirect (stand-in; see werkzeug/__init__.py)."""
from .exceptions import escape


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
