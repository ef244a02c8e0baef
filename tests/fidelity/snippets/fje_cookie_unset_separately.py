"""unset_access_cookies and unset_refresh_cookies one by one, with custom paths and a domain."""
from _fje_cookie_app import SECRET, jar, show_set_cookies
from flask import Flask, jsonify, request
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    set_access_cookies,
    set_refresh_cookies,
    unset_access_cookies,
    unset_jwt_cookies,
    unset_refresh_cookies,
)

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies", "headers"]
app.config["JWT_REFRESH_COOKIE_PATH"] = "/auth"
app.config["JWT_REFRESH_CSRF_COOKIE_PATH"] = "/auth"
NAMES = ("access_token_cookie", "csrf_access_token")
JWTManager(app)


@app.post("/auth/login")
def login():
    response = jsonify(msg="ok")
    set_access_cookies(response, create_access_token(identity="peggy"))
    set_refresh_cookies(response, create_refresh_token(identity="peggy"))
    return response


@app.post("/auth/drop/<which>")
def drop(which):
    response = jsonify(dropped=which)
    domain = request.args.get("domain")
    if which == "access":
        unset_access_cookies(response, domain)
    elif which == "refresh":
        unset_refresh_cookies(response, domain=domain)
    else:
        unset_jwt_cookies(response, domain)
    return response


def state(client):
    return jar(client, *NAMES) | jar(client, "refresh_token_cookie", "csrf_refresh_token", path="/auth")


client = app.test_client()
client.post("/auth/login")
print("after login:", state(client))
response = client.post("/auth/drop/refresh")
show_set_cookies(response)
print("after refresh unset:", state(client))
response = client.post("/auth/drop/access")
show_set_cookies(response)
print("after access unset:", state(client))
client.post("/auth/login")
response = client.post("/auth/drop/all?domain=example.com")
show_set_cookies(response)
print("other domain left ours:", state(client))
