"""A /token endpoint that takes HTTP Basic credentials, as a learner adds to the JWT lesson."""
import base64

from flask import Flask, jsonify, request

app = Flask(__name__)
USERS = {"alice": "wonderland", "bob": "p:ss word"}


@app.post("/token")
def token():
    auth = request.authorization
    if auth is None:
        return jsonify(msg="Basic credentials required"), 401, {"WWW-Authenticate": 'Basic realm="api"'}
    if auth.type != "basic":
        return jsonify(msg=f"wrong scheme {auth.type}", token=auth.token), 401
    if USERS.get(auth.username) != auth.password:
        return jsonify(msg="bad credentials", username=auth.username), 401
    return jsonify(access_token=f"jwt-for-{auth.username}")


@app.get("/inspect")
def inspect():
    auth = request.authorization
    if auth is None:
        return {"auth": None}
    return {
        "type": auth.type,
        "username": auth.username,
        "password": auth.password,
        "token": auth.token,
        "parameters": auth.parameters,
        "realm": auth.get("realm"),
        "has_realm": "realm" in auth,
        "header": auth.to_header(),
    }


client = app.test_client()
r = client.post("/token")
print(r.status, r.json, r.headers["WWW-Authenticate"])
print(client.post("/token", auth=("alice", "wonderland")).json)
print(client.post("/token", auth=("alice", "wrong")).json)
print(client.post("/token", auth=("bob", "p:ss word")).json)
print(client.post("/token", headers={"Authorization": "Bearer abc.def"}).json)
raw = base64.b64encode("bob:p:ss word".encode()).decode()
print(client.post("/token", headers={"Authorization": f"basic   {raw}"}).json)
for header in [
    "Basic " + base64.b64encode("ünï:cödé".encode()).decode(),
    "Basic not-base64!",
    "Basic " + base64.b64encode(b"nocolon").decode(),
    "Bearer eyJ0eXAi.eyJzdWIi.c2ln",
    "Bearer token==",
    'Digest username="Mufasa", realm="test", nonce="abc"',
    "Token",
    "",
]:
    print(repr(header[:20]), client.get("/inspect", headers={"Authorization": header}).json)
