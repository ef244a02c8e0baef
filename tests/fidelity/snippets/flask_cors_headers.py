"""An after_request hook that adds CORS headers, including Werkzeug's quirks when given a string."""
from flask import Flask, request

app = Flask(__name__)


@app.after_request
def cors(response):
    response.access_control_allow_origin = request.headers.get("Origin", "*")
    response.access_control_allow_headers = ["Authorization", "Content-Type"]
    response.access_control_allow_methods = "GET"  # a string is split into characters
    response.access_control_allow_credentials = True
    response.access_control_max_age = 600
    response.access_control_expose_headers = ["X-Total"]
    response.vary.add("Origin")
    return response


@app.route("/data", methods=["GET", "POST"])
def data():
    return {"ok": True}


client = app.test_client()
for method, headers in [("GET", {}), ("OPTIONS", {"Origin": "https://app.example", "Access-Control-Request-Method": "POST"})]:
    r = client.open("/data", method=method, headers=headers)
    print(method, r.status)
    for name, value in r.headers:
        if name not in ("Content-Length", "Allow"):  # Allow comes from a set: its order varies
            print("   ", name, "=", value)
    print("   parsed:", r.access_control_allow_origin, sorted(r.access_control_allow_headers), r.access_control_allow_credentials, r.access_control_max_age, type(r.access_control_allow_methods).__name__)
with app.app_context():
    r = app.response_class()
    r.access_control_allow_credentials = False
    r.access_control_allow_origin = None
    r.vary = ["Cookie", "Accept-Encoding"]
    print(list(r.headers), r.access_control_max_age, r.vary.as_set() == {"cookie", "accept-encoding"})
    del r.access_control_allow_origin
    print("Access-Control-Allow-Origin" in r.headers)
