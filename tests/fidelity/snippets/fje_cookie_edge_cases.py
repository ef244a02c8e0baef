"""Less common paths: timedelta max_age, a bad SameSite, app-context responses, verify_type."""
from datetime import timedelta

from _fje_cookie_app import SECRET, show, show_set_cookies
from flask import Flask, jsonify, make_response
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    get_csrf_token,
    get_jwt,
    jwt_required,
    set_access_cookies,
    set_refresh_cookies,
)

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
JWTManager(app)


@app.post("/login")
def login():
    response = make_response({"msg": "ok"}, 201)
    set_access_cookies(response, create_access_token(identity="trent", fresh=True), max_age=timedelta(minutes=5))
    set_refresh_cookies(response, create_refresh_token(identity="trent"))
    return response


@app.get("/any-token")
@jwt_required(verify_type=False, refresh=True)
def any_token():
    return {"type": get_jwt()["type"]}


@app.post("/fresh")
@jwt_required(fresh=True)
def fresh():
    return {"fresh": get_jwt()["fresh"]}


client = app.test_client()
response = client.post("/login")
show("login:", response)
show_set_cookies(response)
show("refresh cookie, verify_type=False:", client.get("/any-token"))
show("fresh, no CSRF:", client.post("/fresh"))
show("fresh, CSRF:", client.post("/fresh", headers={"X-CSRF-TOKEN": client.get_cookie("csrf_access_token").value}))

with app.app_context():
    response = jsonify(made="outside a request")
    set_access_cookies(response, create_access_token(identity="trent"), domain="example.net")
    show_set_cookies(response)
    expired = create_access_token(identity="trent", expires_delta=timedelta(seconds=-1))
    try:
        get_csrf_token(expired)
    except Exception as error:
        print("get_csrf_token(expired):", type(error).__name__, error)
    try:
        get_csrf_token("abc")
    except Exception as error:
        print("get_csrf_token('abc'):", type(error).__name__, error)

app.config["JWT_COOKIE_SAMESITE"] = "sometimes"
try:
    print("bad SameSite:", client.post("/login").status_code)
except ValueError as error:
    print("bad SameSite: ValueError", error)
app.config["JWT_COOKIE_SAMESITE"] = "lax"
show_set_cookies(client.post("/login"))
