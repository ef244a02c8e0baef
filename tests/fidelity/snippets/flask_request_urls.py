"""request.url and friends, with the odd query strings learners send."""
from flask import Flask, request

app = Flask(__name__)


@app.route("/", defaults=None)
@app.route("/<path:rest>")
def show(rest=None):
    return {
        "url": request.url,
        "base_url": request.base_url,
        "root_url": request.root_url,
        "url_root": request.url_root,
        "host_url": request.host_url,
        "full_path": request.full_path,
        "path": request.path,
        "script_root": request.script_root,
        "query_string": request.query_string.decode(),
        "args": request.args.to_dict(flat=False),
        "scheme": request.scheme,
        "host": request.host,
        "is_secure": request.is_secure,
        "remote_addr": request.remote_addr,
        "method": request.method,
    }


client = app.test_client()
for target in [
    "/",
    "/login?next=/home",
    "/search?q=a%26b&tag=x&tag=y",
    "/search?q=tom & jerry",
    "/search?q=caf%C3%A9&name=José",
    "/p/a%20b/c%2Fd?x=1+2",
    "/p/ünï?empty=&flag",
    "/p?%",
]:
    print(target)
    for key, value in client.get(target).json.items():
        print("   ", key, "=", value)
print(client.get("/q", query_string={"next": "/a/b", "n": [1, 2], "s": "a b&c"}).json["url"])
print(client.get("/q", query_string="raw=%26&x").json["url"])
print(client.get("/q", query_string=b"bytes=1").json["url"])
