"""JWT_COOKIE_CSRF_PROTECT = False: one cookie, no csrf claim, POST needs no header."""
from _fje_cookie_app import SECRET, jar, show, show_set_cookies
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, decode_token, get_csrf_token, get_jwt, jwt_required, set_access_cookies, unset_jwt_cookies

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
app.config["JWT_COOKIE_CSRF_PROTECT"] = False
JWTManager(app)


@app.post("/login")
def login():
    response = jsonify(msg="ok")
    set_access_cookies(response, create_access_token(identity="ivan"))
    return response


@app.post("/logout")
def logout():
    response = jsonify(msg="bye")
    unset_jwt_cookies(response)
    return response


@app.post("/transfer")
@jwt_required()
def transfer():
    return {"claims": sorted(get_jwt())}


client = app.test_client()
response = client.post("/login")
show_set_cookies(response)
print("jar:", jar(client, "access_token_cookie", "csrf_access_token"))
show("POST without CSRF:", client.post("/transfer"))
show("POST with junk CSRF:", client.post("/transfer", headers={"X-CSRF-TOKEN": "junk"}))
token = client.get_cookie("access_token_cookie").value
with app.app_context():
    print("csrf in claims:", "csrf" in decode_token(token))
    try:
        get_csrf_token(token)
    except KeyError as error:
        print("get_csrf_token: KeyError", error)
response = client.post("/logout")
show_set_cookies(response)
