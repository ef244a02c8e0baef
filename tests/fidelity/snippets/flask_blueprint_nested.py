"""A v1 blueprint nested inside an api blueprint: prefixes join, endpoint names get dotted."""
from flask import Blueprint, Flask, request

app = Flask(__name__)
api = Blueprint("api", __name__, url_prefix="/api")
v1 = Blueprint("v1", __name__, url_prefix="/v1")
users = Blueprint("users", __name__)


@api.before_request
def api_hook():
    print("  api hook for", request.endpoint)


@v1.before_request
def v1_hook():
    print("  v1 hook for", request.endpoint)


@v1.get("/status")
def status():
    return {"endpoint": request.endpoint, "blueprint": request.blueprint, "blueprints": request.blueprints}


@users.get("/users/<name>")
def user(name):
    return {"endpoint": request.endpoint, "name": name}


v1.register_blueprint(users)
api.register_blueprint(v1)
app.register_blueprint(api)
app.register_blueprint(v1, name="legacy", url_prefix="/old")
client = app.test_client()
for path in ["/api/v1/status", "/api/v1/users/bob", "/old/status", "/old/users/eve"]:
    print(path)
    print(" ", client.get(path).json)
print(sorted(app.blueprints))
print(sorted(rule.rule for rule in app.url_map.iter_rules()))
