"""Session cookies by default; JWT_SESSION_COOKIE = False and max_age= give Max-Age."""
from datetime import timedelta

from _fje_cookie_app import SECRET, show_set_cookies
from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, create_refresh_token, set_access_cookies, set_refresh_cookies

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
JWTManager(app)


@app.post("/login")
def login():
    args = request.get_json()
    response = jsonify(msg="ok")
    set_access_cookies(response, create_access_token(identity="liz"), max_age=args.get("max_age"), domain=args.get("domain"))
    set_refresh_cookies(response, create_refresh_token(identity="liz"), max_age=args.get("max_age"))
    return response


client = app.test_client()
print("default (session cookies):")
show_set_cookies(client.post("/login", json={}))
print("max_age=60:")
show_set_cookies(client.post("/login", json={"max_age": 60}))
print("max_age=0 (falls back):")
show_set_cookies(client.post("/login", json={"max_age": 0}))
print("domain=example.org:")
show_set_cookies(client.post("/login", json={"domain": "example.org"}))
app.config["JWT_SESSION_COOKIE"] = False
print("JWT_SESSION_COOKIE = False:")
show_set_cookies(client.post("/login", json={}))
cookie = client.get_cookie("access_token_cookie")
print("jar max_age:", cookie.max_age)
print("JWT_SESSION_COOKIE = False, max_age=120:")
show_set_cookies(client.post("/login", json={"max_age": 120}))
app.config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(hours=1)
print("longer tokens do not change the cookies:")
show_set_cookies(client.post("/login", json={}))
