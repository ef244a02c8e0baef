"""The classic slip: @jwt_required without parentheses."""
from _fje_app import login, make_app
from flask_jwt_extended import get_jwt_identity, jwt_required

app, _ = make_app()


@app.get("/oops")
@jwt_required
def oops():
    return {"user": get_jwt_identity()}


client = app.test_client()
token = login(client)["access_token"]
response = client.get("/oops", headers={"Authorization": f"Bearer {token}"})
print(response.status_code, response.mimetype)
print(client.get("/oops").status_code)
