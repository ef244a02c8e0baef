"""request.headers: case-insensitive get, defaults, membership; a missing key via [] is a 400."""
from flask import Flask, request

app = Flask(__name__)


@app.get("/headers")
def headers():
    return {
        "get exact": request.headers.get("Authorization"),
        "get lower": request.headers.get("authorization"),
        "get upper": request.headers.get("AUTHORIZATION"),
        "index mixed": request.headers["x-request-ID"],
        "missing default": request.headers.get("X-Missing", "fallback"),
        "missing none": request.headers.get("X-Missing"),
        "in": "x-request-id" in request.headers,
        "not in": "X-Nope" in request.headers,
        "as int": request.headers.get("X-Count", type=int),
        "bad int": request.headers.get("X-Request-Id", -1, type=int),
        "host": request.headers.get("Host"),
        "getlist": request.headers.getlist("x-count"),
    }


@app.get("/strict")
def strict():
    return {"value": request.headers["X-Required"]}


client = app.test_client()
response = client.get(
    "/headers", headers={"Authorization": "Bearer abc.def.ghi", "X-Request-Id": "r-1", "X-Count": "3"}
)
for key, value in response.get_json().items():
    print(key, "=", repr(value))

response = client.get("/headers", headers=[("authorization", "Basic x"), ("x-request-id", "r-2")])
print(response.get_json()["get exact"], response.get_json()["index mixed"])

response = client.get("/strict")
print(response.status, response.data.decode().splitlines()[-1])
print(client.get("/strict", headers={"x-required": "yes"}).json)
