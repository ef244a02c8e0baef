"""The claims create_access_token writes: their order, 15 minutes by default, nbf = iat,
JWT_ACCESS_TOKEN_EXPIRES, additional claims and headers (only derived facts are printed)."""
import base64
import json
from datetime import timedelta

from _fje_app import make_app
from flask_jwt_extended import create_access_token, create_refresh_token, decode_token, get_jwt, get_jwt_header, jwt_required


def part(token, index):
    text = token.split(".")[index]
    return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


app, manager = make_app()


@app.get("/claims")
@jwt_required()
def claims():
    payload = get_jwt()
    return {"keys": list(payload), "header": get_jwt_header(), "role": payload.get("role")}


with app.app_context():
    access = create_access_token(identity="alice")
    payload = part(access, 1)
    print(part(access, 0))
    print(list(payload))
    print(payload["fresh"], payload["type"], payload["sub"], payload["nbf"] == payload["iat"])
    print(payload["exp"] - payload["iat"], len(payload["jti"]), payload["jti"].count("-"))

    refresh = part(create_refresh_token(identity="alice"), 1)
    print(list(refresh), refresh["type"], refresh["exp"] - refresh["iat"])

    fresh = part(create_access_token(identity="alice", fresh=True), 1)
    print(fresh["fresh"])
    timed = part(create_access_token(identity="alice", fresh=timedelta(minutes=5)), 1)
    print(type(timed["fresh"]).__name__, int(timed["fresh"] - timed["iat"]))

    extra = create_access_token(
        identity="alice", additional_claims={"role": "admin", "type": "custom"}, additional_headers={"kid": "k1"}
    )
    print(part(extra, 0), list(part(extra, 1)), part(extra, 1)["type"])
    print(decode_token(extra)["role"])

    no_exp = part(create_access_token(identity="alice", expires_delta=False), 1)
    print("exp" in no_exp)
    short = part(create_access_token(identity="alice", expires_delta=timedelta(seconds=30)), 1)
    print(short["exp"] - short["iat"])

app.config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(hours=1)
with app.app_context():
    hour = part(create_access_token(identity="alice"), 1)
    print(hour["exp"] - hour["iat"])
app.config["JWT_ACCESS_TOKEN_EXPIRES"] = 60
with app.app_context():
    minute = part(create_access_token(identity="alice"), 1)
    print(minute["exp"] - minute["iat"])


@manager.additional_claims_loader
def add_claims(identity):
    return {"role": "reader", "name": identity.upper()}


client = app.test_client()
with app.app_context():
    token = create_access_token(identity="bob")
print(client.get("/claims", headers={"Authorization": f"Bearer {token}"}).get_json())
