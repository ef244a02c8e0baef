"""use_cookies=False: no jar; and with a jar, a hand-written Cookie header is replaced by it."""
from flask import Flask, request

app = Flask(__name__)


@app.get("/")
def index():
    return {"cookies": request.cookies.to_dict(), "header": request.headers.get("Cookie")}


@app.get("/set")
def set_cookie():
    response = app.response_class("set")
    response.set_cookie("from_server", "1")
    return response


jarless = app.test_client(use_cookies=False)
print(jarless.get("/", headers={"Cookie": "a=1; b=2"}).json)
jarless.get("/set")
print(jarless.get("/").json)
for call in [lambda: jarless.set_cookie("a", "b"), lambda: jarless.get_cookie("a"), lambda: jarless.delete_cookie("a")]:
    try:
        call()
    except TypeError as error:
        print("TypeError:", error)
client = app.test_client()
print(client.get("/", headers={"Cookie": "a=1; b=2"}).json)
client.get("/set")
print(client.get("/", headers={"Cookie": "a=1"}).json)
print(app.test_client().get("/").json)
