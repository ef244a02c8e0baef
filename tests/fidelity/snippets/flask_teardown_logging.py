"""teardown_request and teardown_appcontext log every request, with the error if there was one."""
from flask import Flask, g

app = Flask(__name__)


@app.before_request
def start():
    g.log = ["start"]


@app.teardown_request
def log_request(exc):
    print("teardown_request:", type(exc).__name__ if exc else None, g.get("log"))


@app.teardown_request
def registered_second(exc):
    print("teardown_request (registered second) runs first")


@app.teardown_appcontext
def log_appcontext(exc):
    print("teardown_appcontext:", repr(exc))


@app.get("/ok")
def ok():
    g.log.append("view")
    return "fine"


@app.get("/boom")
def boom():
    g.log.append("view")
    raise ValueError("database is down")


@app.get("/handled")
def handled():
    raise KeyError("k")


@app.errorhandler(KeyError)
def on_key_error(e):
    return {"error": "missing key"}, 400


client = app.test_client()
print(client.get("/ok").status)
print(client.get("/boom").status)
print(client.get("/handled").status)
print(client.get("/nope").status)
app.testing = True
try:
    client.get("/boom")
except ValueError as error:
    print("propagated:", error)
