"""Session login and logout: the signed "session" cookie, its attributes and Vary: Cookie."""
from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "lesson-secret-key"


def describe(response):
    cookies = response.headers.getlist("Set-Cookie")
    parts = [cookie.split("; ") for cookie in cookies]
    # The signed value embeds a timestamp: show only its name and the attributes.
    return [(p[0].split("=")[0], p[0].split("=", 1)[1] == "", p[1:]) for p in parts], response.headers.get("Vary")


@app.post("/login")
def login():
    session["user"] = request.json["user"]
    session["roles"] = ["reader"]
    return jsonify(msg="welcome", user=session["user"])


@app.get("/me")
def me():
    if "user" not in session:
        return jsonify(msg="not logged in"), 401
    return jsonify(user=session["user"], roles=session.get("roles"), keys=sorted(session.keys()))


@app.get("/public")
def public():
    return "no session used"


@app.post("/logout")
def logout():
    user = session.pop("user", None)
    session.clear()
    return jsonify(msg=f"bye {user}")


client = app.test_client()
r = client.get("/me")
print(r.status, r.json, describe(r))
r = client.post("/login", json={"user": "alice"})
print(r.status, r.json, describe(r))
value = client.get_cookie("session").value
print(value.count("."), value.startswith("ey"), len(value.split(".")[-1]))
r = client.get("/me")
print(r.status, r.json, describe(r))
r = client.get("/public")
print(r.status, describe(r))
r = client.post("/logout")
print(r.status, r.json, describe(r))
print(client.get_cookie("session"))
print(client.get("/me").json)
