"""What Flask apps and Blueprints share: routes, hooks and error handlers (stand-in; see
flask/__init__.py)."""
import os
from collections import defaultdict
from functools import update_wrapper

from werkzeug.exceptions import HTTPException, default_exceptions

_sentinel = object()


def _unavailable(feature):
    raise NotImplementedError(f"{feature} is not available in the in-browser Flask stand-in")


def setupmethod(f):
    f_name = f.__name__

    def wrapper_func(self, *args, **kwargs):
        self._check_setup_finished(f_name)
        return f(self, *args, **kwargs)

    return update_wrapper(wrapper_func, f)


def _endpoint_from_view_func(view_func):
    assert view_func is not None, "expected view func if endpoint is not provided."
    return view_func.__name__


class Scaffold:
    """Routes, before/after/teardown hooks and error handlers, kept per app or blueprint."""

    name = None

    def __init__(self, import_name, static_folder=None, static_url_path=None, template_folder=None, root_path=None):
        self.import_name = import_name
        self.static_folder = static_folder
        self.static_url_path = static_url_path
        self.template_folder = template_folder
        if root_path is None:
            root_path = os.getcwd()
        self.root_path = root_path
        self.view_functions = {}
        self.error_handler_spec = defaultdict(lambda: defaultdict(dict))
        self.before_request_funcs = defaultdict(list)
        self.after_request_funcs = defaultdict(list)
        self.teardown_request_funcs = defaultdict(list)
        self.template_context_processors = defaultdict(list)
        self.url_value_preprocessors = defaultdict(list)
        self.url_default_functions = defaultdict(list)

    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"

    def _check_setup_finished(self, f_name):
        raise NotImplementedError

    # -- static files -----------------------------------------------------------------------
    @property
    def static_folder(self):
        if self._static_folder is not None:
            return os.path.join(self.root_path, self._static_folder)
        return None

    @static_folder.setter
    def static_folder(self, value):
        if value is not None:
            value = os.fspath(value).rstrip(r"\/")
        self._static_folder = value

    @property
    def has_static_folder(self):
        return self.static_folder is not None

    @property
    def static_url_path(self):
        if self._static_url_path is not None:
            return self._static_url_path
        if self.static_folder is not None:
            basename = os.path.basename(self.static_folder)
            return f"/{basename}".rstrip("/")
        return None

    @static_url_path.setter
    def static_url_path(self, value):
        if value is not None:
            value = value.rstrip("/")
        self._static_url_path = value

    def send_static_file(self, filename):
        from werkzeug.exceptions import NotFound

        if not self.has_static_folder:
            raise RuntimeError("'static_folder' must be set to serve static_files.")
        # There are no static files in the browser: every one is missing, as on a server without it.
        raise NotFound()

    # -- routes -------------------------------------------------------------------------------
    def _method_route(self, method, rule, options):
        if "methods" in options:
            raise TypeError("Use the 'route' decorator to use the 'methods' argument.")
        return self.route(rule, methods=[method], **options)

    @setupmethod
    def get(self, rule, **options):
        return self._method_route("GET", rule, options)

    @setupmethod
    def post(self, rule, **options):
        return self._method_route("POST", rule, options)

    @setupmethod
    def put(self, rule, **options):
        return self._method_route("PUT", rule, options)

    @setupmethod
    def delete(self, rule, **options):
        return self._method_route("DELETE", rule, options)

    @setupmethod
    def patch(self, rule, **options):
        return self._method_route("PATCH", rule, options)

    @setupmethod
    def route(self, rule, **options):
        """``@app.route("/items", methods=["GET", "POST"])`` registers the decorated view."""

        def decorator(f):
            endpoint = options.pop("endpoint", None)
            self.add_url_rule(rule, endpoint, f, **options)
            return f

        return decorator

    @setupmethod
    def add_url_rule(self, rule, endpoint=None, view_func=None, provide_automatic_options=None, **options):
        raise NotImplementedError

    @setupmethod
    def endpoint(self, endpoint):
        def decorator(f):
            self.view_functions[endpoint] = f
            return f

        return decorator

    # -- hooks --------------------------------------------------------------------------------
    @setupmethod
    def before_request(self, f):
        """Runs before every request; a return value other than None answers the request instead of the view."""
        self.before_request_funcs.setdefault(None, []).append(f)
        return f

    @setupmethod
    def after_request(self, f):
        """Runs after every request with the response, and must return a response."""
        self.after_request_funcs.setdefault(None, []).append(f)
        return f

    @setupmethod
    def teardown_request(self, f):
        """Runs when the request context ends, with the exception that ended it (or None)."""
        self.teardown_request_funcs.setdefault(None, []).append(f)
        return f

    @setupmethod
    def url_value_preprocessor(self, f):
        self.url_value_preprocessors[None].append(f)
        return f

    @setupmethod
    def url_defaults(self, f):
        _unavailable("url_defaults (url_for)")

    @setupmethod
    def context_processor(self, f):
        _unavailable("context_processor (templates)")

    # -- error handlers -----------------------------------------------------------------------
    @setupmethod
    def errorhandler(self, code_or_exception):
        """``@app.errorhandler(404)`` or ``@app.errorhandler(SomeError)``."""

        def decorator(f):
            self.register_error_handler(code_or_exception, f)
            return f

        return decorator

    @setupmethod
    def register_error_handler(self, code_or_exception, f):
        exc_class, code = self._get_exc_class_and_code(code_or_exception)
        self.error_handler_spec[None][code][exc_class] = f

    @staticmethod
    def _get_exc_class_and_code(exc_class_or_code):
        if isinstance(exc_class_or_code, int):
            try:
                exc_class = default_exceptions[exc_class_or_code]
            except KeyError:
                raise ValueError(
                    f"'{exc_class_or_code}' is not a recognized HTTP"
                    " error code. Use a subclass of HTTPException with"
                    " that code instead."
                ) from None
        else:
            exc_class = exc_class_or_code
        if isinstance(exc_class, Exception):
            raise TypeError(
                f"{exc_class!r} is an instance, not a class. Handlers"
                " can only be registered for Exception classes or HTTP"
                " error codes."
            )
        if not issubclass(exc_class, Exception):
            raise ValueError(
                f"'{exc_class.__name__}' is not a subclass of Exception."
                " Handlers can only be registered for Exception classes"
                " or HTTP error codes."
            )
        if issubclass(exc_class, HTTPException):
            return exc_class, exc_class.code
        return exc_class, None

    # -- not in the browser ---------------------------------------------------------------------
    @property
    def jinja_loader(self):
        _unavailable("jinja_loader (templates)")

    def open_resource(self, *args, **kwargs):
        _unavailable("open_resource")

    def get_send_file_max_age(self, filename):
        _unavailable("get_send_file_max_age (static files)")

    @property
    def cli(self):
        _unavailable("cli (the flask command)")
