"""decode_token, get_unverified_jwt_headers and get_jti outside a request (app context needed)."""
from datetime import timedelta

import jwt
from _fje_app import make_app
from flask_jwt_extended import create_access_token, create_refresh_token, decode_token, get_jti, get_unverified_jwt_headers

app, _ = make_app()
with app.app_context():
    access = create_access_token(identity="alice", additional_headers={"kid": "v1"})
    refresh = create_refresh_token(identity="alice")
    expired = create_access_token(identity="alice", expires_delta=timedelta(seconds=-10))
    data = decode_token(access)
    print(list(data))
    print(data["sub"], data["type"], data["fresh"], data["exp"] - data["iat"], data["nbf"] == data["iat"])
    print(get_jti(access) == data["jti"], len(data["jti"]), len(data["csrf"]))
    print(get_unverified_jwt_headers(access))
    refresh_data = decode_token(refresh)
    print(list(refresh_data), refresh_data["exp"] - refresh_data["iat"])
    try:
        decode_token(expired)
    except jwt.ExpiredSignatureError as error:
        print("expired ->", type(error).__name__, error)
    print("allow_expired ->", decode_token(expired, allow_expired=True)["sub"])
    for name, tampered in [("last characters", access[:-2] + "xx"), ("other secret", jwt.encode({"sub": "alice"}, "another-secret-0123456789-abcdefghijklmnopqrstuvwxyz"))]:
        try:
            decode_token(tampered)
        except jwt.InvalidTokenError as error:
            print("tampered,", name, "->", type(error).__name__, error)
try:
    decode_token(access)
except RuntimeError as error:
    print("outside app context ->", str(error).splitlines()[0])
