"""Log in with cookies instead of a header: set_access_cookies, then a protected GET."""
from _fje_cookie_app import SECRET, jar, show, show_set_cookies
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, get_jwt, get_jwt_identity, get_jwt_request_location, jwt_required, set_access_cookies

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
jwt = JWTManager(app)


@app.post("/login")
def login():
    response = jsonify(msg="login successful")
    set_access_cookies(response, create_access_token(identity="alice"))
    return response


@app.get("/protected")
@jwt_required()
def protected():
    claims = get_jwt()
    return {"user": get_jwt_identity(), "where": get_jwt_request_location(), "has_csrf": "csrf" in claims, "type": claims["type"]}


client = app.test_client()
show("before login:", client.get("/protected"))
response = client.post("/login")
show("login:", response)
show_set_cookies(response)
print("jar:", jar(client, "access_token_cookie", "csrf_access_token", "refresh_token_cookie"))
cookie = client.get_cookie("access_token_cookie")
print("http_only:", cookie.http_only, "secure:", cookie.secure, "path:", cookie.path, "same_site:", cookie.same_site)
csrf = client.get_cookie("csrf_access_token")
print("csrf http_only:", csrf.http_only, "csrf path:", csrf.path)
show("with cookie:", client.get("/protected"))
show("header only:", app.test_client().get("/protected", headers={"Authorization": "Bearer " + cookie.value}))
