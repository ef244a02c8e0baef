"""create_access_token(identity=1) succeeds; PyJWT 2.10+ then refuses the token:
422 Subject must be a string. JWT_VERIFY_SUB = False lets it through."""
from _fje_app import make_app, show
from flask_jwt_extended import create_access_token, decode_token

app, _ = make_app()
client = app.test_client()
with app.app_context():
    token = create_access_token(identity=1)
print(isinstance(token, str), token.count("."))
show(client.get("/protected", headers={"Authorization": f"Bearer {token}"}))
app.config["JWT_VERIFY_SUB"] = False
show(client.get("/protected", headers={"Authorization": f"Bearer {token}"}))
with app.app_context():
    print(decode_token(token)["sub"])
