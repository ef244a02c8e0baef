"""werkzeug.datastructures.Headers with repeated names, and request.headers built from them."""
from flask import Flask, request
from werkzeug.datastructures import Headers

h = Headers([("Set-Cookie", "a=1"), ("Content-Type", "text/plain")])
h.add("Set-Cookie", "b=2")
h.add("X-Multi", "one")
h.extend({"X-Multi": ["two", "three"]})
print(h.getlist("set-cookie"), h.get("SET-COOKIE"), h.getlist("x-multi"), len(h))
h.set("X-Multi", "only")
print(h.getlist("X-Multi"), list(h.keys()))
h["x-new"] = "n"
h.setdefault("X-New", "ignored")
print(h.to_wsgi_list())
print("content-type" in h, "Missing" in h, h.get("Content-Length", type=int), h.get("Missing", "default"))
del h["set-cookie"]
print(h.getlist("Set-Cookie"), h.pop("X-New"), h.pop("Nope", None))
print(repr(Headers({"A": "1"})), str(Headers([("A", "1"), ("B", "2")])).splitlines())
try:
    Headers().add("X-Bad", "line\nbreak")
except ValueError as error:
    print("ValueError:", error)

app = Flask(__name__)


@app.get("/")
def index():
    headers = request.headers
    out = {"items": list(headers.items()), "lower": list(headers.items(lower=True))[-1], "len": len(headers)}
    try:
        headers["X-Added"] = "no"
    except TypeError as error:
        out["set"] = str(error)
    try:
        headers.copy()
    except TypeError as error:
        out["copy"] = str(error)
    out["in"] = "x-multi" in headers
    out["eq_self"] = headers == request.headers
    return out


sent = Headers()
sent.add("X-Multi", "1")
sent.add("X-Multi", "2")
sent.add("Accept", "application/json")
print(app.test_client().get("/", headers=sent).json)
