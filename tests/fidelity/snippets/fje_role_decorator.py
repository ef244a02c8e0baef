"""A learner's admin_required decorator built on verify_jwt_in_request and get_jwt."""
from functools import wraps

from _fje_app import make_app, show
from flask import jsonify
from flask_jwt_extended import create_access_token, get_jwt, verify_jwt_in_request

app, _ = make_app()


def admin_required():
    def wrapper(fn):
        @wraps(fn)
        def decorator(*args, **kwargs):
            verify_jwt_in_request()
            claims = get_jwt()
            if claims.get("is_administrator"):
                return fn(*args, **kwargs)
            return jsonify(msg="Admins only!"), 403

        return decorator

    return wrapper


@app.get("/admin")
@admin_required()
def admin():
    return {"secret": "the admin panel"}


client = app.test_client()
with app.app_context():
    admin_token = create_access_token("root", additional_claims={"is_administrator": True})
    user_token = create_access_token("alice")
show(client.get("/admin", headers={"Authorization": f"Bearer {admin_token}"}))
show(client.get("/admin", headers={"Authorization": f"Bearer {user_token}"}))
show(client.get("/admin"))
show(client.get("/admin", headers={"Authorization": "Bearer x.y.z"}))
print(admin.__name__)
