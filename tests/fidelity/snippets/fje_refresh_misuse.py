"""Access tokens on a refresh route and refresh tokens elsewhere; verify_type=False accepts both."""
from _fje_app import login, make_app, show
from flask_jwt_extended import create_access_token, get_jwt, get_jwt_identity, jwt_required

app, _ = make_app()


@app.post("/refresh")
@jwt_required(refresh=True)
def refresh():
    return {"access_token": create_access_token(identity=get_jwt_identity()), "from": get_jwt()["type"]}


@app.get("/any")
@jwt_required(verify_type=False)
def any_token():
    return {"type": get_jwt()["type"]}


client = app.test_client()
tokens = login(client)
access, refresh_token = tokens["access_token"], tokens["refresh_token"]
show(client.post("/refresh", headers={"Authorization": f"Bearer {access}"}))
result = client.post("/refresh", headers={"Authorization": f"Bearer {refresh_token}"})
print(result.status_code, sorted(result.get_json()), result.get_json()["from"])
show(client.get("/protected", headers={"Authorization": f"Bearer {refresh_token}"}))
print(client.get("/any", headers={"Authorization": f"Bearer {access}"}).get_json())
print(client.get("/any", headers={"Authorization": f"Bearer {refresh_token}"}).get_json())
new_access = result.get_json()["access_token"]
print(client.get("/protected", headers={"Authorization": f"Bearer {new_access}"}).get_json())
