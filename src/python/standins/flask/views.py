"""Class-based views are not part of the in-browser Flask stand-in (see flask/__init__.py)."""


class View:
    methods = None

    @classmethod
    def as_view(cls, name, *class_args, **class_kwargs):
        raise NotImplementedError("Class-based views (flask.views) are not available in the in-browser Flask stand-in")


class MethodView(View):
    pass
