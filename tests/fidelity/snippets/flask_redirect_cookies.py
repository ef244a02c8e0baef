"""Cookies set by a redirect are sent to the page it redirects to (follow_redirects=True)."""
from flask import Flask, redirect, request

app = Flask(__name__)


@app.post("/login")
def login():
    response = redirect("/dashboard?welcome=1")
    response.set_cookie("token", "t-123", httponly=True)
    return response


@app.get("/dashboard")
def dashboard():
    return {"token": request.cookies.get("token"), "args": request.args.to_dict(), "method": request.method}


@app.post("/keep")
def keep():
    return redirect("/echo", code=307)


@app.post("/echo")
def echo():
    return {"body": request.get_json(silent=True), "auth": request.headers.get("Authorization"), "cookie": request.headers.get("Cookie")}


@app.get("/external")
def external():
    return redirect("https://example.com/x")


client = app.test_client()
r = client.post("/login", follow_redirects=True)
print(r.status, r.json, [h.status for h in r.history], r.request.path)
r = client.post("/keep", json={"a": 1}, headers={"Authorization": "Bearer x"}, follow_redirects=True)
print(r.status, r.json, r.request.method)
try:
    client.get("/external", follow_redirects=True)
except RuntimeError as error:
    print("RuntimeError:", error)
