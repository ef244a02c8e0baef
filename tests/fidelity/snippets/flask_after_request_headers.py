"""after_request hooks add security headers; they run in reverse order of registration."""
from flask import Flask, abort, make_response

app = Flask(__name__)


@app.after_request
def security_headers(response):
    print("security_headers sees", response.status)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    return response


@app.after_request
def cache_headers(response):
    print("cache_headers sees", response.status)
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers.add("X-Order", "cache")
    return response


@app.after_request
def change_status(response):
    if response.status_code == 404:
        response.status_code = 410
    response.headers.add("X-Order", "status")
    return response


@app.get("/")
def index():
    response = make_response({"ok": True})
    response.headers["Cache-Control"] = "max-age=60"
    return response


@app.get("/secret")
def secret():
    abort(403)


client = app.test_client()
for path in ["/", "/secret", "/nowhere"]:
    response = client.get(path)
    print(path, response.status)
    for name, value in response.headers:
        if name != "Content-Length":
            print("   ", name, "=", value)
