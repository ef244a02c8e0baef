"""A cookie set at login is read on later requests and removed at logout."""
from flask import Flask, jsonify, make_response, request

app = Flask(__name__)


def show(response):
    for header in response.headers.getlist("Set-Cookie"):
        print("   Set-Cookie:", header)


@app.post("/login")
def login():
    response = jsonify(msg="logged in")
    response.set_cookie("user", request.json["user"], httponly=True, samesite="Strict")
    response.set_cookie("theme", "dark mode; big", path="/")
    response.set_cookie("lang", "fr", path="/settings")
    return response


@app.get("/me")
def me():
    return {"cookies": request.cookies.to_dict(), "user": request.cookies.get("user")}


@app.get("/settings/lang")
def lang():
    return {"lang": request.cookies.get("lang"), "all": sorted(request.cookies)}


@app.post("/logout")
def logout():
    response = make_response({"msg": "bye"})
    response.delete_cookie("user")
    response.delete_cookie("lang", path="/settings")
    return response


client = app.test_client()
print(client.get("/me").json)
response = client.post("/login", json={"user": "alice"})
print(response.status)
show(response)
print(client.get("/me").json)
print(client.get("/settings/lang").json)
response = client.post("/logout")
show(response)
print(client.get("/me").json)
print(client.get("/settings/lang").json)
