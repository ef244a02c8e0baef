"""The lesson's API moved into a Blueprint mounted at /api."""
from flask import Blueprint, Flask, jsonify, request

api = Blueprint("api", __name__, url_prefix="/api")


@api.post("/login")
def login():
    data = request.get_json()
    return jsonify(access_token=f"token-for-{data['username']}")


@api.get("/items/<int:item_id>")
def item(item_id):
    return {"id": item_id, "endpoint": request.endpoint, "blueprint": request.blueprint}


@api.route("/", methods=["GET"])
def root():
    return {"blueprints": request.blueprints}


app = Flask(__name__)


@app.get("/")
def home():
    return {"blueprint": request.blueprint}


app.register_blueprint(api)
client = app.test_client()
print(client.post("/api/login", json={"username": "alice"}).json)
print(client.get("/api/items/7").json)
print(client.get("/api").status, client.get("/api").headers["Location"])
print(client.get("/api/").json)
print(client.get("/").json)
print(client.get("/items/7").status)
print(sorted(app.blueprints), app.blueprints["api"] is api, repr(api))
for rule in app.url_map.iter_rules():
    print(rule.rule, rule.endpoint, sorted(rule.methods))
print(sorted(app.view_functions))
