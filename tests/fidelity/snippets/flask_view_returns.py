"""What a view may return: dict, list, str, tuples with status and headers, Response objects."""
from flask import Flask, Response

app = Flask(__name__)


@app.get("/dict")
def a_dict():
    return {"b": 2, "a": 1, "nested": {"z": None, "y": [True, 1.5]}}


@app.get("/list")
def a_list():
    return [3, "two", {"one": 1}]


@app.get("/text")
def text():
    return "<p>Hello</p>"


@app.get("/bytes")
def some_bytes():
    return b"raw bytes"


@app.post("/created")
def created():
    return {"id": 1}, 201


@app.get("/headers")
def with_headers():
    return {"ok": True}, 200, {"X-Course": "jwt", "Cache-Control": "no-store"}


@app.get("/text-headers")
def text_with_headers():
    return "made", 202, [("X-One", "1"), ("X-Two", "2")]


@app.get("/body-and-headers")
def body_and_headers():
    return "no status", {"X-Only": "headers"}


@app.get("/status-text")
def status_text():
    return "teapot", "418 I AM A TEAPOT"


@app.get("/unknown-status")
def unknown_status():
    return "odd", 299


@app.get("/response")
def response_object():
    return Response("plain", status=203, mimetype="text/plain", headers={"X-R": "1"})


@app.get("/response-tuple")
def response_tuple():
    return Response("again"), 206


@app.get("/none")
def returns_none():
    return None


@app.get("/number")
def returns_number():
    return 42


client = app.test_client()
for path in [
    "/dict",
    "/list",
    "/text",
    "/bytes",
    "/created",
    "/headers",
    "/text-headers",
    "/body-and-headers",
    "/status-text",
    "/unknown-status",
    "/response",
    "/response-tuple",
    "/none",
    "/number",
]:
    response = client.post(path) if path == "/created" else client.get(path)
    print(path, response.status_code, repr(response.status))
    print("  ", list(response.headers.items()))
    print("  ", response.data[:60])
