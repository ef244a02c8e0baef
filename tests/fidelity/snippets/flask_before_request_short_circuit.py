"""A before_request that returns a response skips the view, but after_request still runs."""
from flask import Flask, abort, redirect, request

app = Flask(__name__)
calls = []


@app.before_request
def maintenance():
    calls.append("before1")
    if request.args.get("maintenance"):
        return {"msg": "down for maintenance"}, 503, {"Retry-After": "120"}
    if request.args.get("redirect"):
        return redirect("/elsewhere")
    if request.args.get("abort"):
        abort(429)
    return None


@app.before_request
def second():
    calls.append("before2")


@app.after_request
def after(response):
    calls.append("after")
    response.headers["X-Hooked"] = "yes"
    return response


@app.teardown_request
def teardown(exc):
    calls.append("teardown")


@app.get("/")
def index():
    calls.append("view")
    return "view ran"


client = app.test_client()
for query in ["", "?maintenance=1", "?redirect=1", "?abort=1"]:
    calls.clear()
    r = client.get("/" + query)
    print(query or "(none)", r.status, r.headers.get("X-Hooked"), r.headers.get("Retry-After"), r.headers.get("Location"), calls)
