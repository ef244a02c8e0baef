"""werkzeug.middleware.profiler: not part of the in-browser Werkzeug stand-in.

Importing the module works, as with the real one; every name in it raises
NotImplementedError saying so, instead of ModuleNotFoundError or AttributeError.
"""


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"werkzeug.middleware.profiler.{name} (ProfilerMiddleware (WSGI middleware)) is not available in the in-browser Werkzeug stand-in")
