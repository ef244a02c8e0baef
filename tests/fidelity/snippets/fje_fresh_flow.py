"""Fresh tokens: fresh=True, fresh=timedelta, a custom needs_fresh_token_loader, refresh gives non-fresh."""
from datetime import timedelta

from _fje_app import make_app, show
from flask_jwt_extended import create_access_token, create_refresh_token, get_jwt, get_jwt_identity, jwt_required

app, manager = make_app()


@manager.needs_fresh_token_loader
def need_fresh(jwt_header, jwt_payload):
    return {"msg": "please log in again", "fresh_claim": type(jwt_payload["fresh"]).__name__}, 401


@app.post("/delete-account")
@jwt_required(fresh=True)
def delete_account():
    return {"deleted": get_jwt_identity()}


@app.post("/refresh")
@jwt_required(refresh=True)
def refresh():
    return {"access_token": create_access_token(identity=get_jwt_identity(), fresh=False)}


@app.get("/fresh-claim")
@jwt_required()
def fresh_claim():
    value = get_jwt()["fresh"]
    return {"type": type(value).__name__, "in_future": value > get_jwt()["iat"] if not isinstance(value, bool) else None}


client = app.test_client()
with app.app_context():
    fresh = create_access_token(identity="alice", fresh=True)
    fresh_5min = create_access_token(identity="alice", fresh=timedelta(minutes=5))
    fresh_expired = create_access_token(identity="alice", fresh=timedelta(minutes=-5))
    refresh_token = create_refresh_token(identity="alice")
for name, token in [("fresh", fresh), ("fresh 5 min", fresh_5min), ("fresh ended", fresh_expired)]:
    print(name, end=": ")
    show(client.post("/delete-account", headers={"Authorization": f"Bearer {token}"}))
    print("  claim:", client.get("/fresh-claim", headers={"Authorization": f"Bearer {token}"}).get_json())
new = client.post("/refresh", headers={"Authorization": f"Bearer {refresh_token}"}).get_json()["access_token"]
print("refreshed", end=": ")
show(client.post("/delete-account", headers={"Authorization": f"Bearer {new}"}))
