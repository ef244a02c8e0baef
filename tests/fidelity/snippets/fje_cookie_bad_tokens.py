"""Expired, tampered and foreign cookies, and a token without a csrf claim on a POST."""
from datetime import timedelta

import jwt as pyjwt
from _fje_cookie_app import SECRET, show
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, create_refresh_token, jwt_required, set_access_cookies

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
JWTManager(app)


@app.route("/me", methods=["GET", "POST"])
@jwt_required()
def me():
    return {"ok": True}


client = app.test_client()
with app.app_context():
    expired = create_access_token(identity="rupert", expires_delta=timedelta(seconds=-10))
    good = create_access_token(identity="rupert")
    refresh = create_refresh_token(identity="rupert")

client.set_cookie("access_token_cookie", expired)
show("expired GET:", client.get("/me"))
show("expired POST, no CSRF:", client.post("/me"))
show("expired POST, wrong CSRF:", client.post("/me", headers={"X-CSRF-TOKEN": "x"}))

client.set_cookie("access_token_cookie", good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB"))
show("tampered GET:", client.get("/me"))

client.set_cookie("access_token_cookie", refresh)
show("refresh token as access cookie:", client.get("/me"))

no_csrf = pyjwt.encode({"sub": "rupert", "type": "access"}, SECRET, algorithm="HS256")
client.set_cookie("access_token_cookie", no_csrf)
show("no csrf claim, GET:", client.get("/me"))
show("no csrf claim, POST with header:", client.post("/me", headers={"X-CSRF-TOKEN": "anything"}))

other = pyjwt.encode({"sub": "rupert", "csrf": "abc"}, "another-secret-0123456789-0123456789-xyz", algorithm="HS256")
client.set_cookie("access_token_cookie", other)
show("other secret, POST wrong CSRF:", client.post("/me", headers={"X-CSRF-TOKEN": "x"}))
same = pyjwt.encode({"sub": "rupert", "csrf": "abc"}, SECRET, algorithm="HS256")
client.set_cookie("access_token_cookie", same)
show("hand-made, POST CSRF abc:", client.post("/me", headers={"X-CSRF-TOKEN": "abc"}))
show("hand-made, POST CSRF abd:", client.post("/me", headers={"X-CSRF-TOKEN": "abd"}))
