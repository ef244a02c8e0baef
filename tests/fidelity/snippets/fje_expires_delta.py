"""Token lifetimes: defaults, expires_delta=timedelta or False, JWT_ACCESS_TOKEN_EXPIRES settings."""
from datetime import timedelta

from _fje_app import make_app
from flask_jwt_extended import create_access_token, create_refresh_token, decode_token


def lifetime(token):
    data = decode_token(token)
    return data["exp"] - data["iat"] if "exp" in data else "no exp"


app, _ = make_app()
with app.app_context():
    print("default access:", lifetime(create_access_token(identity="a")))
    print("default refresh:", lifetime(create_refresh_token(identity="a")))
    print("1 hour:", lifetime(create_access_token(identity="a", expires_delta=timedelta(hours=1))))
    print("False:", lifetime(create_access_token(identity="a", expires_delta=False)))
    print("refresh False:", lifetime(create_refresh_token(identity="a", expires_delta=False)))
for setting in [timedelta(minutes=5), False, 120]:
    app, _ = make_app()
    app.config["JWT_ACCESS_TOKEN_EXPIRES"] = setting
    with app.app_context():
        try:
            print("JWT_ACCESS_TOKEN_EXPIRES", repr(setting), "->", lifetime(create_access_token(identity="a")))
        except RuntimeError as error:
            print("JWT_ACCESS_TOKEN_EXPIRES", repr(setting), "->", type(error).__name__, error)
app, _ = make_app()
app.config["JWT_REFRESH_TOKEN_EXPIRES"] = timedelta(days=1)
with app.app_context():
    print("JWT_REFRESH_TOKEN_EXPIRES 1 day ->", lifetime(create_refresh_token(identity="a")))
    try:
        create_access_token(identity="a", expires_delta=300)
    except Exception as error:
        print("expires_delta=300 ->", type(error).__name__, error)
