"""Blueprint hooks run only for the blueprint's routes; app hooks run for all of them."""
from flask import Blueprint, Flask

app = Flask(__name__)
api = Blueprint("api", __name__, url_prefix="/api")
admin = Blueprint("admin", __name__)


@app.before_request
def app_before():
    print("  app before")


@app.after_request
def app_after(response):
    print("  app after")
    response.headers["X-App"] = "1"
    return response


@api.before_request
def api_before():
    print("  api before")


@api.after_request
def api_after(response):
    print("  api after")
    response.headers["X-Api"] = "1"
    return response


@api.teardown_request
def api_teardown(exc):
    print("  api teardown")


@api.before_app_request
def every_request():
    print("  api's before_app_request")


@admin.before_request
def admin_only():
    print("  admin before: stop here")
    return "admins only", 403


@api.get("/ping")
def ping():
    print("  api view")
    return "pong"


@admin.get("/admin/panel")
def panel():
    print("  admin view")
    return "panel"


@app.get("/")
def index():
    print("  app view")
    return "home"


app.register_blueprint(api)
app.register_blueprint(admin)
client = app.test_client()
for path in ["/api/ping", "/", "/admin/panel", "/api/unknown"]:
    print(path)
    response = client.get(path)
    print(" ->", response.status, response.headers.get("X-App"), response.headers.get("X-Api"))
