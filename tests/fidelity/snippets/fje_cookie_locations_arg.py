"""locations= on jwt_required and verify_jwt_in_request overrides JWT_TOKEN_LOCATION."""
from _fje_cookie_app import SECRET, show
from flask import Flask, jsonify
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    get_jwt_identity,
    get_jwt_request_location,
    jwt_required,
    set_access_cookies,
    verify_jwt_in_request,
)

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
JWTManager(app)


@app.post("/login")
def login():
    token = create_access_token(identity="grace")
    response = jsonify(access_token=token)
    set_access_cookies(response, token)
    return response


@app.get("/header-only")
@jwt_required()
def header_only():
    return {"user": get_jwt_identity(), "where": get_jwt_request_location()}


@app.get("/cookie-only")
@jwt_required(locations="cookies")
def cookie_only():
    return {"user": get_jwt_identity(), "where": get_jwt_request_location()}


@app.route("/anywhere", methods=["GET", "POST"])
@jwt_required(locations=["cookies", "query_string", "json", "headers"])
def anywhere():
    return {"user": get_jwt_identity(), "where": get_jwt_request_location()}


@app.get("/manual")
def manual():
    found = verify_jwt_in_request(optional=True, locations=["query_string", "cookies"])
    return {"found": found is not None, "where": get_jwt_request_location()}


@app.get("/bad-location")
@jwt_required(locations=["cookies", "body"])
def bad_location():
    return {}


client = app.test_client()
for url in ("/header-only", "/cookie-only", "/anywhere", "/manual"):
    show(url + " nothing:", client.get(url))
show("/anywhere POST json without key:", client.post("/anywhere", json={"x": 1}))
token = client.post("/login").get_json()["access_token"]
for url in ("/header-only", "/cookie-only", "/anywhere", "/manual"):
    show(url + " with cookie:", client.get(url))
fresh = app.test_client()
show("/anywhere ?jwt=:", fresh.get("/anywhere?jwt=" + token))
show("/anywhere json:", fresh.post("/anywhere", json={"access_token": token}))
show("/cookie-only header:", fresh.get("/cookie-only", headers={"Authorization": "Bearer " + token}))
response = client.get("/bad-location")
print("/bad-location:", response.status_code)
