"""JWT_CSRF_METHODS decides which methods need the CSRF header."""
from _fje_cookie_app import SECRET, show
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, jwt_required, set_access_cookies

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = "cookies"
JWTManager(app)


@app.post("/login")
def login():
    response = jsonify(msg="ok")
    set_access_cookies(response, create_access_token(identity="olivia"))
    return response


@app.route("/item", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
@jwt_required()
def item():
    return {"ok": True}


client = app.test_client()
client.post("/login")
for methods in (["POST", "PUT", "PATCH", "DELETE"], ["GET"], ["post"], [], ("PUT",)):
    app.config["JWT_CSRF_METHODS"] = methods
    results = {method: client.open("/item", method=method).status_code for method in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")}
    print(methods, results)
app.config["JWT_CSRF_METHODS"] = ["GET"]
show("GET without CSRF:", client.get("/item"))
show("GET with CSRF:", client.get("/item", headers={"X-CSRF-TOKEN": client.get_cookie("csrf_access_token").value}))
