"""is_secure, scheme and host for https requests and other hosts in the test client."""
from flask import Flask, request

app = Flask(__name__)


@app.get("/where")
def where():
    return {
        "url": request.url,
        "is_secure": request.is_secure,
        "scheme": request.scheme,
        "host": request.host,
        "root_url": request.root_url,
        "server": list(request.server) if request.server else None,
    }


client = app.test_client()
print(client.get("/where").json)
print(client.get("https://localhost/where").json)
print(client.get("https://api.example.com:8443/where?x=1").json)
print(client.get("http://example.com:80/where").json)
print(client.get("https://example.com:443/where").json)
print(client.get("/where", base_url="https://secure.example.org/").json)
print(client.get("/where", url_scheme="https").json)
print(client.get("/where", headers={"Host": "evil.example"}).json)
app.config["PREFERRED_URL_SCHEME"] = "https"
print(app.test_client().get("/where").json)
app.config["SERVER_NAME"] = "myapp.test"
print(app.test_client().get("/where").json)
