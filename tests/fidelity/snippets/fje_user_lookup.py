"""user_identity_loader + user_lookup_loader: objects in, objects out through current_user."""
from _fje_app import SECRET, show
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, current_user, get_current_user, get_jwt_identity, jwt_required


class User:
    def __init__(self, id, name):
        self.id, self.name = id, name


users = {"1": User("1", "alice"), "2": User("2", "bob")}
app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = SECRET
manager = JWTManager(app)


@manager.user_identity_loader
def identity_of(user):
    return user.id


@manager.user_lookup_loader
def lookup(jwt_header, jwt_data):
    return users.get(jwt_data["sub"])


@app.get("/me")
@jwt_required()
def me():
    return jsonify(identity=get_jwt_identity(), name=current_user.name, same=get_current_user() is current_user._get_current_object())


client = app.test_client()
with app.app_context():
    alice = create_access_token(identity=users["1"])
    bob = create_access_token(identity=users["2"])
show(client.get("/me", headers={"Authorization": f"Bearer {alice}"}))
del users["2"]
show(client.get("/me", headers={"Authorization": f"Bearer {bob}"}))


@manager.user_lookup_error_loader
def gone(jwt_header, jwt_data):
    return {"msg": f"user {jwt_data['sub']} was deleted"}, 404


show(client.get("/me", headers={"Authorization": f"Bearer {bob}"}))
