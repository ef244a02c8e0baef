"""No Authorization header (or an empty one): 401 Missing Authorization Header."""
from _fje_app import make_app, show

app, _ = make_app()
client = app.test_client()
show(client.get("/protected"))
show(client.get("/protected", headers={"Authorization": ""}))
show(client.get("/protected", headers={"Authorization": "   ,  "}))
show(client.get("/protected", headers={"X-Token": "abc"}))
