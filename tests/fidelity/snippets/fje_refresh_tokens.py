"""Refresh tokens: refused by a plain @jwt_required() (422), required by refresh=True."""
from _fje_app import login, make_app, show
from flask_jwt_extended import create_access_token, get_jwt, get_jwt_identity, jwt_required

app, _ = make_app()


@app.post("/refresh")
@jwt_required(refresh=True)
def refresh():
    claims = get_jwt()
    return {"new_token_made": bool(create_access_token(identity=get_jwt_identity())), "type": claims["type"]}


client = app.test_client()
tokens = login(client)
show(client.get("/protected", headers={"Authorization": "Bearer " + tokens["refresh_token"]}))
show(client.post("/refresh", headers={"Authorization": "Bearer " + tokens["access_token"]}))
show(client.post("/refresh", headers={"Authorization": "Bearer " + tokens["refresh_token"]}))
show(client.get("/protected", headers={"Authorization": "Bearer " + tokens["access_token"]}))
