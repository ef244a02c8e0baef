"""current_user without a user_lookup_loader: the view fails (500) and says why when called directly."""
from _fje_app import login, make_app
from flask_jwt_extended import current_user, get_current_user, jwt_required

app, _ = make_app()


@app.get("/who")
@jwt_required()
def who():
    return {"name": current_user.name}


@app.get("/direct")
@jwt_required()
def direct():
    try:
        get_current_user()
    except RuntimeError as error:
        return {"error": str(error)}
    return {"error": None}


client = app.test_client()
token = login(client)["access_token"]
print(client.get("/who", headers={"Authorization": f"Bearer {token}"}).status)
print(client.get("/direct", headers={"Authorization": f"Bearer {token}"}).get_json())
