"""A REST resource written as a MethodView."""
from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)
ITEMS = {1: "pen"}


class ItemAPI(MethodView):
    def get(self, item_id):
        if item_id not in ITEMS:
            return {"error": "not found"}, 404
        return {"id": item_id, "name": ITEMS[item_id]}

    def put(self, item_id):
        ITEMS[item_id] = request.get_json()["name"]
        return {"id": item_id, "name": ITEMS[item_id]}

    def delete(self, item_id):
        ITEMS.pop(item_id, None)
        return "", 204


class ItemListAPI(MethodView):
    init_every_request = False

    def __init__(self):
        self.created = 0

    def get(self):
        return {"items": sorted(ITEMS)}

    def post(self):
        self.created += 1
        new_id = max(ITEMS, default=0) + 1
        ITEMS[new_id] = request.get_json()["name"]
        return {"id": new_id, "created_by_this_view": self.created}, 201


app.add_url_rule("/items/<int:item_id>", view_func=ItemAPI.as_view("item"))
app.add_url_rule("/items", view_func=ItemListAPI.as_view("items"))
client = app.test_client()
print(sorted(ItemAPI.methods), sorted(ItemListAPI.methods))
print(client.get("/items/1").json)
print(client.put("/items/2", json={"name": "ink"}).json)
print(client.post("/items", json={"name": "cap"}).status, client.post("/items", json={"name": "cup"}).json)
print(client.get("/items").json)
print(client.delete("/items/1").status)
response = client.patch("/items/2")
print(response.status, response.headers["Allow"].split(", ").__len__())
print(client.head("/items/2").status, client.options("/items").status)
print(ItemAPI.as_view("x").__name__, ItemAPI.as_view("x").view_class.__name__)
