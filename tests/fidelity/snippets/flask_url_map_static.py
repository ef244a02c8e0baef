"""app.url_map lists Flask's own static rule next to the learner's routes."""
from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return "home"


@app.route("/users/<int:user_id>", methods=["GET", "DELETE"])
def user(user_id):
    return str(user_id)


def show(application):
    for rule in application.url_map.iter_rules():
        print("   ", rule.rule, rule.endpoint, sorted(rule.methods), sorted(rule.arguments))


show(app)
print(str(next(app.url_map.iter_rules(endpoint="static"))))
client = app.test_client()
print(client.get("/static/app.css").status, client.post("/static/app.css").status)
print(client.get("/static").status, client.get("/static/").status)
print(app.static_url_path, app.has_static_folder, app.static_folder.endswith("static"))
custom = Flask("custom", static_url_path="/assets", static_folder="public")
show(custom)
print(custom.test_client().get("/assets/logo.png").status)
none = Flask("none", static_folder=None)
show(none)
print(none.static_url_path, none.has_static_folder)
print(none.test_client().get("/static/x").status)
