"""The test client's cookie jar: set_cookie, get_cookie, delete_cookie, and which requests get what."""
from flask import Flask, request

app = Flask(__name__)


@app.route("/", defaults=None)
def index():
    return request.headers.get("Cookie") or "-"


@app.get("/admin/<path:rest>")
def admin(rest):
    return request.headers.get("Cookie") or "-"


@app.get("/adminx")
def adminx():
    return request.headers.get("Cookie") or "-"


client = app.test_client()
print(client.get_cookie("token"))
client.set_cookie("token", "abc")
client.set_cookie("admin_only", "yes", path="/admin")
client.set_cookie("other_site", "no", domain="example.com")
client.set_cookie("sub", "ok", domain="localhost", origin_only=False)
cookie = client.get_cookie("token")
print(cookie.key, cookie.value, cookie.domain, cookie.path, cookie.origin_only, cookie.http_only, cookie.secure)
print(client.get_cookie("admin_only"), client.get_cookie("admin_only", path="/admin").value)
print(client.get_cookie("other_site", domain="example.com").value)
print(client.get("/").text)
print(client.get("/admin/users").text)
print(client.get("/adminx").text)
print(client.get("https://example.com/").text)
client.set_cookie("token", "changed", httponly=True, max_age=100)
print(client.get_cookie("token").value, client.get_cookie("token").http_only, client.get_cookie("token").max_age)
client.delete_cookie("token")
client.delete_cookie("admin_only")
print(client.get("/admin/x").text)
client.delete_cookie("admin_only", path="/admin")
client.set_cookie("sub", "", max_age=0)
print(client.get("/admin/x").text)
client.set_cookie("quoted", "a b;c")
print(client.get_cookie("quoted").value, client.get_cookie("quoted").decoded_value)
print(client.get("/").text)
