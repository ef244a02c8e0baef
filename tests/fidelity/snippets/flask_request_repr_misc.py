"""Reprs and small request details a learner prints while debugging."""
from flask import Flask, request

app = Flask(__name__)


@app.before_request
def log():
    print("  repr:", repr(request._get_current_object()))
    print("  endpoint:", request.endpoint, "blueprints:", request.blueprints, "rule:", request.url_rule)
    print("  routing_exception:", repr(request.routing_exception))


@app.get("/items/<int:item_id>")
def item(item_id):
    return {"view_args": request.view_args, "values": request.values.to_dict(), "cookies": request.cookies.to_dict()}


client = app.test_client()
print(client.get("/items/3?x=1").json)
print(client.get("/items/abc").status)
print(client.post("/items/3").status)
print(repr(client.get("/items/4")))
print(repr(client), repr(app))
