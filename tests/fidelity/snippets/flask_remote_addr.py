"""remote_addr, access_route and environ_base in the test client."""
from flask import Flask, request

app = Flask(__name__)


@app.get("/ip")
def ip():
    return {
        "remote_addr": request.remote_addr,
        "access_route": request.access_route,
        "user_agent_header": request.headers.get("User-Agent"),
        "remote_user": request.remote_user,
    }


client = app.test_client()
print(client.get("/ip").json)
print(client.get("/ip", environ_base={"REMOTE_ADDR": "10.0.0.7"}).json)
print(client.get("/ip", headers={"X-Forwarded-For": "203.0.113.5, 10.0.0.1"}).json)
print(client.get("/ip", environ_overrides={"REMOTE_USER": "alice"}).json)
client.environ_base["HTTP_USER_AGENT"] = "lesson-client/1.0"
client.environ_base["REMOTE_ADDR"] = "192.0.2.1"
print(client.get("/ip").json)
with app.test_request_context("/ip"):
    print(request.remote_addr, request.headers.get("User-Agent"), request.access_route)
