"""Flask's default JSON provider (stand-in; see flask/__init__.py).

Responses are compact (``{"a":1}``) unless the app is in debug mode, keys are sorted, non-ASCII
is escaped, and every body ends with a newline, exactly as Flask writes them.
"""
import dataclasses
import decimal
import json
import uuid
from datetime import date

from werkzeug.http import http_date


def _default(o):
    if isinstance(o, date):
        return http_date(o)
    if isinstance(o, (decimal.Decimal, uuid.UUID)):
        return str(o)
    if dataclasses and dataclasses.is_dataclass(o):
        return dataclasses.asdict(o)
    if hasattr(o, "__html__"):
        return str(o.__html__())
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


class JSONProvider:
    def __init__(self, app):
        self._app = app

    def dumps(self, obj, **kwargs):
        raise NotImplementedError

    def loads(self, s, **kwargs):
        raise NotImplementedError

    def dump(self, obj, fp, **kwargs):
        fp.write(self.dumps(obj, **kwargs))

    def load(self, fp, **kwargs):
        return self.loads(fp.read(), **kwargs)

    def _prepare_response_obj(self, args, kwargs):
        if args and kwargs:
            raise TypeError("app.json.response() takes either args or kwargs, not both")
        if not args and not kwargs:
            return None
        if len(args) == 1:
            return args[0]
        return args or kwargs

    def response(self, *args, **kwargs):
        obj = self._prepare_response_obj(args, kwargs)
        return self._app.response_class(self.dumps(obj), mimetype="application/json")


class DefaultJSONProvider(JSONProvider):
    default = staticmethod(_default)
    ensure_ascii = True
    sort_keys = True
    compact = None
    mimetype = "application/json"

    def dumps(self, obj, **kwargs):
        kwargs.setdefault("default", self.default)
        kwargs.setdefault("ensure_ascii", self.ensure_ascii)
        kwargs.setdefault("sort_keys", self.sort_keys)
        return json.dumps(obj, **kwargs)

    def loads(self, s, **kwargs):
        return json.loads(s, **kwargs)

    def response(self, *args, **kwargs):
        obj = self._prepare_response_obj(args, kwargs)
        dump_args = {}
        if (self.compact is None and self._app.debug) or self.compact is False:
            dump_args.setdefault("indent", 2)
        else:
            dump_args.setdefault("separators", (",", ":"))
        return self._app.response_class(f"{self.dumps(obj, **dump_args)}\n", mimetype=self.mimetype)
