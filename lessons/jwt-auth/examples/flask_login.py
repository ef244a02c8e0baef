"""Example B: a Flask API with /login and a protected route, using PyJWT."""
import time

import jwt
from flask import Flask, request

app = Flask(__name__)
# DEMO ONLY: never hard-code the key. Anyone who reads this line can sign tokens for
# any user. A real app loads a long random key (32 bytes or more) from an environment
# variable or a secret manager: SECRET_KEY = os.environ["JWT_SECRET_KEY"].
SECRET_KEY = "demo-secret-key-change-me-in-real-apps"

# Demo users only: a real app stores password hashes in a database.
USERS = {"alice": "wonderland", "bob": "builder"}


@app.post("/login")
def login():
    # silent=True: a body that is not JSON (another Content-Type, or broken JSON) gives
    # None instead of an error page. JSON that is not an object (null, a list, a string)
    # has no .get(), so check the type too, then answer 400 ourselves.
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return {"msg": "Send a JSON object with username and password"}, 400
    username = data.get("username")
    if username not in USERS or USERS[username] != data.get("password"):
        return {"msg": "Bad username or password"}, 401
    now = int(time.time())
    claims = {"sub": username, "iat": now, "exp": now + 15 * 60}  # valid for 15 minutes
    token = jwt.encode(claims, SECRET_KEY, algorithm="HS256")
    return {"access_token": token}


@app.get("/protected")
def protected():
    auth = request.headers.get("Authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme != "Bearer" or not token:
        return {"msg": "Missing Bearer token"}, 401
    try:
        payload = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])
    except jwt.InvalidTokenError as error:
        return {"msg": str(error)}, 401
    return {"message": f"Hello, {payload['sub']}!", "user": payload["sub"]}


client = app.test_client()

# 1. No token: the protected route refuses.
response = client.get("/protected")
print(response.status_code, response.get_json())

# 2. A login form instead of JSON: refused with 400, on every Flask version.
response = client.post("/login", data={"username": "alice", "password": "wonderland"})
print(response.status_code, response.get_json())

# 3. Log in with JSON to get a token (we never print the token itself).
response = client.post("/login", json={"username": "alice", "password": "wonderland"})
print(response.status_code)
token = response.get_json()["access_token"]

# 4. Send the token as a Bearer token: the route answers.
response = client.get("/protected", headers={"Authorization": f"Bearer {token}"})
print(response.status_code, response.get_json())
