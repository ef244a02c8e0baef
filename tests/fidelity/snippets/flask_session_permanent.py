"""session.permanent adds an Expires to the cookie; session.modified says when Flask writes it."""
from datetime import timedelta

from flask import Flask, session

app = Flask(__name__)
app.secret_key = "k"
app.permanent_session_lifetime = timedelta(minutes=5)


def attributes(response):
    header = response.headers.get("Set-Cookie")
    if header is None:
        return None
    return sorted(part.split("=")[0] for part in header.split("; ")[1:])


@app.get("/login")
def login():
    session.permanent = True
    session["user"] = "alice"
    return {"modified": session.modified, "permanent": session.permanent, "new": session.new}


@app.get("/look")
def look():
    return {"modified": session.modified, "accessed": session.accessed, "permanent": session.permanent}


@app.get("/mutate")
def mutate():
    session["cart"] = []
    session.modified = False
    session["cart"].append("x")
    return {"modified": session.modified}


@app.get("/temporary")
def temporary():
    session.permanent = False
    return {"keys": sorted(session)}


client = app.test_client()
r = client.get("/login")
print(r.json, attributes(r), r.headers.get("Vary"))
r = client.get("/look")
print(r.json, attributes(r))
app.config["SESSION_REFRESH_EACH_REQUEST"] = False
r = client.get("/look")
print(r.json, attributes(r))
r = client.get("/mutate")
print(r.json, attributes(r))
r = client.get("/temporary")
print(r.json, attributes(r))
r = client.get("/look")
print(r.json, attributes(r))
