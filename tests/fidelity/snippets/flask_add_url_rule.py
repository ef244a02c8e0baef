"""Registering views with app.add_url_rule instead of decorators."""
from flask import Flask, request

app = Flask(__name__)


def login():
    return {"method": request.method, "endpoint": request.endpoint}


def logout():
    return "bye"


app.add_url_rule("/login", view_func=login, methods=["POST"])
app.add_url_rule("/auth/login", "auth_login", login, methods=["GET", "POST"])
app.add_url_rule("/logout", endpoint="logout", view_func=logout)
app.add_url_rule("/later", endpoint="later")


@app.endpoint("later")
def later():
    return "registered later"


client = app.test_client()
print(client.post("/login").json)
print(client.get("/login").status)
print(client.get("/auth/login").json)
print(client.get("/logout").text, client.get("/later").text)
other = Flask("other")
other.add_url_rule("/logout", view_func=logout)
for attempt in [
    lambda: other.add_url_rule("/other", "logout", login),
    lambda: other.add_url_rule("/x", view_func=login, methods="POST"),
    lambda: other.add_url_rule("no-slash", view_func=login),
    lambda: app.add_url_rule("/too-late", view_func=login),
]:
    try:
        attempt()
    except (AssertionError, TypeError, ValueError) as error:
        print(type(error).__name__, "-", str(error).splitlines()[0])
