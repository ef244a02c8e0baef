"""JWT_IDENTITY_CLAIM, JWT_ERROR_MESSAGE_KEY, JWT_ALGORITHM, issuer and audience settings."""
from _fje_app import login, make_app, show
from flask_jwt_extended import decode_token, get_jwt

app, _ = make_app()
app.config.update(
    JWT_IDENTITY_CLAIM="user_id",
    JWT_ERROR_MESSAGE_KEY="error",
    JWT_ALGORITHM="HS512",
    JWT_ENCODE_ISSUER="course-api",
    JWT_DECODE_ISSUER="course-api",
    JWT_ENCODE_AUDIENCE=["web", "mobile"],
    JWT_DECODE_AUDIENCE="web",
)
client = app.test_client()
token = login(client)["access_token"]
with app.app_context():
    data = decode_token(token)
print(sorted(data), data["user_id"], data["iss"], data["aud"])
import jwt

print(jwt.get_unverified_header(token))
show(client.get("/protected", headers={"Authorization": f"Bearer {token}"}))
show(client.get("/protected"))
app.config["JWT_DECODE_AUDIENCE"] = "desktop"
show(client.get("/protected", headers={"Authorization": f"Bearer {token}"}))
app.config["JWT_DECODE_AUDIENCE"] = "web"
app.config["JWT_DECODE_ISSUER"] = "someone-else"
show(client.get("/protected", headers={"Authorization": f"Bearer {token}"}))
app.config["JWT_DECODE_ISSUER"] = "course-api"
app.config["JWT_DECODE_ALGORITHMS"] = ["HS256"]
show(client.get("/protected", headers={"Authorization": f"Bearer {token}"}))
