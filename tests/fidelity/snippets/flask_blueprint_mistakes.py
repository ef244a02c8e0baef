"""Mistakes learners make with blueprints, and Flask's answers."""
from flask import Blueprint, Flask

app = Flask(__name__)
api = Blueprint("api", __name__, url_prefix="/api")


@api.get("/a")
def a():
    return "a"


app.register_blueprint(api)
for attempt in [
    lambda: app.register_blueprint(api),
    lambda: app.register_blueprint(Blueprint("api", __name__)),
    lambda: Blueprint("", __name__),
    lambda: Blueprint("my.api", __name__),
    lambda: api.add_url_rule("/b", "b.c", lambda: "x"),
    lambda: api.get("/late")(lambda: "late"),
    lambda: api.register_blueprint(api),
]:
    try:
        attempt()
        print("no error")
    except (AssertionError, ValueError) as error:
        print(type(error).__name__, "-", str(error).splitlines()[0])
app.register_blueprint(api, name="api2", url_prefix="/v2")
client = app.test_client()
print(client.get("/api/a").status, client.get("/v2/a").status, sorted(app.blueprints))
print(sorted(app.view_functions))
