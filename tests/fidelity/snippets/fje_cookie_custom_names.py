"""Custom cookie names, paths and CSRF header: the refresh cookie only goes to its path."""
from _fje_cookie_app import SECRET, jar, show, show_set_cookies
from flask import Flask, jsonify
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    get_jwt_identity,
    jwt_required,
    set_access_cookies,
    set_refresh_cookies,
)

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
app.config["JWT_ACCESS_COOKIE_NAME"] = "at"
app.config["JWT_REFRESH_COOKIE_NAME"] = "rt"
app.config["JWT_ACCESS_COOKIE_PATH"] = "/api/"
app.config["JWT_REFRESH_COOKIE_PATH"] = "/token/refresh"
app.config["JWT_ACCESS_CSRF_COOKIE_NAME"] = "at_csrf"
app.config["JWT_REFRESH_CSRF_COOKIE_NAME"] = "rt_csrf"
app.config["JWT_ACCESS_CSRF_COOKIE_PATH"] = "/"
app.config["JWT_REFRESH_CSRF_COOKIE_PATH"] = "/"
app.config["JWT_ACCESS_CSRF_HEADER_NAME"] = "X-Access-CSRF"
app.config["JWT_REFRESH_CSRF_HEADER_NAME"] = "X-Refresh-CSRF"
JWTManager(app)


@app.post("/token/auth")
def auth():
    response = jsonify(login=True)
    set_access_cookies(response, create_access_token(identity="heidi"))
    set_refresh_cookies(response, create_refresh_token(identity="heidi"))
    return response


@app.post("/token/refresh")
@jwt_required(refresh=True)
def refresh():
    response = jsonify(refresh=True)
    set_access_cookies(response, create_access_token(identity=get_jwt_identity()))
    return response


@app.route("/api/example", methods=["GET", "POST"])
@jwt_required()
def example():
    return {"user": get_jwt_identity()}


@app.get("/elsewhere")
@jwt_required()
def elsewhere():
    return {"user": get_jwt_identity()}


client = app.test_client()
response = client.post("/token/auth")
show("auth:", response)
show_set_cookies(response)
print("jar at /:", jar(client, "at", "rt", "at_csrf", "rt_csrf"))
print("jar at paths:", client.get_cookie("at", path="/api/") is not None, client.get_cookie("rt", path="/token/refresh") is not None)
show("GET /api/example:", client.get("/api/example"))
show("GET /elsewhere:", client.get("/elsewhere"))
access_csrf = client.get_cookie("at_csrf").value
refresh_csrf = client.get_cookie("rt_csrf").value
show("POST /api/example X-CSRF-TOKEN:", client.post("/api/example", headers={"X-CSRF-TOKEN": access_csrf}))
show("POST /api/example X-Access-CSRF:", client.post("/api/example", headers={"X-Access-CSRF": access_csrf}))
show("refresh X-Access-CSRF:", client.post("/token/refresh", headers={"X-Access-CSRF": refresh_csrf}))
response = client.post("/token/refresh", headers={"X-Refresh-CSRF": refresh_csrf})
show("refresh X-Refresh-CSRF:", response)
show_set_cookies(response)
