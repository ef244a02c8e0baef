"""JWT_TOKEN_LOCATION with headers and cookies: the combined error, and which one wins."""
from _fje_cookie_app import SECRET, show
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, get_jwt_request_location, jwt_required, set_access_cookies


def make_app(locations):
    app = Flask(__name__)
    app.config["JWT_SECRET_KEY"] = SECRET
    app.config["JWT_TOKEN_LOCATION"] = locations
    JWTManager(app)

    @app.post("/login/<name>")
    def login(name):
        token = create_access_token(identity=name)
        response = jsonify(access_token=token)
        set_access_cookies(response, token)
        return response

    @app.route("/me", methods=["GET", "POST"])
    @jwt_required()
    def me():
        return {"user": get_jwt_identity(), "where": get_jwt_request_location()}

    return app


for locations in (["headers", "cookies"], ["cookies", "headers"], ("cookies", "headers", "query_string", "json")):
    print("JWT_TOKEN_LOCATION =", locations)
    app = make_app(locations)
    client = app.test_client()
    show("  no token:", client.get("/me"))
    show("  no token, POST json:", client.post("/me", json={}))
    header_token = client.post("/login/erin").get_json()["access_token"]
    client.post("/login/frank")
    show("  cookie only:", client.get("/me"))
    show("  header and cookie:", client.get("/me", headers={"Authorization": "Bearer " + header_token}))
    show("  POST, header and cookie, no CSRF:", client.post("/me", headers={"Authorization": "Bearer " + header_token}))
    show("  header, bad type:", app.test_client().get("/me", headers={"Authorization": "Token abc"}))
