"""JWT_SECRET_KEY, else Flask's SECRET_KEY; neither: a RuntimeError (a 500 inside a view)."""
import jwt
from flask import Flask
from flask_jwt_extended import JWTManager, create_access_token

app = Flask(__name__)
app.config["SECRET_KEY"] = "flask-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"
JWTManager(app)
with app.app_context():
    token = create_access_token(identity="alice")
print(jwt.decode(token, "flask-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ", algorithms=["HS256"])["sub"])

app.config["JWT_SECRET_KEY"] = "jwt-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKL"
with app.app_context():
    token = create_access_token(identity="alice")
print(jwt.decode(token, "jwt-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKL", algorithms=["HS256"])["sub"])

bare = Flask(__name__)
JWTManager(bare)


@bare.post("/login")
def login():
    return {"access_token": create_access_token(identity="alice")}


with bare.app_context():
    try:
        create_access_token(identity="alice")
    except RuntimeError as error:
        print("RuntimeError:", error)
print(bare.test_client().post("/login").status)

try:
    create_access_token(identity="alice")
except RuntimeError as error:
    print("RuntimeError:", str(error).splitlines()[0])

no_manager = Flask(__name__)
with no_manager.app_context():
    try:
        create_access_token(identity="alice")
    except RuntimeError as error:
        print("RuntimeError:", error)
