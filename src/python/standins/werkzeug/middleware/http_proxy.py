"""werkzeug.middleware.http_proxy: not part of the in-browser Werkzeug stand-in.

Importing the module works, as with the real one; every name in it raises
NotImplementedError saying so, instead of ModuleNotFoundError or AttributeError.
"""


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"werkzeug.middleware.http_proxy.{name} (ProxyMiddleware (WSGI middleware)) is not available in the in-browser Werkzeug stand-in")
