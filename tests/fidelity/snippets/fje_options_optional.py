"""OPTIONS requests skip @jwt_required(); optional=True lets a request without a token through."""
from _fje_app import login, make_app, show
from flask import request
from flask_jwt_extended import get_jwt, get_jwt_identity, jwt_required, verify_jwt_in_request

app, _ = make_app()


@app.route("/preflight", methods=["GET", "OPTIONS"])
@jwt_required()
def preflight():
    if request.method == "OPTIONS":
        return {"preflight": "ok"}
    return {"user": get_jwt_identity()}


@app.get("/maybe")
@jwt_required(optional=True)
def maybe():
    return {"user": get_jwt_identity(), "claims": get_jwt()}


@app.get("/manual")
def manual():
    result = verify_jwt_in_request(optional=True)
    return {"found": result is not None, "user": get_jwt_identity()}


@app.get("/unprotected")
def unprotected():
    return {"user": get_jwt_identity()}


client = app.test_client()
token = login(client)["access_token"]
show(client.options("/preflight"))
show(client.get("/preflight"))
show(client.options("/protected"))
show(client.get("/maybe"))
show(client.get("/maybe", headers={"Authorization": "Bearer abc"}))
print(client.get("/maybe", headers={"Authorization": f"Bearer {token}"}).get_json()["user"])
show(client.get("/manual"))
print(client.get("/manual", headers={"Authorization": f"Bearer {token}"}).get_json())
show(client.get("/unprotected"))
