"""Blueprint error handlers answer for the blueprint's own routes; the app's handle the rest."""
from flask import Blueprint, Flask, abort

app = Flask(__name__)
api = Blueprint("api", __name__, url_prefix="/api")


@api.errorhandler(404)
def api_not_found(error):
    return {"error": "no such item", "where": "api"}, 404


@api.errorhandler(PermissionError)
def api_forbidden(error):
    return {"error": str(error)}, 403


@api.app_errorhandler(418)
def teapot(error):
    return "app-wide teapot from the blueprint", 418


@app.errorhandler(404)
def app_not_found(error):
    return {"error": "page not found", "where": "app"}, 404


@api.get("/items/<int:item_id>")
def item(item_id):
    if item_id > 10:
        abort(404)
    if item_id == 0:
        raise PermissionError("item 0 is private")
    if item_id == 5:
        abort(418)
    return {"id": item_id}


@app.get("/brew")
def brew():
    abort(418)


@app.get("/private")
def private():
    raise PermissionError("not handled outside the blueprint")


app.register_blueprint(api)
client = app.test_client()
for path in ["/api/items/3", "/api/items/99", "/api/items/0", "/api/items/5", "/api/nothing", "/nothing", "/brew", "/private"]:
    response = client.get(path)
    print(path, response.status, response.get_data(as_text=True).strip())
