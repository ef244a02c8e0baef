"""JWT_DECODE_LEEWAY and JWT_ENCODE_NBF; reading an FJE token with plain PyJWT."""
from datetime import timedelta

import jwt
from _fje_app import SECRET, make_app, show
from flask_jwt_extended import create_access_token, decode_token

app, _ = make_app()
client = app.test_client()
with app.app_context():
    recently_expired = create_access_token(identity="alice", expires_delta=timedelta(seconds=-30))
show(client.get("/protected", headers={"Authorization": f"Bearer {recently_expired}"}))
app.config["JWT_DECODE_LEEWAY"] = 60
show(client.get("/protected", headers={"Authorization": f"Bearer {recently_expired}"}))
app.config["JWT_DECODE_LEEWAY"] = timedelta(seconds=10)
show(client.get("/protected", headers={"Authorization": f"Bearer {recently_expired}"}))

app.config["JWT_ENCODE_NBF"] = False
with app.app_context():
    token = create_access_token(identity="alice")
    print("nbf" in decode_token(token), list(decode_token(token)))
claims = jwt.decode(token, SECRET, algorithms=["HS256"])
print(claims["type"], claims["sub"], claims["fresh"])
try:
    jwt.decode(token, SECRET[:-1], algorithms=["HS256"])
except jwt.InvalidSignatureError as error:
    print(error)
