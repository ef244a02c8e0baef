"""flask.json: dumps, loads and jsonify through the app's JSON provider (stand-in)."""
import json as _json

from ..globals import current_app
from .provider import _default


def dumps(obj, **kwargs):
    if current_app:
        return current_app.json.dumps(obj, **kwargs)
    kwargs.setdefault("default", _default)
    return _json.dumps(obj, **kwargs)


def dump(obj, fp, **kwargs):
    if current_app:
        current_app.json.dump(obj, fp, **kwargs)
    else:
        kwargs.setdefault("default", _default)
        _json.dump(obj, fp, **kwargs)


def loads(s, **kwargs):
    if current_app:
        return current_app.json.loads(s, **kwargs)
    return _json.loads(s, **kwargs)


def load(fp, **kwargs):
    if current_app:
        return current_app.json.load(fp, **kwargs)
    return _json.load(fp, **kwargs)


def jsonify(*args, **kwargs):
    """A JSON response: ``jsonify(msg="hi")`` has the body ``{"msg":"hi"}`` plus a newline.

    One argument is sent as it is, several as a list, keyword arguments as an object.
    Needs an application context, as in Flask.
    """
    return current_app.json.response(*args, **kwargs)
