"""request.get_json(): invalid JSON is a 400 page (Flask 2.2 and 3.x agree); silent and force."""
from flask import Flask, request

app = Flask(__name__)


@app.post("/strict")
def strict():
    return {"got": request.get_json()}


@app.post("/silent")
def silent():
    return {"got": request.get_json(silent=True)}


@app.post("/force")
def force():
    return {"got": request.get_json(force=True)}


@app.post("/property")
def property_json():
    return {"got": request.json, "is_json": request.is_json}


client = app.test_client()
for path, kwargs in [
    ("/strict", dict(data='{"a": 1}', content_type="application/json")),
    ("/strict", dict(data="{not json", content_type="application/json")),
    ("/strict", dict(data="", content_type="application/json")),
    ("/silent", dict(data="{not json", content_type="application/json")),
    ("/silent", dict(data="[1, 2]", content_type="application/json; charset=utf-8")),
    ("/force", dict(data='{"forced": true}', content_type="text/plain")),
    ("/force", dict(data="nope", content_type="text/plain")),
    ("/property", dict(json={"k": "v"})),
    ("/property", dict(data="{bad", content_type="application/vnd.api+json")),
]:
    response = client.post(path, **kwargs)
    print(path, kwargs.get("content_type"), "->", response.status)
    print("  ", response.data.decode().splitlines()[-1])
