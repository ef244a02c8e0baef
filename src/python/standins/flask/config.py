"""app.config (stand-in; see flask/__init__.py)."""


class ConfigAttribute:
    """An app attribute that reads and writes a config key (``app.testing`` is ``TESTING``)."""

    def __init__(self, name, get_converter=None):
        self.__name__ = name
        self.get_converter = get_converter

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.config[self.__name__]
        return self.get_converter(value) if self.get_converter is not None else value

    def __set__(self, obj, value):
        obj.config[self.__name__] = value


class Config(dict):
    """A dict of settings; only UPPERCASE keys count when loading from objects or mappings."""

    def __init__(self, root_path=None, defaults=None):
        super().__init__(defaults or {})
        self.root_path = root_path

    def from_object(self, obj):
        if isinstance(obj, str):
            raise NotImplementedError("Config.from_object with an import string is not available in the in-browser Flask stand-in")
        for key in dir(obj):
            if key.isupper():
                self[key] = getattr(obj, key)

    def from_mapping(self, mapping=None, **kwargs):
        mappings = {}
        if mapping is not None:
            mappings.update(mapping)
        mappings.update(kwargs)
        for key, value in mappings.items():
            if key.isupper():
                self[key] = value
        return True

    def get_namespace(self, namespace, lowercase=True, trim_namespace=True):
        result = {}
        for key, value in self.items():
            if not key.startswith(namespace):
                continue
            name = key[len(namespace) :] if trim_namespace else key
            result[name.lower() if lowercase else name] = value
        return result

    def _unavailable(self, *args, **kwargs):
        raise NotImplementedError("Loading config from files or the environment is not available in the in-browser Flask stand-in")

    from_envvar = from_prefixed_env = from_pyfile = from_file = _unavailable

    def __repr__(self):
        return f"<{type(self).__name__} {dict.__repr__(self)}>"
