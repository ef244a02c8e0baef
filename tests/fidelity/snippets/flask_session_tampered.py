"""A session cookie that was edited, or signed with another key, gives an empty session."""
from flask import Flask, session

app = Flask(__name__)
app.secret_key = "real-key"


@app.get("/login")
def login():
    session["user"] = "alice"
    session["admin"] = False
    return "ok"


@app.get("/me")
def me():
    return {"user": session.get("user"), "admin": session.get("admin")}


client = app.test_client()
client.get("/login")
good = client.get_cookie("session").value
print(client.get("/me").json)
payload, stamp, signature = good.split(".")
client.set_cookie("session", payload + "." + stamp + "." + signature[:-2] + "AA")
print(client.get("/me").json)
client.set_cookie("session", "not-a-session")
print(client.get("/me").json)
client.set_cookie("session", good)
print(client.get("/me").json)
app.secret_key = "rotated-key"
print(client.get("/me").json)
app.config["SECRET_KEY_FALLBACKS"] = ["real-key"]
print(client.get("/me").json)
