"""Flask's tagged JSON keeps tuples, bytes, datetimes and UUIDs in the session."""
import uuid
from datetime import datetime, timezone

from flask import Flask, session
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSessionInterface

serializer = TaggedJSONSerializer()
value = {
    "t": (1, 2),
    "b": b"\x00bytes",
    "d": datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
    "u": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "nested": {" t": "looks like a tag"},
    "list": [(3,), {"k": b"v"}],
}
text = serializer.dumps(value)
print(text)
back = serializer.loads(text)
print(back == value, {k: type(v).__name__ for k, v in sorted(back.items())})

app = Flask(__name__)
app.secret_key = "tags"


@app.get("/store")
def store():
    session.update(value)
    return "stored"


@app.get("/load")
def load():
    return {k: repr(session[k]) for k in sorted(value)}


client = app.test_client()
client.get("/store")
for key, shown in client.get("/load").json.items():
    print(key, shown)
interface = SecureCookieSessionInterface()
signer = interface.get_signing_serializer(app)
print(type(signer).__name__, signer.salt, interface.key_derivation, interface.salt)
print(signer.loads(client.get_cookie("session").value)["t"])
print(interface.get_signing_serializer(Flask("no_key")))
