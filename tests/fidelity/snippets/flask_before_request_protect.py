"""A learner protects every route with one before_request hook, leaving /login and /health open."""
from flask import Flask, jsonify, request

app = Flask(__name__)
PUBLIC = {"login", "health", "static"}


@app.before_request
def require_token():
    print("before:", request.method, request.path, "endpoint =", request.endpoint)
    if request.endpoint in PUBLIC:
        return None
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return jsonify(msg="Missing Authorization Header"), 401
    if header.removeprefix("Bearer ") != "good-token":
        return {"msg": "Bad token"}, 403
    return None


@app.post("/login")
def login():
    return {"access_token": "good-token"}


@app.get("/health")
def health():
    return "ok"


@app.get("/profile")
def profile():
    return {"user": "alice"}


client = app.test_client()
for path, headers in [
    ("/health", {}),
    ("/profile", {}),
    ("/profile", {"Authorization": "Bearer nope"}),
    ("/profile", {"Authorization": "Bearer good-token"}),
    ("/profile", {"authorization": "bearer good-token"}),
    ("/missing", {}),
    ("/static/app.css", {}),
]:
    response = client.get(path, headers=headers)
    print(path, response.status, response.get_data(as_text=True).strip()[:60])
print(client.post("/login").json)
print(client.post("/health").status)
