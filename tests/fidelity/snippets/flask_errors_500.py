"""Exceptions in views: the 500 page (the traceback goes to the log on stderr, never stdout),
error handlers by code and by class, and TESTING=True letting the exception through."""
from flask import Flask, jsonify

app = Flask(__name__)


class PaymentError(Exception):
    pass


@app.get("/boom")
def boom():
    return 1 / 0


@app.get("/pay")
def pay():
    raise PaymentError("card declined")


@app.get("/none")
def none():
    pass


@app.errorhandler(PaymentError)
def handle_payment(error):
    return jsonify(msg=str(error)), 402


client = app.test_client()
for path in ["/boom", "/pay", "/none"]:
    response = client.get(path)
    print(path, response.status, response.data.decode().splitlines()[-1])

app2 = Flask("second")


@app2.get("/boom")
def boom2():
    raise KeyError("missing")


@app2.errorhandler(404)
def not_found(error):
    return {"msg": "no such page", "code": error.code, "description": error.description}, 404


@app2.errorhandler(500)
def server_error(error):
    return {"msg": "server error", "original": repr(error.original_exception)}, 500


client2 = app2.test_client()
print(client2.get("/nowhere").status, client2.get("/nowhere").get_json())
print(client2.get("/boom").status, client2.get("/boom").get_json())

app2.config["TESTING"] = True
try:
    client2.get("/boom")
except KeyError as error:
    print("propagated:", repr(error))

try:
    Flask("third").errorhandler(499)(lambda error: "never")
except ValueError as error:
    print("ValueError:", error)
