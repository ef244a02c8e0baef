"""Errors raised in hooks: handled by error handlers, after_request on error pages, teardown sees them."""
from flask import Flask, g, request

app = Flask(__name__)


class TokenError(Exception):
    pass


@app.before_request
def check():
    g.step = "before"
    if request.path == "/token-error":
        raise TokenError("token expired")
    if request.path == "/crash-before":
        raise RuntimeError("before_request crashed")


@app.after_request
def after(response):
    response.headers["X-After"] = g.get("step", "?")
    if request.path == "/crash-after":
        raise LookupError("after_request crashed")
    return response


@app.teardown_request
def teardown(exc):
    print("  teardown:", repr(exc))


@app.errorhandler(TokenError)
def token_error(error):
    g.step = "handler"
    return {"msg": str(error)}, 401


@app.route("/token-error")
@app.route("/crash-before")
@app.route("/crash-after")
@app.route("/fine")
def view():
    g.step = "view"
    return "view"


client = app.test_client()
for path in ["/fine", "/token-error", "/crash-before", "/crash-after"]:
    print(path)
    r = client.get(path)
    print(" ", r.status, r.headers.get("X-After"), r.get_data(as_text=True)[:40].strip())
