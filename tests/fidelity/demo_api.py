"""The lesson's demo API (lessons/jwt-auth/simulator/demoApi.ts) as a real Flask + Flask-JWT-Extended program.

The same routes, secret, users, token lifetimes (FJE's defaults: 15 minutes for access
tokens) and error callbacks (FJE's defaults) as the TypeScript simulator, so the two can be
sent the same requests and must answer them identically (src/flask-sim/differential.test.ts).
It runs unchanged on the real libraries (CPython) and on the in-browser stand-ins (Pyodide).

Below the app is the harness the differential test drives: `answer(requests_json)` sends each
request through Flask's test client with the server's clock, secret key and uuid4 values
frozen as the request says, and returns what came back. Run as a script, it reads the
requests as JSON on stdin and prints the answers as JSON.
"""
import io
import json
import sys
import uuid
from datetime import datetime, timezone

import flask_jwt_extended.tokens
import flask_jwt_extended.view_decorators
import jwt.api_jwt
from flask import Flask, request
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required

# The fallback key of the lesson's example, for demos only (DEMO_SECRET_KEY in demoApi.ts).
DEMO_SECRET_KEY = "dev-only-secret-change-me-in-production"

# The lesson's users. Roles live on the server, which is where /me reads them from.
USERS = {
    "alice": {"password": "wonderland", "role": "reader"},
    "bob": {"password": "builder", "role": "editor"},
}

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = DEMO_SECRET_KEY
jwt_manager = JWTManager(app)


def check_password(username, password):
    # `in` raises TypeError for a list or dict username, as demoApi.ts imitates.
    return username in USERS and USERS[username]["password"] == password


@app.post("/login")
def login():
    data = request.get_json()
    username = data.get("username")
    password = data.get("password")
    if not check_password(username, password):
        return {"msg": "Bad username or password"}, 401
    return {"access_token": create_access_token(identity=username)}


# The anti-pattern of "Secrets leaking through the payload".
@app.post("/login-leaky")
def login_leaky():
    data = request.get_json()
    username = data.get("username")
    password = data.get("password")
    if not check_password(username, password):
        return {"msg": "Bad username or password"}, 401
    return {"access_token": create_access_token(identity=username, additional_claims={"password": password})}


@app.get("/protected")
@jwt_required()
def protected():
    user = get_jwt_identity()
    return {"message": f"Hello, {user}!", "user": user}


@app.get("/me")
@jwt_required()
def me():
    username = get_jwt_identity()
    user = USERS.get(username) if isinstance(username, str) else None
    if not user:
        return {"msg": "User not found"}, 404
    return {"username": username, "role": user["role"]}


# --- The harness: a frozen clock and uuid4, then Flask's test client. ---------------------

_real_datetime = datetime
_clock = {"now": 0.0}


class _FrozenDatetimeType(type):
    # Values made by real datetime arithmetic (now + timedelta) are still "datetimes".
    def __instancecheck__(cls, instance):
        return isinstance(instance, _real_datetime)


class FrozenDatetime(_real_datetime, metaclass=_FrozenDatetimeType):
    """`datetime` whose now() is the request's server clock."""

    @classmethod
    def now(cls, tz=None):
        return _real_datetime.fromtimestamp(_clock["now"], tz)


# PyJWT and Flask-JWT-Extended (real and stand-in alike) read the time through these modules.
for _module in (jwt.api_jwt, flask_jwt_extended.tokens, flask_jwt_extended.view_decorators):
    _module.datetime = FrozenDatetime


class _Uuids:
    """uuid4() handing out the request's values in order (FJE's jti, then csrf)."""

    def __init__(self):
        self.queue = []

    def uuid4(self):
        if self.queue:
            return uuid.UUID(self.queue.pop(0))
        return uuid.UUID("ffffffff-ffff-4fff-bfff-ffffffffffff")


_uuids = _Uuids()
flask_jwt_extended.tokens.uuid = _uuids


def answer_one(sent):
    _clock["now"] = sent["clock"]
    _uuids.queue = list(sent.get("uuids", []))
    app.config["JWT_SECRET_KEY"] = sent.get("secret", DEMO_SECRET_KEY)
    saved = sys.stderr
    sys.stderr = io.StringIO()  # Flask logs a 500's traceback there.
    try:
        response = app.test_client().open(
            sent["path"],
            method=sent["method"],
            headers=[tuple(pair) for pair in sent["headers"]],
            data=sent["body"].encode("utf-8"),
        )
    finally:
        sys.stderr = saved
    return {
        "status": response.status,
        "headers": [[name, value] for name, value in response.headers.items()],
        "body": response.get_data().decode("utf-8", "replace"),
    }


def answer(requests_json):
    """Answers a JSON list of requests with a JSON list of responses."""
    return json.dumps([answer_one(sent) for sent in json.loads(requests_json)])


if __name__ == "__main__":
    print(answer(sys.stdin.read()))
