"""Writing to the session without a SECRET_KEY fails; reading it gives an empty session."""
from flask import Flask, session

app = Flask(__name__)


@app.get("/read")
def read():
    return {"user": session.get("user"), "empty": len(session) == 0, "type": type(session._get_current_object()).__name__}


@app.get("/write")
def write():
    session["user"] = "alice"
    return "saved"


client = app.test_client()
print(client.get("/read").json)
print(client.get("/write").status)
app.testing = True
try:
    client.get("/write")
except RuntimeError as error:
    print("RuntimeError:", error)
app.secret_key = "now-set"
print(client.get("/write").status, client.get_cookie("session") is not None)
print(client.get("/read").json)
try:
    session.get("user")
except RuntimeError as error:
    print("outside a request:", str(error).splitlines()[0])
