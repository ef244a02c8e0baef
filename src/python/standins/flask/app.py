"""The Flask application object (stand-in; see flask/__init__.py).

A request goes through the same steps as in Flask 3.1: routing (404, 405 with Allow, 308 for
a missing trailing slash), the view, error handlers by status code and by exception class,
``make_response`` for the view's return value, and a 500 page (with the traceback logged to
stderr, as Flask's logger does) for an exception nobody handled.
"""
import logging
import os
import sys
from datetime import timedelta
from inspect import iscoroutinefunction
from itertools import chain

from werkzeug.datastructures import Headers
from werkzeug.exceptions import Aborter, BadRequest, BadRequestKeyError, HTTPException, InternalServerError
from werkzeug.routing import Map, Rule, RoutingException
from werkzeug.utils import redirect as _werkzeug_redirect
from werkzeug.wrappers import Response as BaseResponse

from .config import Config, ConfigAttribute
from .ctx import AppContext, RequestContext, _AppCtxGlobals, _sentinel
from .globals import _cv_request, request
from .json.provider import DefaultJSONProvider
from .scaffold import Scaffold, _endpoint_from_view_func, setupmethod
from .sessions import SecureCookieSessionInterface
from .wrappers import Request, Response


def _unavailable(feature):
    raise NotImplementedError(f"{feature} is not available in the in-browser Flask stand-in")


def _is_standin_limit(error):
    """A feature the stand-ins do not have: it must reach the learner, not hide behind a 500 page."""
    return isinstance(error, NotImplementedError) and "is not available in the in-browser" in str(error)


class _StderrHandler(logging.StreamHandler):
    """Flask's default log handler: writes to whatever sys.stderr is at the time."""

    def __init__(self):
        logging.Handler.__init__(self)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


default_handler = _StderrHandler()
default_handler.setFormatter(logging.Formatter("[%(asctime)s] %(levelname)s in %(module)s: %(message)s"))


def _has_level_handler(logger):
    level = logger.getEffectiveLevel()
    current = logger
    while current:
        if any(handler.level <= level for handler in current.handlers):
            return True
        if not current.propagate:
            break
        current = current.parent
    return False


class Flask(Scaffold):
    """A Flask application: routes, hooks, blueprints, error handlers, config, sessions and a test client.

    ``app = Flask(__name__)``, then ``@app.get("/hello")`` on a view, then
    ``app.test_client().get("/hello")`` answers as Flask would. There is no server:
    ``app.run()`` is not available here.
    """

    request_class = Request
    response_class = Response
    json_provider_class = DefaultJSONProvider
    url_rule_class = Rule
    url_map_class = Map
    config_class = Config
    aborter_class = Aborter
    app_ctx_globals_class = _AppCtxGlobals
    session_interface = SecureCookieSessionInterface()
    testing = ConfigAttribute("TESTING")
    secret_key = ConfigAttribute("SECRET_KEY")
    permanent_session_lifetime = ConfigAttribute("PERMANENT_SESSION_LIFETIME")

    default_config = {
        "DEBUG": None,
        "TESTING": False,
        "PROPAGATE_EXCEPTIONS": None,
        "SECRET_KEY": None,
        "SECRET_KEY_FALLBACKS": None,
        "PERMANENT_SESSION_LIFETIME": timedelta(days=31),
        "USE_X_SENDFILE": False,
        "TRUSTED_HOSTS": None,
        "SERVER_NAME": None,
        "APPLICATION_ROOT": "/",
        "SESSION_COOKIE_NAME": "session",
        "SESSION_COOKIE_DOMAIN": None,
        "SESSION_COOKIE_PATH": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SECURE": False,
        "SESSION_COOKIE_PARTITIONED": False,
        "SESSION_COOKIE_SAMESITE": None,
        "SESSION_REFRESH_EACH_REQUEST": True,
        "MAX_CONTENT_LENGTH": None,
        "MAX_FORM_MEMORY_SIZE": 500_000,
        "MAX_FORM_PARTS": 1_000,
        "SEND_FILE_MAX_AGE_DEFAULT": None,
        "TRAP_BAD_REQUEST_ERRORS": None,
        "TRAP_HTTP_EXCEPTIONS": False,
        "EXPLAIN_TEMPLATE_LOADING": False,
        "PREFERRED_URL_SCHEME": "http",
        "TEMPLATES_AUTO_RELOAD": None,
        "MAX_COOKIE_SIZE": 4093,
        "PROVIDE_AUTOMATIC_OPTIONS": True,
    }

    def __init__(
        self,
        import_name,
        static_url_path=None,
        static_folder="static",
        static_host=None,
        host_matching=False,
        subdomain_matching=False,
        template_folder="templates",
        instance_path=None,
        instance_relative_config=False,
        root_path=None,
    ):
        if host_matching or subdomain_matching or static_host:
            _unavailable("Host and subdomain matching")
        super().__init__(
            import_name=import_name,
            static_folder=static_folder,
            static_url_path=static_url_path,
            template_folder=template_folder,
            root_path=root_path,
        )
        self.instance_path = instance_path
        self.config = self.config_class(self.root_path, self.default_config)
        # Flask sets DEBUG from FLASK_DEBUG; nothing sets it in the browser.
        self.config["DEBUG"] = os.environ.get("FLASK_DEBUG", "").lower() in ("1", "true", "t", "yes", "y", "on")
        self.json = self.json_provider_class(self)
        self.aborter = self.aborter_class()
        self.url_build_error_handlers = []
        self.teardown_appcontext_funcs = []
        self.shell_context_processors = []
        self.blueprints = {}
        self.extensions = {}
        self.url_map = self.url_map_class()
        self.url_map.host_matching = host_matching
        self.subdomain_matching = subdomain_matching
        self._got_first_request = False
        self._logger = None
        if self.has_static_folder:
            # Flask adds this rule whether or not the folder exists (it never does in the browser).
            self.add_url_rule(
                f"{self.static_url_path}/<path:filename>",
                endpoint="static",
                host=static_host,
                view_func=lambda **kw: self.send_static_file(**kw),
            )

    # -- names and settings -------------------------------------------------------------
    @property
    def name(self):
        if self.import_name == "__main__":
            module_file = getattr(sys.modules.get("__main__"), "__file__", None)
            if module_file is None:
                return "__main__"
            return os.path.splitext(os.path.basename(module_file))[0]
        return self.import_name

    @property
    def debug(self):
        return self.config["DEBUG"]

    @debug.setter
    def debug(self, value):
        self.config["DEBUG"] = value

    @property
    def logger(self):
        if self._logger is None:
            logger = logging.getLogger(self.name)
            if self.debug and not logger.level:
                logger.setLevel(logging.DEBUG)
            if not _has_level_handler(logger):
                logger.addHandler(default_handler)
            self._logger = logger
        return self._logger

    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"

    # -- registering routes and handlers --------------------------------------------------
    def _check_setup_finished(self, f_name):
        if self._got_first_request:
            raise AssertionError(
                f"The setup method '{f_name}' can no longer be called"
                " on the application. It has already handled its first"
                " request, any changes will not be applied"
                " consistently.\n"
                "Make sure all imports, decorators, functions, etc."
                " needed to set up the application are done before"
                " running it."
            )

    @setupmethod
    def add_url_rule(self, rule, endpoint=None, view_func=None, provide_automatic_options=None, **options):
        if endpoint is None:
            endpoint = _endpoint_from_view_func(view_func)
        options["endpoint"] = endpoint
        methods = options.pop("methods", None)
        if methods is None:
            methods = getattr(view_func, "methods", None) or ("GET",)
        if isinstance(methods, str):
            raise TypeError('Allowed methods must be a list of strings, for example: @app.route(..., methods=["POST"])')
        methods = {item.upper() for item in methods}
        required_methods = set(getattr(view_func, "required_methods", ()))
        if provide_automatic_options is None:
            provide_automatic_options = getattr(view_func, "provide_automatic_options", None)
        if provide_automatic_options is None:
            if "OPTIONS" not in methods and self.config["PROVIDE_AUTOMATIC_OPTIONS"]:
                provide_automatic_options = True
                required_methods.add("OPTIONS")
            else:
                provide_automatic_options = False
        methods |= required_methods
        rule_obj = self.url_rule_class(rule, methods=methods, **options)
        rule_obj.provide_automatic_options = provide_automatic_options
        self.url_map.add(rule_obj)
        if view_func is not None:
            old_func = self.view_functions.get(endpoint)
            if old_func is not None and old_func != view_func:
                raise AssertionError(f"View function mapping is overwriting an existing endpoint function: {endpoint}")
            self.view_functions[endpoint] = view_func

    @setupmethod
    def register_blueprint(self, blueprint, **options):
        """Adds a blueprint's routes (under its url_prefix), hooks and error handlers to the app."""
        blueprint.register(self, options)

    def iter_blueprints(self):
        return self.blueprints.values()

    @setupmethod
    def teardown_appcontext(self, f):
        """Runs when the application context ends, with the exception that ended it (or None)."""
        self.teardown_appcontext_funcs.append(f)
        return f

    @setupmethod
    def shell_context_processor(self, f):
        _unavailable("app.shell_context_processor")

    def _find_error_handler(self, e, blueprints):
        exc_class, code = self._get_exc_class_and_code(type(e))
        names = (*blueprints, None)
        for c in (code, None) if code is not None else (None,):
            for name in names:
                handler_map = self.error_handler_spec[name][c]
                if not handler_map:
                    continue
                for cls in exc_class.__mro__:
                    handler = handler_map.get(cls)
                    if handler is not None:
                        return handler
        return None

    # -- contexts and clients ---------------------------------------------------------------
    def app_context(self):
        return AppContext(self)

    def test_request_context(self, *args, **kwargs):
        from .testing import EnvironBuilder

        builder = EnvironBuilder(self, *args, **kwargs)
        return self.request_context(builder.get_environ())

    def request_context(self, environ):
        return RequestContext(self, environ)

    test_client_class = None

    def test_client(self, use_cookies=True, **kwargs):
        cls = self.test_client_class
        if cls is None:
            from .testing import FlaskClient as cls
        return cls(self, self.response_class, use_cookies=use_cookies, **kwargs)

    # -- handling a request ---------------------------------------------------------------------
    def _handle_request(self, req, keep_context=False):
        """Answers one request; the test client's way in (instead of WSGI)."""
        ctx = RequestContext(self, req.environ, request=req)
        error = None
        try:
            try:
                ctx.push()
                response = self.full_dispatch_request()
            except Exception as e:
                error = e
                response = self.handle_exception(e)
            return response, ctx
        finally:
            if not keep_context:
                ctx.pop(error)

    def full_dispatch_request(self):
        self._got_first_request = True
        try:
            rv = self.preprocess_request()
            if rv is None:
                rv = self.dispatch_request()
        except Exception as e:
            rv = self.handle_user_exception(e)
        return self.finalize_request(rv)

    def preprocess_request(self):
        names = (None, *reversed(request.blueprints))
        for name in names:
            if name in self.url_value_preprocessors:
                for url_func in self.url_value_preprocessors[name]:
                    url_func(request.endpoint, request.view_args)
        for name in names:
            if name in self.before_request_funcs:
                for before_func in self.before_request_funcs[name]:
                    rv = self.ensure_sync(before_func)()
                    if rv is not None:
                        return rv
        return None

    def process_response(self, response):
        ctx = _cv_request.get()
        for func in ctx._after_request_functions:
            response = self.ensure_sync(func)(response)
        for name in chain(request.blueprints, (None,)):
            if name in self.after_request_funcs:
                for func in reversed(self.after_request_funcs[name]):
                    response = self.ensure_sync(func)(response)
        if not self.session_interface.is_null_session(ctx._session):
            self.session_interface.save_session(self, ctx._session, response)
        return response

    def do_teardown_request(self, exc=_sentinel):
        if exc is _sentinel:
            exc = sys.exc_info()[1]
        for name in chain(request.blueprints, (None,)):
            if name in self.teardown_request_funcs:
                for func in reversed(self.teardown_request_funcs[name]):
                    self.ensure_sync(func)(exc)

    def do_teardown_appcontext(self, exc=_sentinel):
        if exc is _sentinel:
            exc = sys.exc_info()[1]
        for func in reversed(self.teardown_appcontext_funcs):
            self.ensure_sync(func)(exc)

    def dispatch_request(self):
        req = _cv_request.get().request
        if req.routing_exception is not None:
            raise req.routing_exception
        rule = req.url_rule
        if getattr(rule, "provide_automatic_options", False) and req.method == "OPTIONS":
            return self.make_default_options_response()
        return self.ensure_sync(self.view_functions[rule.endpoint])(**req.view_args)

    def make_default_options_response(self):
        req = _cv_request.get().request
        response = self.response_class()
        # Werkzeug fills Allow from a set, so its order changes between runs; sorted here.
        response.headers["Allow"] = ", ".join(self.url_map.allowed_methods(req.path))
        return response

    def ensure_sync(self, func):
        if iscoroutinefunction(func):
            _unavailable("async views")
        return func

    def finalize_request(self, rv, from_error_handler=False):
        response = self.make_response(rv)
        try:
            response = self.process_response(response)
        except Exception as error:
            if _is_standin_limit(error) or not from_error_handler:
                raise
            self.logger.exception("Request finalizing failed with an error while handling an error")
        return response

    def trap_http_exception(self, e):
        if self.config["TRAP_HTTP_EXCEPTIONS"]:
            return True
        trap_bad_request = self.config["TRAP_BAD_REQUEST_ERRORS"]
        if trap_bad_request is None and self.debug and isinstance(e, BadRequestKeyError):
            return True
        if trap_bad_request:
            return isinstance(e, BadRequest)
        return False

    def handle_http_exception(self, e):
        if e.code is None:
            return e
        if isinstance(e, RoutingException):
            return e
        handler = self._find_error_handler(e, request.blueprints)
        if handler is None:
            return e
        return self.ensure_sync(handler)(e)

    def handle_user_exception(self, e):
        if _is_standin_limit(e):
            raise
        if isinstance(e, BadRequestKeyError) and (self.debug or self.config["TRAP_BAD_REQUEST_ERRORS"]):
            e.show_exception = True
        if isinstance(e, HTTPException) and not self.trap_http_exception(e):
            return self.handle_http_exception(e)
        handler = self._find_error_handler(e, request.blueprints)
        if handler is None:
            raise
        return self.ensure_sync(handler)(e)

    def handle_exception(self, e):
        exc_info = sys.exc_info()
        if _is_standin_limit(e):
            raise
        propagate = self.config["PROPAGATE_EXCEPTIONS"]
        if propagate is None:
            propagate = self.testing or self.debug
        if propagate:
            if exc_info[1] is e:
                raise
            raise e
        self.log_exception(exc_info)
        server_error = InternalServerError(original_exception=e)
        handler = self._find_error_handler(server_error, request.blueprints)
        if handler is not None:
            server_error = self.ensure_sync(handler)(server_error)
        return self.finalize_request(server_error, from_error_handler=True)

    def log_exception(self, exc_info):
        self.logger.error(f"Exception on {request.path} [{request.method}]", exc_info=exc_info)

    def make_response(self, rv):
        status = headers = None
        if isinstance(rv, tuple):
            len_rv = len(rv)
            if len_rv == 3:
                rv, status, headers = rv
            elif len_rv == 2:
                if isinstance(rv[1], (Headers, dict, tuple, list)):
                    rv, headers = rv
                else:
                    rv, status = rv
            else:
                raise TypeError(
                    "The view function did not return a valid response tuple."
                    " The tuple must have the form (body, status, headers),"
                    " (body, status), or (body, headers)."
                )
        if rv is None:
            raise TypeError(
                f"The view function for {request.endpoint!r} did not"
                " return a valid response. The function either returned"
                " None or ended without a return statement."
            )
        if not isinstance(rv, self.response_class):
            if isinstance(rv, (str, bytes, bytearray)):
                rv = self.response_class(rv, status=status, headers=headers)
                status = headers = None
            elif isinstance(rv, (dict, list)):
                rv = self.json.response(rv)
            elif isinstance(rv, HTTPException):
                rv = self.response_class.force_type(rv.get_response())
            elif isinstance(rv, BaseResponse):
                rv = self.response_class.force_type(rv)
            elif callable(rv):
                _unavailable("Returning a WSGI callable from a view")
            else:
                raise TypeError(
                    "The view function did not return a valid"
                    " response. The return type must be a string,"
                    " dict, list, tuple with headers or status,"
                    " Response instance, or WSGI callable, but it was a"
                    f" {type(rv).__name__}."
                )
        if status is not None:
            if isinstance(status, (str, bytes, bytearray)):
                rv.status = status
            else:
                rv.status_code = status
        if headers:
            rv.headers.update(headers)
        return rv

    def redirect(self, location, code=302):
        return _werkzeug_redirect(location, code=code, Response=self.response_class)

    # -- not in the browser ------------------------------------------------------------------------
    def run(self, *args, **kwargs):
        _unavailable("app.run()")

    def __call__(self, environ, start_response):
        _unavailable("Calling the app as a WSGI application")

    def wsgi_app(self, environ, start_response):
        _unavailable("app.wsgi_app")

    def context_processor(self, f):
        _unavailable("app.context_processor (templates)")

    def url_defaults(self, f):
        _unavailable("app.url_defaults")

    def template_filter(self, name=None):
        _unavailable("app.template_filter (templates)")

    def template_global(self, name=None):
        _unavailable("app.template_global (templates)")

    def template_test(self, name=None):
        _unavailable("app.template_test (templates)")

    def add_template_filter(self, *args, **kwargs):
        _unavailable("app.add_template_filter (templates)")

    def add_template_global(self, *args, **kwargs):
        _unavailable("app.add_template_global (templates)")

    def add_template_test(self, *args, **kwargs):
        _unavailable("app.add_template_test (templates)")

    def open_instance_resource(self, *args, **kwargs):
        _unavailable("app.open_instance_resource")

    def test_cli_runner(self, **kwargs):
        _unavailable("app.test_cli_runner (the flask command)")

    def url_for(self, *args, **kwargs):
        _unavailable("url_for")

    @property
    def cli(self):
        _unavailable("app.cli (the flask command)")

    @property
    def jinja_env(self):
        _unavailable("app.jinja_env (templates)")

    def __getattr__(self, name):
        if name in _UNAVAILABLE_APP_ATTRIBUTES:
            _unavailable(f"app.{name}")
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


# Flask attributes this stand-in does not model: using one fails loudly.
_UNAVAILABLE_APP_ATTRIBUTES = {
    "async_to_sync",
    "auto_find_instance_path",
    "create_global_jinja_loader",
    "create_jinja_environment",
    "create_url_adapter",
    "handle_url_build_error",
    "inject_url_defaults",
    "jinja_environment",
    "jinja_options",
    "make_aborter",
    "make_config",
    "make_shell_context",
    "raise_routing_exception",
    "select_jinja_autoescape",
    "should_ignore_error",
    "test_cli_runner_class",
    "update_template_context",
}


