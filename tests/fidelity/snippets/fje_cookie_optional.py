"""optional=True with cookies: no cookie is fine, but a missing CSRF header is still refused."""
from _fje_cookie_app import SECRET, show
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, get_jwt, get_jwt_identity, jwt_required, set_access_cookies

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
JWTManager(app)


@app.post("/login")
def login():
    response = jsonify(msg="ok")
    set_access_cookies(response, create_access_token(identity="quinn"))
    return response


@app.route("/feed", methods=["GET", "POST"])
@jwt_required(optional=True)
def feed():
    return {"user": get_jwt_identity(), "claims": len(get_jwt())}


client = app.test_client()
show("GET anonymous:", client.get("/feed"))
show("POST anonymous:", client.post("/feed"))
client.post("/login")
show("GET logged in:", client.get("/feed"))
show("POST logged in, no CSRF:", client.post("/feed"))
show("POST logged in, wrong CSRF:", client.post("/feed", headers={"X-CSRF-TOKEN": "x"}))
show("POST logged in, CSRF:", client.post("/feed", headers={"X-CSRF-TOKEN": client.get_cookie("csrf_access_token").value}))
client.set_cookie("access_token_cookie", "")
show("POST with an empty cookie:", client.post("/feed"))
client.set_cookie("access_token_cookie", "not.a.jwt")
show("GET with a junk cookie:", client.get("/feed"))
show("POST with a junk cookie, CSRF:", client.post("/feed", headers={"X-CSRF-TOKEN": "x"}))
