"""jsonify and JSON responses: sorted keys, compact, ASCII only, a trailing newline."""
from datetime import date, datetime, timezone
from decimal import Decimal
from uuid import UUID

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/one")
def one():
    return jsonify({"zeta": 1, "alpha": "é", "mid": [1, 2.5, None, False]})


@app.get("/args")
def args():
    return jsonify(1, "two", 3)


@app.get("/kwargs")
def kwargs():
    return jsonify(b=2, a=1)


@app.get("/empty")
def empty():
    return jsonify()


@app.get("/status")
def status():
    return jsonify(error="nope"), 400


@app.get("/types")
def types():
    return {
        "date": date(2024, 2, 29),
        "datetime": datetime(2024, 2, 29, 13, 5, 9, tzinfo=timezone.utc),
        "decimal": Decimal("1.10"),
        "uuid": UUID("12345678-1234-5678-1234-567812345678"),
        "tuple": (1, 2),
    }


@app.get("/bad")
def bad():
    return {"set": {1, 2}}


client = app.test_client()
for path in ["/one", "/args", "/kwargs", "/empty", "/status", "/types", "/bad"]:
    response = client.get(path)
    print(path, response.status_code, response.mimetype, response.content_type)
    print("  ", response.data)
    print("  ", response.json)

with app.app_context():
    response = jsonify({"b": 1, "a": 2})
    print(repr(response), response.get_data(as_text=True).endswith("}\n"))
    try:
        jsonify(1, a=2)
    except TypeError as error:
        print("TypeError:", error)

try:
    jsonify({"a": 1})
except RuntimeError as error:
    print("RuntimeError:", str(error).splitlines()[0])

app.config["DEBUG"] = True
print(client.get("/one").data.decode(), end="")
