"""HEAD answers like GET without a body; OPTIONS is answered automatically with Allow."""
from flask import Flask

app = Flask(__name__)


@app.route("/thing", methods=["GET", "PUT"])
def thing():
    return {"thing": 1}


@app.route("/custom", methods=["GET", "OPTIONS"])
def custom():
    return "custom options handler"


client = app.test_client()
response = client.head("/thing")
print(response.status, response.data, response.headers["Content-Length"], response.mimetype)

response = client.options("/thing")
print(response.status, response.data, sorted(response.headers["Allow"].split(", ")))

response = client.options("/custom")
print(response.status, response.data)

response = client.options("/missing")
print(response.status)
