"""JWT_CSRF_IN_COOKIES = False: no CSRF cookie; the page gets the value from the JSON body."""
from _fje_cookie_app import SECRET, jar, show, show_set_cookies
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, get_csrf_token, get_jwt_identity, jwt_required, set_access_cookies, unset_access_cookies

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
app.config["JWT_CSRF_IN_COOKIES"] = False
JWTManager(app)


@app.post("/login")
def login():
    token = create_access_token(identity="judy")
    response = jsonify(csrf=get_csrf_token(token))
    set_access_cookies(response, token)
    return response


@app.post("/logout")
def logout():
    response = jsonify(msg="bye")
    unset_access_cookies(response)
    return response


@app.post("/post")
@jwt_required()
def post():
    return {"user": get_jwt_identity()}


client = app.test_client()
response = client.post("/login")
print("login:", response.status_code, sorted(response.get_json()))
show_set_cookies(response)
print("jar:", jar(client, "access_token_cookie", "csrf_access_token"))
csrf = response.get_json()["csrf"]
show("POST without CSRF:", client.post("/post"))
show("POST with the body's CSRF:", client.post("/post", headers={"X-CSRF-TOKEN": csrf}))
response = client.post("/logout", headers={"X-CSRF-TOKEN": csrf})
show("logout:", response)
show_set_cookies(response)
print("jar:", jar(client, "access_token_cookie"))
