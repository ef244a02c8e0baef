"""Header names with underscores travel through the WSGI environ, where "-" and "_" are the same."""
from flask import Flask, request

app = Flask(__name__)


@app.get("/")
def index():
    return {
        "dash": request.headers.get("X-Api-Key"),
        "underscore": request.headers.get("X_Api_Key"),
        "lower": request.headers.get("x_api_key"),
        "names": [name for name, _ in request.headers],
        "environ": sorted(key for key in request.environ if key.startswith("HTTP_")),
    }


client = app.test_client()
print(client.get("/", headers={"X_Api_Key": "under"}).json)
print(client.get("/", headers={"X-Api-Key": "dash"}).json)
print(client.get("/", headers=[("X-Api-Key", "one"), ("X_API_KEY", "two")]).json)
print(client.get("/", headers={"x-API-key": "mixed", "User-Agent": "curl/8"}).json)
with app.test_request_context(headers={"Content_Type": "text/plain", "X-Request_Id": "7"}):
    print(request.content_type, dict(request.headers))
    try:
        request.headers["X-Missing"]
    except KeyError as error:
        print("KeyError", error)
