"""A plain View with methods, decorators and constructor arguments."""
from functools import wraps

from flask import Flask, request
from flask.views import View


def add_header(view):
    @wraps(view)
    def wrapper(**kwargs):
        response = view(**kwargs)
        return response, {"X-Decorated": "yes"}

    return wrapper


class Greeting(View):
    methods = ["GET", "POST"]
    decorators = [add_header]

    def __init__(self, greeting):
        self.greeting = greeting

    def dispatch_request(self, name):
        return f"{self.greeting}, {name} ({request.method})"


class NoDispatch(View):
    pass


app = Flask(__name__)
app.add_url_rule("/hello/<name>", view_func=Greeting.as_view("hello", "Hello"))
app.add_url_rule("/hi/<name>", view_func=Greeting.as_view("hi", greeting="Hi"))
app.add_url_rule("/broken", view_func=NoDispatch.as_view("broken"))
client = app.test_client()
response = client.get("/hello/ana")
print(response.status, response.text, response.headers["X-Decorated"])
print(client.post("/hi/bo").text)
print(client.delete("/hi/bo").status)
print(client.get("/broken").status)
print(sorted(rule.endpoint for rule in app.url_map.iter_rules()))
