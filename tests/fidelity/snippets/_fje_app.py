"""A small Flask-JWT-Extended app shared by the fje_* snippets (imported, not run on its own).

Snippets that use Flask-JWT-Extended are compared with their *.expected.txt files, written from
the reference table (and checked by hand against Flask-JWT-Extended 4.7.4): Debian has no
Flask-JWT-Extended to compare with.
"""
from flask import Flask
from flask_jwt_extended import JWTManager, create_access_token, create_refresh_token, get_jwt_identity, jwt_required

SECRET = "fje-fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH"
FAR_PAST = 1000000000
FAR_FUTURE = 4102444800


def make_app():
    app = Flask(__name__)
    app.config["JWT_SECRET_KEY"] = SECRET
    manager = JWTManager(app)

    @app.post("/login/<name>")
    def login(name):
        return {"access_token": create_access_token(identity=name), "refresh_token": create_refresh_token(identity=name)}

    @app.get("/protected")
    @jwt_required()
    def protected():
        return {"user": get_jwt_identity()}

    return app, manager


def show(response):
    """Prints what a learner would look at: status, JSON body, raw body."""
    print(response.status_code, response.status, response.get_json())
    print("  ", response.mimetype, response.data)


def login(client, name="alice"):
    return client.post("/login/" + name).get_json()
