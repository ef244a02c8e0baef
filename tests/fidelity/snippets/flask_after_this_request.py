"""after_this_request changes only the response of the request that asked for it."""
from flask import Flask, after_this_request

app = Flask(__name__)


@app.after_request
def app_wide(response):
    response.headers.add("X-Trace", "app")
    return response


@app.get("/login")
def login():
    @after_this_request
    def remember(response):
        response.set_cookie("remember_me", "1")
        response.headers.add("X-Trace", "this-request")
        return response

    return "logged in"


@app.get("/other")
def other():
    return "other"


client = app.test_client()
r = client.get("/login")
print(r.headers.getlist("X-Trace"), r.headers.get("Set-Cookie"))
r = client.get("/other")
print(r.headers.getlist("X-Trace"), r.headers.get("Set-Cookie"))
try:
    after_this_request(lambda response: response)
except RuntimeError as error:
    print("RuntimeError:", error)
