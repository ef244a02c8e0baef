"""additional_headers_loader and additional_headers, read back with get_jwt_header()."""
from _fje_app import make_app
from flask_jwt_extended import create_access_token, get_jwt_header, jwt_required

app, manager = make_app()


@manager.additional_headers_loader
def headers(identity):
    return {"kid": f"key-for-{identity}"}


@app.get("/header")
@jwt_required()
def header():
    return get_jwt_header()


client = app.test_client()
with app.app_context():
    a = create_access_token(identity="alice")
    b = create_access_token(identity="bob", additional_headers={"x-team": "blue", "kid": "override"})
    try:
        create_access_token(identity="carol", additional_headers={"kid": 7})
    except Exception as error:
        print("kid 7 ->", type(error).__name__, error)
print(client.get("/header", headers={"Authorization": f"Bearer {a}"}).get_json())
print(client.get("/header", headers={"Authorization": f"Bearer {b}"}).get_json())
