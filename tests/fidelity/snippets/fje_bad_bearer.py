"""Bearer with no token, or with more than one word after it: 422 Bad Authorization header."""
from _fje_app import make_app, show

app, _ = make_app()
client = app.test_client()
for value in ["Bearer", "Bearer ", "Bearer a b", "  Bearer  "]:
    show(client.get("/protected", headers={"Authorization": value}))
