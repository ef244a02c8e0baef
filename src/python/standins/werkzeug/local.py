"""LocalProxy: an object that stands for whatever a ContextVar or function gives now
(stand-in; see werkzeug/__init__.py). ``flask.request`` and ``flask.g`` are such proxies."""


class LocalProxy:
    """Forwards every use to the current object.

    ``LocalProxy(context_var, "request", unbound_message=...)`` reads ``context_var.get().request``;
    ``LocalProxy(function)`` calls the function. When there is no current object, using the
    proxy raises ``RuntimeError(unbound_message)``; ``bool(proxy)`` is then simply False.
    """

    __slots__ = ("_LocalProxy__local", "_LocalProxy__name", "_LocalProxy__message")

    def __init__(self, local, name=None, *, unbound_message=None):
        object.__setattr__(self, "_LocalProxy__local", local)
        object.__setattr__(self, "_LocalProxy__name", name)
        object.__setattr__(self, "_LocalProxy__message", unbound_message or "object is not bound")

    def _get_current_object(self):
        local = object.__getattribute__(self, "_LocalProxy__local")
        name = object.__getattribute__(self, "_LocalProxy__name")
        if callable(local) and not hasattr(local, "get"):
            return local()
        try:
            value = local.get()
        except LookupError:
            raise RuntimeError(object.__getattribute__(self, "_LocalProxy__message")) from None
        return value if name is None else getattr(value, name)

    def __getattr__(self, name):
        if name == "__wrapped__":
            raise AttributeError(name)
        return getattr(self._get_current_object(), name)

    def __setattr__(self, name, value):
        setattr(self._get_current_object(), name, value)

    def __delattr__(self, name):
        delattr(self._get_current_object(), name)

    def __repr__(self):
        try:
            return repr(self._get_current_object())
        except RuntimeError:
            return f"<{type(self).__name__} unbound>"

    def __str__(self):
        return str(self._get_current_object())

    def __bool__(self):
        try:
            return bool(self._get_current_object())
        except RuntimeError:
            return False

    def __eq__(self, other):
        return self._get_current_object() == other

    def __ne__(self, other):
        return self._get_current_object() != other

    def __hash__(self):
        return hash(self._get_current_object())

    def __dir__(self):
        try:
            return dir(self._get_current_object())
        except RuntimeError:
            return []

    def __getitem__(self, key):
        return self._get_current_object()[key]

    def __setitem__(self, key, value):
        self._get_current_object()[key] = value

    def __delitem__(self, key):
        del self._get_current_object()[key]

    def __contains__(self, item):
        return item in self._get_current_object()

    def __iter__(self):
        return iter(self._get_current_object())

    def __len__(self):
        return len(self._get_current_object())

    def __call__(self, *args, **kwargs):
        return self._get_current_object()(*args, **kwargs)
