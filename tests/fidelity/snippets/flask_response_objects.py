"""Response objects: status, headers (case-insensitive, ordered), data, repr."""
from flask import Flask, Response

app = Flask(__name__)


@app.get("/r")
def r():
    response = Response("hello", status=201)
    response.headers["X-One"] = "1"
    response.headers["x-one"] = "one"
    response.headers.add("Set-Thing", "a")
    response.headers.add("Set-Thing", "b")
    return response


client = app.test_client()
response = client.get("/r")
print(response.status_code, response.status)
print(response.headers.get("x-ONE"), response.headers.getlist("set-thing"))
print(list(response.headers.keys()))
print(len(response.headers), "X-One" in response.headers, "x-two" in response.headers)
print(repr(response.headers))
print(str(response.headers).replace("\r\n", "|"))
print(response.data, response.get_data(as_text=True), response.text)

with app.app_context():
    direct = Response('{"a": 1}', mimetype="application/json")
    print(repr(direct), direct.status, direct.is_json, direct.get_json(), direct.json)
    direct.status_code = 404
    print(direct.status)
    direct.status = "299 CUSTOM"
    print(direct.status_code, direct.status)
    direct.set_data("new")
    print(direct.data, direct.headers["Content-Length"])
    plain = Response("x")
    print(plain.content_type, plain.mimetype, plain.json)
    empty = Response()
    print(repr(empty), empty.data)
