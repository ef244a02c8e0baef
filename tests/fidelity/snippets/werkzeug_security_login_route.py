"""A learner's register/login routes storing password hashes, then issuing a JWT."""
from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = "login-route-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
JWTManager(app)
users = {}


@app.post("/register")
def register():
    data = request.get_json()
    if data["username"] in users:
        return jsonify(msg="User exists"), 409
    users[data["username"]] = generate_password_hash(data["password"], "scrypt:16384:8:1")
    return jsonify(msg="Created"), 201


@app.post("/login")
def login():
    data = request.get_json()
    stored = users.get(data.get("username"))
    if stored is None or not check_password_hash(stored, data.get("password", "")):
        return jsonify(msg="Bad username or password"), 401
    return jsonify(access_token=create_access_token(identity=data["username"]))


@app.get("/me")
@jwt_required()
def me():
    return jsonify(user=get_jwt_identity(), stored_with=users[get_jwt_identity()].split("$")[0])


client = app.test_client()
print(client.post("/register", json={"username": "alice", "password": "wonderland"}).get_json())
print(client.post("/register", json={"username": "alice", "password": "again"}).status_code)
bad = client.post("/login", json={"username": "alice", "password": "Wonderland"})
print(bad.status, bad.get_json())
print(client.post("/login", json={"username": "bob", "password": "x"}).status_code)
good = client.post("/login", json={"username": "alice", "password": "wonderland"})
token = good.get_json()["access_token"]
print(good.status_code, sorted(good.get_json()), token.count("."))
me = client.get("/me", headers={"Authorization": f"Bearer {token}"})
print(me.status_code, me.get_json())
print(users["alice"].startswith("scrypt:16384:8:1$"), "wonderland" in users["alice"])
