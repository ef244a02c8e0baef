"""request.get_json() without a JSON Content-Type: Flask 3.x answers 415 Unsupported Media Type
(Flask 2.2 answered 400), so this is compared with flask_get_json_content_type.expected.txt,
taken from Flask 3.1, not with Debian's Flask 2.2."""
from flask import Flask, request

app = Flask(__name__)


@app.post("/login")
def login():
    data = request.get_json()
    return {"username": data.get("username")}


@app.post("/login-silent")
def login_silent():
    data = request.get_json(silent=True) or {}
    return {"username": data.get("username")}


client = app.test_client()
for path, kwargs in [
    ("/login", dict(data="username=alice")),
    ("/login", dict(data={"username": "alice"})),
    ("/login", dict()),
    ("/login-silent", dict(data="username=alice")),
    ("/login", dict(json={"username": "alice"})),
]:
    response = client.post(path, **kwargs)
    print(path, "->", response.status)
    print(response.get_data(as_text=True), end="")
