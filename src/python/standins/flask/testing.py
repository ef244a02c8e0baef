"""Flask's test client (stand-in; see flask/__init__.py).

``app.test_client().post("/login", json={...}, headers={...})`` builds the WSGI environ the way
Werkzeug's EnvironBuilder does (same headers, same body bytes), hands the request to the app,
and keeps the cookies the app sets for the next requests, as Flask's FlaskClient does.
"""
from contextlib import contextmanager
from urllib.parse import urlsplit

import werkzeug.test
from werkzeug.test import Client

USER_AGENT = "Werkzeug/3.1.9"


def _unavailable(feature):
    raise NotImplementedError(f"{feature} is not available in the in-browser Flask stand-in")


class EnvironBuilder(werkzeug.test.EnvironBuilder):
    """An EnvironBuilder whose defaults come from the app: SERVER_NAME, APPLICATION_ROOT, PREFERRED_URL_SCHEME."""

    def __init__(self, app, path="/", base_url=None, subdomain=None, url_scheme=None, *args, **kwargs):
        assert not (base_url or subdomain or url_scheme) or (base_url is not None) != bool(subdomain or url_scheme), (
            'Cannot pass "subdomain" or "url_scheme" with "base_url".'
        )
        if base_url is None:
            http_host = app.config.get("SERVER_NAME") or "localhost"
            app_root = app.config["APPLICATION_ROOT"]
            if subdomain:
                http_host = f"{subdomain}.{http_host}"
            if url_scheme is None:
                url_scheme = app.config["PREFERRED_URL_SCHEME"]
            url = urlsplit(path)
            base_url = f"{url.scheme or url_scheme}://{url.netloc or http_host}/{app_root.lstrip('/')}"
            path = url.path
            if url.query:
                path = f"{path}?{url.query}"
        self.app = app
        super().__init__(path, base_url, *args, **kwargs)

    def json_dumps(self, obj, **kwargs):
        return self.app.json.dumps(obj, **kwargs)


def build_request(app, *args, **kwargs):
    """The request ``app.test_request_context(...)`` would make (no client environ_base)."""
    return EnvironBuilder(app, *args, **kwargs).get_request(app.request_class)


class FlaskClient(Client):
    """Sends requests to the app without a server: ``client.get("/")`` returns the response.

    Cookies the app sets are kept and sent back (``use_cookies=False`` turns that off);
    ``client.set_cookie("name", "value")``, ``get_cookie`` and ``delete_cookie`` work on the jar.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.preserve_context = False
        self._kept_contexts = []
        self.environ_base = {"REMOTE_ADDR": "127.0.0.1", "HTTP_USER_AGENT": USER_AGENT}

    @contextmanager
    def session_transaction(self, *args, **kwargs):
        if self._cookies is None:
            raise TypeError("Cookies are disabled. Create a client with 'use_cookies=True'.")
        app = self.application
        ctx = app.test_request_context(*args, **kwargs)
        self._add_cookies_to_wsgi(ctx.request.environ)
        with ctx:
            sess = app.session_interface.open_session(app, ctx.request)
        if sess is None:
            raise RuntimeError("Session backend did not open a session.")
        yield sess
        resp = app.response_class()
        if app.session_interface.is_null_session(sess):
            return
        with ctx:
            app.session_interface.save_session(app, sess, resp)
        self._update_cookies_from_response(ctx.request.host.partition(":")[0], ctx.request.path, resp.headers.getlist("Set-Cookie"))

    def _copy_environ(self, other):
        return {**self.environ_base, **other}

    def _make_request(self, args, kwargs):
        kwargs["environ_base"] = self._copy_environ(kwargs.get("environ_base") or {})
        builder = EnvironBuilder(self.application, *args, **kwargs)
        return builder.get_request(self.application.request_class)

    def _run_app(self, request):
        self._release_contexts()
        response, ctx = self.application._handle_request(request, keep_context=self.preserve_context)
        if self.preserve_context:
            self._kept_contexts.append(ctx)
        return response

    def _release_contexts(self):
        while self._kept_contexts:
            self._kept_contexts.pop().pop()

    def open(self, *args, buffered=False, follow_redirects=False, **kwargs):
        response = super().open(*args, buffered=buffered, follow_redirects=follow_redirects, **kwargs)
        response.json_module = self.application.json
        return response

    def __enter__(self):
        if self.preserve_context:
            raise RuntimeError("Cannot nest client invocations")
        self.preserve_context = True
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.preserve_context = False
        self._release_contexts()


class FlaskCliRunner:
    def __init__(self, *args, **kwargs):
        _unavailable("app.test_cli_runner (the flask command)")


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"flask.testing.{name} is not available in the in-browser Flask stand-in")
