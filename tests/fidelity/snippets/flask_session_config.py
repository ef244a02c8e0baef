"""SESSION_COOKIE_* settings change the session cookie's name and attributes."""
from flask import Flask, session

app = Flask(__name__)
app.config.update(
    SECRET_KEY="config-secret",
    SESSION_COOKIE_NAME="auth_session",
    SESSION_COOKIE_SAMESITE="Lax",
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=False,
    SESSION_COOKIE_PATH="/app",
    SESSION_COOKIE_PARTITIONED=True,
)


@app.get("/app/login")
def login():
    session["user"] = "alice"
    return "ok"


@app.get("/app/me")
def me():
    return {"user": session.get("user")}


@app.get("/elsewhere")
def elsewhere():
    return {"user": session.get("user")}


client = app.test_client()
header = client.get("/app/login").headers["Set-Cookie"]
name = header.split("=")[0]
print(name, header.split("; ")[1:])
print(client.get_cookie("auth_session"), client.get_cookie("auth_session", path="/app").secure)
print(client.get("https://localhost/app/me").json)
print(client.get("/elsewhere").json)
app.config.update(SESSION_COOKIE_DOMAIN="localhost", SESSION_COOKIE_PATH=None, APPLICATION_ROOT="/", SESSION_COOKIE_PARTITIONED=False)
other = app.test_client()
header = other.get("/app/login").headers["Set-Cookie"]
print(header.split("; ")[1:])
