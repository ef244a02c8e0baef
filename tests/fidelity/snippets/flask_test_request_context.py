"""test_request_context builds a request without the test client: no jar, no User-Agent."""
from flask import Flask, g, request, session

app = Flask(__name__)
app.secret_key = "ctx-key"

with app.test_request_context(
    "/api/items?page=2",
    method="POST",
    headers={"Cookie": "theme=dark; lang=en", "Authorization": "Bearer abc"},
    json={"name": "pen"},
):
    print(request.method, request.path, request.args.get("page"), request.get_json())
    print(request.cookies.to_dict(), request.authorization.token, request.remote_addr)
    print(dict(request.headers))
    print(request.endpoint, request.url_rule, repr(request.routing_exception))
    g.user = "alice"
    session["x"] = 1
    print(g.user, dict(session), session.modified)
print(request.__class__.__name__ if False else "outside")
try:
    request.path
except RuntimeError as error:
    print("RuntimeError:", str(error).splitlines()[0])
with app.test_request_context(data={"user": "bob", "tags": ["a", "b"]}):
    print(request.method, request.form.to_dict(flat=False), request.content_type, request.content_length)
with app.test_request_context(base_url="https://example.com/app", path="/x"):
    print(request.url, request.script_root, request.path, request.url_root)
