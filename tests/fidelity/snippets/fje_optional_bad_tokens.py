"""jwt_required(optional=True): no token passes, but a bad or expired token still fails."""
from datetime import timedelta

from _fje_app import make_app, show
from flask_jwt_extended import create_access_token, get_jwt_identity, jwt_required

app, _ = make_app()


@app.get("/feed")
@jwt_required(optional=True)
def feed():
    return {"user": get_jwt_identity(), "personalised": get_jwt_identity() is not None}


client = app.test_client()
with app.app_context():
    good = create_access_token(identity="alice")
    expired = create_access_token(identity="alice", expires_delta=timedelta(seconds=-1))
for headers in [
    {},
    {"Authorization": f"Bearer {good}"},
    {"Authorization": f"Bearer {expired}"},
    {"Authorization": "Bearer not-a-token"},
    {"Authorization": "Basic dXNlcjpwYXNz"},
    {"Authorization": "Bearer"},
    {"Authorization": f"Bearer {good[:-3]}abc"},
]:
    print(list(headers.values())[0][:12] if headers else "(none)", end=" ")
    show(client.get("/feed", headers=headers))
