"""Every set_cookie parameter, and delete_cookie, as the Set-Cookie header shows them."""
from datetime import datetime, timezone

from flask import Flask

app = Flask(__name__)
when = datetime(2031, 5, 6, 7, 8, 9, tzinfo=timezone.utc)


@app.get("/")
def index():
    response = app.response_class("cookies")
    response.set_cookie("plain", "1")
    response.set_cookie("full", "v", max_age=600, expires=when, path="/api", domain="example.com", secure=True, httponly=True, samesite="Lax")
    response.set_cookie("part", "p", partitioned=True)
    response.set_cookie("strict", "s", samesite="strict", path="/a b")
    response.set_cookie("naive", "n", expires=datetime(2031, 5, 6, 7, 8, 9))
    response.set_cookie("stamp", "t", expires=1900000000)
    response.set_cookie("spaces", "a b c")
    response.delete_cookie("old")
    response.delete_cookie("old_api", path="/api", domain="example.com", secure=True, samesite="None")
    return response


response = app.test_client().get("/")
for header in response.headers.getlist("Set-Cookie"):
    print(header)
print(len(response.headers.getlist("set-cookie")), response.headers.get("Set-Cookie"))
app.config["MAX_COOKIE_SIZE"] = 20
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with app.app_context():
        response = app.response_class()
        response.set_cookie("big", "x" * 30)
    print([str(w.message) for w in caught])
