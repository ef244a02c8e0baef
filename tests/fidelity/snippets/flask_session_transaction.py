"""client.session_transaction() prepares a logged-in session without calling /login."""
from flask import Flask, session

app = Flask(__name__)
app.secret_key = "transaction-key"


@app.get("/me")
def me():
    return {"user": session.get("user"), "visits": session.get("visits", 0)}


@app.get("/visit")
def visit():
    session["visits"] = session.get("visits", 0) + 1
    return {"visits": session["visits"]}


client = app.test_client()
with client.session_transaction() as sess:
    print(dict(sess), sess.new, sess.modified)
    sess["user"] = "alice"
print(client.get("/me").json)
client.get("/visit")
client.get("/visit")
with client.session_transaction() as sess:
    print(sorted(sess.items()))
    sess.pop("visits")
print(client.get("/me").json)
with client.session_transaction() as sess:
    sess.clear()
print(client.get("/me").json, client.get_cookie("session"))
try:
    with app.test_client(use_cookies=False).session_transaction():
        pass
except TypeError as error:
    print("TypeError:", error)
