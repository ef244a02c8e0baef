"""A POST with a cookie token needs the CSRF double submit header: missing, wrong, right."""
from _fje_cookie_app import SECRET, show
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, get_csrf_token, get_jwt_identity, jwt_required, set_access_cookies

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
JWTManager(app)


@app.post("/login")
def login():
    response = jsonify(msg="ok")
    set_access_cookies(response, create_access_token(identity="bob"))
    return response


@app.route("/notes", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
@jwt_required()
def notes():
    return {"user": get_jwt_identity()}


client = app.test_client()
client.post("/login")
csrf = client.get_cookie("csrf_access_token").value
token = client.get_cookie("access_token_cookie").value
with app.app_context():
    print("get_csrf_token(token) == cookie:", get_csrf_token(token) == csrf)
show("GET, no header:", client.get("/notes"))
show("POST, no header:", client.post("/notes"))
show("POST, wrong header:", client.post("/notes", headers={"X-CSRF-TOKEN": "not-the-token"}))
show("POST, empty header:", client.post("/notes", headers={"X-CSRF-TOKEN": ""}))
show("POST, right header:", client.post("/notes", headers={"X-CSRF-TOKEN": csrf}))
show("POST, lower-case header name:", client.post("/notes", headers={"x-csrf-token": csrf}))
for method in ("put", "patch", "delete"):
    show(method.upper() + " no header:", getattr(client, method)("/notes"))
    show(method.upper() + " right header:", getattr(client, method)("/notes", headers={"X-CSRF-TOKEN": csrf}))
show("OPTIONS:", client.options("/notes"))
