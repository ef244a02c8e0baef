"""Setup slips: no JWTManager, no secret, outside an app context, init_app later, identity None."""
from flask import Flask
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required

SECRET = "fje-fidelity-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH"


def attempt(label, fn):
    try:
        result = fn()
        print(label, "->", type(result).__name__, result.count(".") if isinstance(result, str) else result)
    except Exception as error:
        print(label, "->", type(error).__name__, "|", error)


bare = Flask(__name__)
bare.config["JWT_SECRET_KEY"] = SECRET
with bare.app_context():
    attempt("no JWTManager", lambda: create_access_token(identity="a"))
attempt("no app context", lambda: create_access_token(identity="a"))

no_secret = Flask(__name__)
JWTManager(no_secret)
with no_secret.app_context():
    attempt("no secret", lambda: create_access_token(identity="a"))
no_secret.config["SECRET_KEY"] = SECRET
with no_secret.app_context():
    attempt("Flask SECRET_KEY", lambda: create_access_token(identity="a"))
    attempt("identity None", lambda: create_access_token(identity=None))
    attempt("identity dict", lambda: create_access_token(identity={"id": 1}))

later = Flask(__name__)
later.config["JWT_SECRET_KEY"] = SECRET
manager = JWTManager()
manager.init_app(later)
print("extension registered:", "flask-jwt-extended" in later.extensions)


@later.get("/me")
@jwt_required()
def me():
    return {"user": get_jwt_identity()}


with later.app_context():
    token = create_access_token(identity="alice")
client = later.test_client()
print(client.get("/me", headers={"Authorization": f"Bearer {token}"}).get_json())
with bare.app_context():
    pass
bare_client = bare.test_client()


@bare.get("/me")
@jwt_required()
def bare_me():
    return {"user": get_jwt_identity()}


print(bare_client.get("/me", headers={"Authorization": f"Bearer {token}"}).status_code)
