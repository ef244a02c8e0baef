"""Custom unauthorized_loader and error key: the CSRF errors go through the same callback."""
from _fje_cookie_app import SECRET, show
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, jwt_required, set_access_cookies

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["headers", "cookies"]
app.config["JWT_ERROR_MESSAGE_KEY"] = "error"
jwt = JWTManager(app)


@app.post("/login")
def login():
    response = jsonify(ok=True)
    set_access_cookies(response, create_access_token(identity="sybil"))
    return response


@app.post("/action")
@jwt_required()
def action():
    return {"done": True}


client = app.test_client()
show("default, no token:", client.post("/action"))
client.post("/login")
show("default, no CSRF:", client.post("/action"))
show("default, wrong CSRF:", client.post("/action", headers={"X-CSRF-TOKEN": "x"}))


@jwt.unauthorized_loader
def unauthorized(reason):
    return jsonify(reason=reason, login_url="/login"), 403


show("custom, no CSRF:", client.post("/action"))
show("custom, wrong CSRF:", client.post("/action", headers={"X-CSRF-TOKEN": "x"}))
show("custom, no token:", app.test_client().post("/action"))
show("custom, CSRF ok:", client.post("/action", headers={"X-CSRF-TOKEN": client.get_cookie("csrf_access_token").value}))
