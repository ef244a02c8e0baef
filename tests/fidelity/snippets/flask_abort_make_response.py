"""abort() and make_response()."""
from flask import Flask, Response, abort, make_response

app = Flask(__name__)


@app.get("/forbidden")
def forbidden():
    abort(403)


@app.get("/gone")
def gone():
    abort(404, description="That item is gone <for good>.")


@app.get("/teapot")
def teapot():
    abort(418)


@app.get("/custom-response")
def custom_response():
    abort(Response("custom body", status=409))


@app.get("/no-such-code")
def no_such_code():
    abort(299)


@app.get("/made")
def made():
    response = make_response({"made": True}, 201)
    response.headers["X-Made"] = "yes"
    return response


@app.get("/made-text")
def made_text():
    response = make_response("text body")
    response.status_code = 202
    response.headers.add("X-Many", "1")
    response.headers.add("X-Many", "2")
    return response


@app.get("/made-tuple")
def made_tuple():
    return make_response(("tuple body", 404, {"X-T": "t"}))


@app.get("/made-empty")
def made_empty():
    return make_response()


client = app.test_client()
for path in ["/forbidden", "/gone", "/teapot", "/custom-response", "/no-such-code", "/made", "/made-text", "/made-tuple", "/made-empty"]:
    response = client.get(path)
    print(path, response.status, list(response.headers.items()))
    print("  ", response.data.decode().splitlines()[-1] if response.data else "(empty)")

try:
    abort(401)
except Exception as error:
    print(type(error).__name__, "|", error)
    print(repr(error), error.code, error.name)
