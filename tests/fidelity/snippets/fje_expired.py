"""exp passed: 401 Token has expired (default callback, then a custom expired_token_loader)."""
from datetime import timedelta

import jwt
from _fje_app import FAR_PAST, SECRET, make_app, show
from flask_jwt_extended import create_access_token

app, manager = make_app()
client = app.test_client()
expired = jwt.encode({"sub": "alice", "type": "access", "exp": FAR_PAST}, SECRET)
show(client.get("/protected", headers={"Authorization": f"Bearer {expired}"}))

with app.app_context():
    already_expired = create_access_token("alice", expires_delta=timedelta(seconds=-10))
show(client.get("/protected", headers={"Authorization": f"Bearer {already_expired}"}))


@manager.expired_token_loader
def expired_callback(jwt_header, jwt_payload):
    return {"msg": "Please log in again", "who": jwt_payload["sub"], "alg": jwt_header["alg"]}, 401


show(client.get("/protected", headers={"Authorization": f"Bearer {expired}"}))
