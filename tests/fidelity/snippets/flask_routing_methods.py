"""Routing: methods=, the .get/.post/... shortcuts, converters, trailing slashes."""
from flask import Flask, request

app = Flask(__name__)


@app.route("/items", methods=["GET", "POST"])
def items():
    return {"method": request.method, "path": request.path}


@app.get("/items/<int:item_id>")
def show_item(item_id):
    return {"id": item_id, "type": type(item_id).__name__}


@app.put("/items/<int:item_id>")
def replace_item(item_id):
    return {"replaced": item_id}


@app.patch("/items/<int:item_id>")
def patch_item(item_id):
    return {"patched": item_id}


@app.delete("/items/<int:item_id>")
def delete_item(item_id):
    return "", 204


@app.get("/users/<name>")
def user(name):
    return f"user {name}"


@app.get("/users/me")
def me():
    return "the current user"


@app.get("/files/<path:subpath>")
def files(subpath):
    return {"subpath": subpath}


@app.get("/price/<float:amount>")
def price(amount):
    return {"amount": amount}


@app.route("/docs/")
def docs():
    return "docs"


try:
    app.route("/bad", methods="POST")(lambda: "bad")
except TypeError as error:
    print("TypeError:", error)
try:
    app.get("/bad", methods=["POST"])(lambda: "bad")
except TypeError as error:
    print("TypeError:", error)
try:

    @app.get("/again")
    def items():  # noqa: F811 - the same endpoint name as above
        return "again"

except AssertionError as error:
    print("AssertionError:", error)

client = app.test_client()
for method, path in [
    ("get", "/items"),
    ("post", "/items"),
    ("get", "/items/42"),
    ("put", "/items/42"),
    ("patch", "/items/7"),
    ("delete", "/items/7"),
    ("get", "/items/abc"),
    ("get", "/users/bob"),
    ("get", "/users/me"),
    ("get", "/users/caf%C3%A9"),
    ("get", "/files/a/b/c.txt"),
    ("get", "/price/9.99"),
    ("get", "/price/9"),
    ("get", "/docs/"),
]:
    response = getattr(client, method)(path)
    print(method.upper(), path, "->", response.status, response.data)


try:
    app.add_url_rule("/late", "late", lambda: "late")
except AssertionError as error:
    print("AssertionError:", error)
