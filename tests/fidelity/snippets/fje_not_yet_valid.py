"""nbf (or iat) in the future: 422 The token is not yet valid."""
import jwt
from _fje_app import FAR_FUTURE, SECRET, make_app, show

app, _ = make_app()
client = app.test_client()
for claims in ({"sub": "alice", "nbf": FAR_FUTURE}, {"sub": "alice", "iat": FAR_FUTURE}):
    token = jwt.encode(claims, SECRET)
    show(client.get("/protected", headers={"Authorization": f"Bearer {token}"}))

# A token FJE did not make still works if it has a sub (type defaults to access).
plain = jwt.encode({"sub": "carol"}, SECRET)
show(client.get("/protected", headers={"Authorization": f"Bearer {plain}"}))
# Without sub: 422 Missing claim: sub.
no_sub = jwt.encode({"user": "carol"}, SECRET)
show(client.get("/protected", headers={"Authorization": f"Bearer {no_sub}"}))
