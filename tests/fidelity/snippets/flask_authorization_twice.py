"""An Authorization header sent twice reaches the app as one value joined with ", "."""
from flask import Flask, request
from werkzeug.datastructures import Headers

app = Flask(__name__)


@app.get("/")
def index():
    auth = request.authorization
    return {
        "get": request.headers.get("Authorization"),
        "getlist": request.headers.getlist("Authorization"),
        "type": auth.type if auth else None,
        "token": auth.token if auth else None,
        "x_tags": request.headers.get("X-Tag"),
        "count": len(request.headers),
    }


client = app.test_client()
print(client.get("/", headers=[("Authorization", "Basic x"), ("Authorization", "Bearer y")]).json)
print(client.get("/", headers=[("Authorization", "Bearer y"), ("Authorization", "Bearer z")]).json)
headers = Headers()
headers.add("Authorization", "Bearer one")
headers.add("X-Tag", "a")
headers.add("x-tag", "b")
headers.add("X-TAG", "c")
print(headers.getlist("x-tag"), headers.get("X-Tag"), len(headers))
print(client.get("/", headers=headers).json)
print(client.get("/", headers={"Authorization": ["Bearer a", "Bearer b"]}).json)
print(client.get("/", headers={"Authorization": "Bearer only"}, auth=("u", "p")).json)
