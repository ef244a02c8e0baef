"""Refreshing through cookies: the refresh cookie and its own CSRF cookie."""
from _fje_cookie_app import SECRET, jar, show, show_set_cookies
from flask import Flask, jsonify
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    get_jwt,
    get_jwt_identity,
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
    response = jsonify(msg="ok")
    set_access_cookies(response, create_access_token(identity="dave", fresh=True))
    set_refresh_cookies(response, create_refresh_token(identity="dave"))
    return response


@app.post("/refresh")
@jwt_required(refresh=True)
def refresh():
    response = jsonify(refreshed=get_jwt_identity(), type=get_jwt()["type"])
    set_access_cookies(response, create_access_token(identity=get_jwt_identity(), fresh=False))
    return response


@app.post("/whoami")
@jwt_required()
def whoami():
    return {"user": get_jwt_identity(), "fresh": get_jwt()["fresh"]}


client = app.test_client()
show("refresh before login:", client.post("/refresh"))
client.post("/login")
access_csrf = client.get_cookie("csrf_access_token").value
refresh_csrf = client.get_cookie("csrf_refresh_token").value
print("the two CSRF values differ:", access_csrf != refresh_csrf)
show("refresh, no CSRF:", client.post("/refresh"))
show("refresh, access CSRF:", client.post("/refresh", headers={"X-CSRF-TOKEN": access_csrf}))
response = client.post("/refresh", headers={"X-CSRF-TOKEN": refresh_csrf})
show("refresh, refresh CSRF:", response)
show_set_cookies(response)
print("new access CSRF:", client.get_cookie("csrf_access_token").value != access_csrf)
show("whoami, old CSRF:", client.post("/whoami", headers={"X-CSRF-TOKEN": access_csrf}))
show("whoami, new CSRF:", client.post("/whoami", headers={"X-CSRF-TOKEN": client.get_cookie("csrf_access_token").value}))
client.delete_cookie("refresh_token_cookie")
print("jar:", jar(client, "access_token_cookie", "refresh_token_cookie"))
show("refresh without the refresh cookie:", client.post("/refresh", headers={"X-CSRF-TOKEN": refresh_csrf}))
