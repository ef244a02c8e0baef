"""flask.logging: Flask's default log handler (stand-in; see flask/__init__.py)."""
from .app import _has_level_handler as has_level_handler
from .app import default_handler

__all__ = ["default_handler", "has_level_handler"]


def create_logger(app):
    return app.logger


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"flask.logging.{name} is not available in the in-browser Flask stand-in")
