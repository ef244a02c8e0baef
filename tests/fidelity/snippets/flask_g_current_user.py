"""flask.g holds the current user for one request only."""
from flask import Flask, g, request

app = Flask(__name__)
USERS = {"t-alice": {"name": "alice", "admin": False}, "t-root": {"name": "root", "admin": True}}


@app.before_request
def load_user():
    token = request.headers.get("X-Token")
    if token in USERS:
        g.user = USERS[token]


@app.get("/whoami")
def whoami():
    user = g.get("user")
    return {"user": user["name"] if user else None, "has_user": "user" in g, "keys": sorted(g)}


@app.get("/admin")
def admin():
    try:
        user = g.user
    except AttributeError as error:
        return {"error": f"AttributeError: {error}"}, 401
    if not user["admin"]:
        return {"error": "admins only"}, 403
    g.setdefault("visits", 0)
    g.visits += 1
    return {"admin": user["name"], "visits": g.pop("visits"), "left": sorted(g)}


client = app.test_client()
print(client.get("/whoami").json)
print(client.get("/whoami", headers={"X-Token": "t-alice"}).json)
print(client.get("/whoami").json)
print(client.get("/admin").status, client.get("/admin").json)
print(client.get("/admin", headers={"X-Token": "t-alice"}).json)
print(client.get("/admin", headers={"X-Token": "t-root"}).json)
with app.app_context():
    g.x = 1
    print(repr(g), g.get("x"), g.get("y", "default"))
try:
    g.x
except RuntimeError as error:
    print("RuntimeError:", str(error).splitlines()[0])
