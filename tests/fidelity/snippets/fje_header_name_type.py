"""JWT_HEADER_NAME and JWT_HEADER_TYPE: a custom header, no type at all, or type "JWT"."""
from _fje_app import login, make_app, show

for name, kind in [("X-Access-Token", ""), ("Authorization", "JWT"), ("X-Api-Key", "Token")]:
    app, _ = make_app()
    app.config["JWT_HEADER_NAME"] = name
    app.config["JWT_HEADER_TYPE"] = kind
    client = app.test_client()
    token = login(client)["access_token"]
    print("==", name, repr(kind))
    value = f"{kind} {token}".strip()
    print("right:", client.get("/protected", headers={name: value}).get_json())
    show(client.get("/protected"))
    show(client.get("/protected", headers={"Authorization": f"Bearer {token}"}))
    show(client.get("/protected", headers={name: f"Bearer {token}"}))
    show(client.get("/protected", headers={name: f"{value} extra"}))
