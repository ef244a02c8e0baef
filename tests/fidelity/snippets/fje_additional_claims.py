"""additional_claims_loader and additional_claims: merged into the token, read with get_jwt()."""
from _fje_app import make_app, show
from flask_jwt_extended import create_access_token, get_jwt, jwt_required

app, manager = make_app()


@manager.additional_claims_loader
def add_claims(identity):
    return {"role": "admin" if identity == "root" else "user", "aud_hint": identity.upper()}


@app.get("/claims")
@jwt_required()
def claims():
    data = get_jwt()
    return {"keys": sorted(data), "role": data["role"], "hint": data["aud_hint"], "extra": data.get("extra")}


client = app.test_client()
with app.app_context():
    plain = create_access_token(identity="alice")
    root = create_access_token(identity="root")
    extra = create_access_token(identity="bob", additional_claims={"extra": [1, 2], "role": "editor"})
for token in (plain, root, extra):
    show(client.get("/claims", headers={"Authorization": f"Bearer {token}"}))
