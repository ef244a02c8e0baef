"""The documented implicit refresh: an after_request hook renews a cookie close to expiry."""
from datetime import datetime, timedelta, timezone

from _fje_cookie_app import SECRET, show, show_set_cookies
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, get_jwt, get_jwt_identity, jwt_required, set_access_cookies, unset_jwt_cookies

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
app.config["JWT_COOKIE_SECURE"] = False
app.config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(hours=1)
JWTManager(app)


@app.after_request
def refresh_expiring_jwts(response):
    try:
        exp_timestamp = get_jwt()["exp"]
        now = datetime.now(timezone.utc)
        target_timestamp = datetime.timestamp(now + timedelta(minutes=30))
        if target_timestamp > exp_timestamp:
            access_token = create_access_token(identity=get_jwt_identity())
            set_access_cookies(response, access_token)
        return response
    except (RuntimeError, KeyError):
        # Case where there is not a valid JWT. Just return the original response
        return response


@app.post("/login/<int:minutes>")
def login(minutes):
    response = jsonify({"msg": "login successful"})
    set_access_cookies(response, create_access_token(identity="niaj", expires_delta=timedelta(minutes=minutes)))
    return response


@app.post("/logout")
def logout():
    response = jsonify({"msg": "logout successful"})
    unset_jwt_cookies(response)
    return response


@app.get("/protected")
@jwt_required()
def protected():
    return jsonify(foo="bar")


@app.get("/public")
def public():
    return jsonify(hello="world")


client = app.test_client()
response = client.post("/login/120")
show("login for 2 hours:", response)
show_set_cookies(response)
old = client.get_cookie("access_token_cookie").value
response = client.get("/protected")
show("protected:", response)
show_set_cookies(response)
print("cookie renewed:", client.get_cookie("access_token_cookie").value != old)

client.post("/login/10")
old = client.get_cookie("access_token_cookie").value
response = client.get("/protected")
show("protected, 10 minutes left:", response)
show_set_cookies(response)
print("cookie renewed:", client.get_cookie("access_token_cookie").value != old)

response = client.get("/public")
show("public:", response)
show_set_cookies(response)
response = client.post("/logout")
show("logout:", response)
show_set_cookies(response)
response = client.get("/protected")
show("protected after logout:", response)
show_set_cookies(response)
