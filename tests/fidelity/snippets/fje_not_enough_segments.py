"""Bearer with something that is not a JWT: 422 with PyJWT's DecodeError text."""
import base64

from _fje_app import make_app, show

app, _ = make_app()
client = app.test_client()
not_json = base64.urlsafe_b64encode(b"not json").rstrip(b"=").decode()
for value in ["Bearer abc", "Bearer abc.def", "Bearer abcde.abc.abc", "Bearer " + not_json + ".e30.sig"]:
    show(client.get("/protected", headers={"Authorization": value}))
