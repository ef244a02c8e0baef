"""@jwt_required(fresh=True): a non-fresh token gets 401 Fresh token required."""
from _fje_app import make_app, show
from flask_jwt_extended import create_access_token, jwt_required

app, _ = make_app()


@app.post("/change-password")
@jwt_required(fresh=True)
def change_password():
    return {"msg": "password changed"}


client = app.test_client()
with app.app_context():
    stale = create_access_token(identity="alice")
    fresh = create_access_token(identity="alice", fresh=True)
show(client.post("/change-password", headers={"Authorization": f"Bearer {stale}"}))
show(client.post("/change-password", headers={"Authorization": f"Bearer {fresh}"}))
