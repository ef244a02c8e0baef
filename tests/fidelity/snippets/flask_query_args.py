"""request.args, request.path and friends; query_string= as a dict or in the path."""
from flask import Flask, request

app = Flask(__name__)


@app.get("/search")
def search():
    return {
        "args": request.args.to_dict(),
        "q": request.args.get("q"),
        "page": request.args.get("page", 1, type=int),
        "tags": request.args.getlist("tag"),
        "missing": request.args.get("missing", "default"),
        "path": request.path,
        "full_path": request.full_path,
        "query_string": request.query_string.decode(),
        "method": request.method,
    }


@app.get("/need")
def need():
    return {"q": request.args["q"]}


client = app.test_client()
print(client.get("/search?q=flask&page=2&tag=a&tag=b").get_json())
print(client.get("/search", query_string={"q": "two words", "tag": ["x", "y"]}).get_json())
print(client.get("/search?q=caf%C3%A9&page=notanumber").get_json())
print(client.get("/search").get_json())
print(client.get("/need").status, client.get("/need?q=1").get_json())
try:
    client.get("/search?q=1", query_string={"q": "2"})
except ValueError as error:
    print("ValueError:", error)
