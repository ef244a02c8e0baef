"""A logout route that revokes the token's jti; custom revoked_token_loader; skip_revocation_check."""
from _fje_app import login, make_app, show
from flask import jsonify
from flask_jwt_extended import get_jwt, jwt_required

app, manager = make_app()
blocklist = set()


@manager.token_in_blocklist_loader
def is_revoked(jwt_header, jwt_payload):
    return jwt_payload["jti"] in blocklist


@app.delete("/logout")
@jwt_required()
def logout():
    blocklist.add(get_jwt()["jti"])
    return jsonify(msg="Access token revoked")


@app.get("/status")
@jwt_required(skip_revocation_check=True)
def status():
    return {"revoked": get_jwt()["jti"] in blocklist}


client = app.test_client()
token = login(client)["access_token"]
auth = {"Authorization": f"Bearer {token}"}
show(client.get("/protected", headers=auth))
show(client.delete("/logout", headers=auth))
show(client.get("/protected", headers=auth))
show(client.delete("/logout", headers=auth))
show(client.get("/status", headers=auth))


@manager.revoked_token_loader
def revoked(jwt_header, jwt_payload):
    return {"msg": "logged out", "type": jwt_payload["type"]}, 401


show(client.get("/protected", headers=auth))
other = login(client, "bob")["access_token"]
show(client.get("/protected", headers={"Authorization": f"Bearer {other}"}))
