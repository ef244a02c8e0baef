"""JWT_COOKIE_SECURE, JWT_COOKIE_SAMESITE and JWT_COOKIE_DOMAIN on the Set-Cookie headers."""
from _fje_cookie_app import SECRET, show, show_set_cookies
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, create_refresh_token, jwt_required, set_access_cookies, set_refresh_cookies, unset_jwt_cookies


def make_app(**settings):
    app = Flask(__name__)
    app.config["JWT_SECRET_KEY"] = SECRET
    app.config["JWT_TOKEN_LOCATION"] = ["cookies"]
    app.config.update(settings)
    JWTManager(app)

    @app.post("/login")
    def login():
        response = jsonify(msg="ok")
        set_access_cookies(response, create_access_token(identity="ken"))
        set_refresh_cookies(response, create_refresh_token(identity="ken"))
        return response

    @app.post("/logout")
    def logout():
        response = jsonify(msg="bye")
        unset_jwt_cookies(response)
        return response

    @app.get("/me")
    @jwt_required()
    def me():
        return {"ok": True}

    return app


for settings in (
    {"JWT_COOKIE_SECURE": True},
    {"JWT_COOKIE_SAMESITE": "Strict"},
    {"JWT_COOKIE_SAMESITE": "Lax", "JWT_COOKIE_SECURE": True},
    {"JWT_COOKIE_SAMESITE": "None", "JWT_COOKIE_SECURE": True},
    {"JWT_COOKIE_DOMAIN": "example.com"},
):
    print(settings)
    app = make_app(**settings)
    client = app.test_client()
    response = client.post("/login")
    show_set_cookies(response)
    cookie = client.get_cookie("access_token_cookie")
    print("   in jar:", cookie is not None, "secure:", cookie and cookie.secure, "same_site:", cookie and cookie.same_site)
    show("   GET /me:", client.get("/me"))
    show_set_cookies(client.post("/logout", headers={"X-CSRF-TOKEN": "x"}))

app = make_app(JWT_COOKIE_DOMAIN="example.com")
client = app.test_client()
client.post("/login", base_url="http://api.example.com")
print("domain cookie kept:", client.get_cookie("access_token_cookie", domain="example.com") is not None)
show("GET /me on api.example.com:", client.get("/me", base_url="http://api.example.com"))
show("GET /me on localhost:", client.get("/me"))
