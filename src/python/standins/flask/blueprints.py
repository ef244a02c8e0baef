"""Blueprints are not part of the in-browser Flask stand-in (see flask/__init__.py)."""


class Blueprint:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("Blueprint is not available in the in-browser Flask stand-in")
