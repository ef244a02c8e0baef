"""Werkzeug's 404 and 405 pages, the Allow header (sorted: its real order follows a set)."""
from flask import Flask

app = Flask(__name__)


@app.route("/things", methods=["GET", "POST"])
def things():
    return {"things": []}


client = app.test_client()

response = client.get("/nowhere")
print(response.status_code, response.status)
print(response.content_type, response.mimetype)
print(response.get_data(as_text=True), end="")
print(response.json, response.get_json())
print("Allow" in response.headers)

response = client.delete("/things")
print(response.status_code, response.status)
print(sorted(response.headers["Allow"].split(", ")))
print(response.headers["Content-Type"], response.headers["Content-Length"])
print(response.data.decode(), end="")

response = client.put("/things")
print(response.status, sorted(response.headers.get("allow").split(", ")))
