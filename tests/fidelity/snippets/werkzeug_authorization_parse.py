"""werkzeug.datastructures.Authorization: parsing and writing Authorization headers."""
import base64

from werkzeug.datastructures import Authorization


def basic(text):
    return "Basic " + base64.b64encode(text.encode()).decode()


for header in [
    basic("alice:secret"),
    basic("alice:"),
    basic(":secret"),
    basic("user:pa:ss"),
    "Basic !!!",
    "BASIC " + base64.b64encode(b"x:y").decode(),
    "Bearer abc.def.ghi",
    "bearer   spaced-token  ",
    "Bearer dG9rZW4=",
    'Digest username="Mufasa", realm="http-auth@example.org", qop="auth, auth-int", nc=00000001',
    "Custom a=1, b",
    "JustAScheme",
    None,
    "",
]:
    auth = Authorization.from_header(header)
    if auth is None:
        print(repr(header), "-> None")
        continue
    print(repr(header)[:40], "->", auth.type, auth.username, auth.password, auth.token, auth.parameters)
    print("    to_header:", auth.to_header())
a = Authorization("basic", {"username": "u", "password": "p"})
print(a == Authorization.from_header(a.to_header()), a.get("username"), a["password"], "username" in a, a.nonexistent)
print(Authorization("bearer", token="t1").to_header(), Authorization("digest", {"realm": "a b", "nonce": None}).to_header())
