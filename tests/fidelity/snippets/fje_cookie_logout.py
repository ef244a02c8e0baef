"""Logging out with unset_jwt_cookies: the cookies expire and the next request is refused."""
from _fje_cookie_app import SECRET, jar, show, show_set_cookies
from flask import Flask, jsonify
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    jwt_required,
    set_access_cookies,
    set_refresh_cookies,
    unset_jwt_cookies,
)

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
JWTManager(app)
NAMES = ("access_token_cookie", "csrf_access_token", "refresh_token_cookie", "csrf_refresh_token")


@app.post("/login")
def login():
    response = jsonify(msg="login successful")
    set_access_cookies(response, create_access_token(identity="carol"))
    set_refresh_cookies(response, create_refresh_token(identity="carol"))
    return response


@app.post("/logout")
def logout():
    response = jsonify(msg="logout successful")
    unset_jwt_cookies(response)
    return response


@app.get("/protected")
@jwt_required()
def protected():
    return {"ok": True}


client = app.test_client()
response = client.post("/login")
show("login:", response)
show_set_cookies(response)
print("jar:", jar(client, *NAMES))
show("protected:", client.get("/protected"))
response = client.post("/logout")
show("logout:", response)
show_set_cookies(response)
print("jar:", jar(client, *NAMES))
show("protected after logout:", client.get("/protected"))
