"""token_in_blocklist_loader: a revoked token gets 401 Token has been revoked."""
from _fje_app import login, make_app, show
from flask_jwt_extended import get_jwt, jwt_required

app, manager = make_app()
BLOCKLIST = set()


@manager.token_in_blocklist_loader
def is_revoked(jwt_header, jwt_payload):
    return jwt_payload["jti"] in BLOCKLIST


@app.delete("/logout")
@jwt_required()
def logout():
    BLOCKLIST.add(get_jwt()["jti"])
    return {"msg": "Access token revoked"}


client = app.test_client()
headers = {"Authorization": "Bearer " + login(client)["access_token"]}
show(client.get("/protected", headers=headers))
show(client.delete("/logout", headers=headers))
show(client.get("/protected", headers=headers))
show(client.delete("/logout", headers=headers))
