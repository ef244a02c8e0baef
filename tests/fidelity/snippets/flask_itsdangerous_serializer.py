"""itsdangerous, which Flask signs sessions with, used directly for a password-reset token."""
from itsdangerous import BadData, BadPayload, BadSignature, BadTimeSignature, Signer, URLSafeSerializer, URLSafeTimedSerializer

s = URLSafeSerializer("secret-key", salt="password-reset")
token = s.dumps({"user_id": 42, "email": "a@example.com"})
print(token)
print(s.loads(token))
print(URLSafeSerializer("secret-key").dumps([1, 2, 3]))
print(URLSafeSerializer("secret-key").dumps("x" * 200).startswith("."))
print(URLSafeSerializer("secret-key").loads(URLSafeSerializer("secret-key").dumps("x" * 200)) == "x" * 200)
for bad in [token[:-1] + ("A" if token[-1] != "A" else "B"), "no-dot-here", token + "x"]:
    try:
        s.loads(bad)
    except BadSignature as error:
        print(type(error).__name__, str(error)[:40], error.payload is not None)
try:
    URLSafeSerializer("secret-key", salt="other").loads(token)
except BadSignature as error:
    print("wrong salt:", type(error).__name__)
ok, payload = s.loads_unsafe(token[:-2] + "xx")
print(ok, payload)
signer = Signer("k")
signed = signer.sign("hello")
print(signed, signer.unsign(signed), signer.validate(b"hello.x"))
print(Signer("k", salt="s", key_derivation="hmac").sign("v"), Signer("k", key_derivation="concat").sign("v"), Signer("k", key_derivation="none").sign("v"))
try:
    Signer("k", sep="-")
except ValueError as error:
    print("ValueError:", error)
t = URLSafeTimedSerializer(["old", "new"], salt="cookie-session")
fresh = t.dumps({"a": 1})
print(t.loads(fresh, max_age=60), URLSafeTimedSerializer("old", salt="cookie-session").loads(fresh) if False else "-")
try:
    t.loads("eyJhIjoxfQ.bad")
except BadTimeSignature as error:
    print(type(error).__name__, issubclass(BadTimeSignature, BadSignature), issubclass(BadPayload, BadData))
try:
    URLSafeSerializer("k").loads(Signer("k", salt="itsdangerous").sign("!!!notbase64").decode())
except BadPayload as error:
    print("BadPayload:", error)
