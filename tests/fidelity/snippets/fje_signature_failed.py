"""A tampered token, or one signed with another secret: 422 Signature verification failed."""
import base64
import json

import jwt
from _fje_app import login, make_app, show

app, _ = make_app()
client = app.test_client()
token = login(client)["access_token"]
header, payload, signature = token.split(".")
claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
claims["sub"] = "admin"
forged = base64.urlsafe_b64encode(json.dumps(claims, separators=(",", ":")).encode()).rstrip(b"=").decode()
show(client.get("/protected", headers={"Authorization": f"Bearer {header}.{forged}.{signature}"}))

other = jwt.encode(claims, "a-completely-different-secret-0123456789-abcdefghijklmnopqrstuv")
show(client.get("/protected", headers={"Authorization": f"Bearer {other}"}))

# The secret is rotated on the server: every old token fails the same way.
app.config["JWT_SECRET_KEY"] = "rotated-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"
show(client.get("/protected", headers={"Authorization": f"Bearer {token}"}))
