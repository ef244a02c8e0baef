"""Custom expired_token_loader and the token_verification_loader / failed loaders."""
from datetime import timedelta

from _fje_app import make_app, show
from flask_jwt_extended import create_access_token

app, manager = make_app()


@manager.expired_token_loader
def expired(jwt_header, jwt_payload):
    return {"error": "token_expired", "sub": jwt_payload["sub"], "alg": jwt_header["alg"]}, 401


@manager.token_verification_loader
def verify_claims(jwt_header, jwt_data):
    return jwt_data["sub"] != "mallory"


client = app.test_client()
with app.app_context():
    old = create_access_token(identity="alice", expires_delta=timedelta(seconds=-5))
    mallory = create_access_token(identity="mallory")
    alice = create_access_token(identity="alice")
show(client.get("/protected", headers={"Authorization": f"Bearer {old}"}))
show(client.get("/protected", headers={"Authorization": f"Bearer {mallory}"}))
show(client.get("/protected", headers={"Authorization": f"Bearer {alice}"}))


@manager.token_verification_failed_loader
def failed(jwt_header, jwt_data):
    return {"msg": f"{jwt_data['sub']} is not allowed"}, 403


show(client.get("/protected", headers={"Authorization": f"Bearer {mallory}"}))
