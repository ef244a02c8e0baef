"""A header of another type: 401 Missing 'Bearer' type in 'Authorization' header."""
from _fje_app import login, make_app, show

app, _ = make_app()
client = app.test_client()
token = login(client)["access_token"]
for value in ["Token abc", "Basic x", "bearer " + token, "JWT " + token, "Bearer " + token + ", Bearer " + token]:
    show(client.get("/protected", headers={"Authorization": value}))
# Other comma-separated fields are ignored when exactly one starts with Bearer.
show(client.get("/protected", headers={"Authorization": "Basic x, Bearer " + token}))
