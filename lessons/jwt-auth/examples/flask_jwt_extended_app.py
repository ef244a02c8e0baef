"""The production version: the same API with Flask-JWT-Extended 4.x."""
import os

from flask import Flask, request
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    get_jwt_identity,
    jwt_required,
)

app = Flask(__name__)
# Read the secret key from the environment; the fallback is for local demos only.
app.config["JWT_SECRET_KEY"] = os.environ.get("JWT_SECRET_KEY", "dev-only-secret-change-me-in-production")
jwt = JWTManager(app)

USERS = {"alice": "wonderland", "bob": "builder"}


@app.post("/login")
def login():
    # As in Example B: anything but a JSON object is answered with 400 here.
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return {"msg": "Send a JSON object with username and password"}, 400
    username = data.get("username")
    if username not in USERS or USERS[username] != data.get("password"):
        return {"msg": "Bad username or password"}, 401
    # The identity goes into the token's "sub" claim; "exp" is added for you.
    return {"access_token": create_access_token(identity=username)}


@app.get("/protected")
@jwt_required()
def protected():
    user = get_jwt_identity()
    return {"message": f"Hello, {user}!", "user": user}


client = app.test_client()

response = client.get("/protected")
print(response.status_code, response.get_json())

response = client.post("/login", json={"username": "alice", "password": "wonderland"})
token = response.get_json()["access_token"]

response = client.get("/protected", headers={"Authorization": f"Bearer {token}"})
print(response.status_code, response.get_json())
