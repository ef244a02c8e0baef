"""unauthorized_loader and invalid_token_loader replace the default responses."""
from _fje_app import make_app, show

app, manager = make_app()


@manager.unauthorized_loader
def unauthorized(reason):
    return {"error": "login required", "reason": reason}, 401


@manager.invalid_token_loader
def invalid(reason):
    return {"error": "bad token", "reason": reason}, 400


client = app.test_client()
show(client.get("/protected"))
show(client.get("/protected", headers={"Authorization": "Token x"}))
show(client.get("/protected", headers={"Authorization": "Bearer abc"}))
show(client.get("/protected", headers={"Authorization": "Bearer"}))
