"""flask.typing: type names only, as in Flask; at run time they stand for typing.Any (stand-in)."""
import typing as t


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return t.Any
