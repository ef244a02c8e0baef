"""JWT_CSRF_CHECK_FORM: an HTML form can send the CSRF value as a field instead of a header."""
from _fje_cookie_app import SECRET, show
from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required, set_access_cookies

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
JWTManager(app)


@app.post("/login")
def login():
    response = jsonify(msg="ok")
    set_access_cookies(response, create_access_token(identity="mallory"))
    return response


@app.post("/comment")
@jwt_required()
def comment():
    return {"user": get_jwt_identity(), "text": request.form.get("text")}


client = app.test_client()
client.post("/login")
csrf = client.get_cookie("csrf_access_token").value
show("form field, check off:", client.post("/comment", data={"text": "hi", "csrf_token": csrf}))
app.config["JWT_CSRF_CHECK_FORM"] = True
show("form field, check on:", client.post("/comment", data={"text": "hi", "csrf_token": csrf}))
show("wrong form field:", client.post("/comment", data={"text": "hi", "csrf_token": "nope"}))
show("empty form field:", client.post("/comment", data={"text": "hi", "csrf_token": ""}))
show("no form field:", client.post("/comment", data={"text": "hi"}))
show("header wins over a wrong field:", client.post("/comment", data={"text": "hi", "csrf_token": "nope"}, headers={"X-CSRF-TOKEN": csrf}))
show("wrong header, right field:", client.post("/comment", data={"text": "hi", "csrf_token": csrf}, headers={"X-CSRF-TOKEN": "nope"}))
show("JSON body field is not read:", client.post("/comment", json={"csrf_token": csrf}))
show("query string is not read:", client.post("/comment?csrf_token=" + csrf))
app.config["JWT_ACCESS_CSRF_FIELD_NAME"] = "_csrf"
show("renamed field, old name:", client.post("/comment", data={"text": "hi", "csrf_token": csrf}))
show("renamed field, new name:", client.post("/comment", data={"text": "hi", "_csrf": csrf}))
