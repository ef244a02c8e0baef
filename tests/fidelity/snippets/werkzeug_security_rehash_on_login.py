"""Upgrading old hashes: after a successful check, store a new scrypt hash if the method is old."""
from werkzeug.security import check_password_hash, generate_password_hash

users = {
    "alice": "pbkdf2:sha1:500$cKijTq6yrmi6wwrO$ab18fc2e35d76b557bdcb3dcac5f38ca03b4b424",
    "bob": generate_password_hash("builder", "scrypt:16384:8:1"),
}
passwords = {"alice": "old-password", "bob": "builder"}


def login(name, password):
    stored = users[name]
    if not check_password_hash(stored, password):
        return "denied"
    if not stored.startswith("scrypt:"):
        users[name] = generate_password_hash(password, "scrypt:16384:8:1")
        return "ok, rehashed"
    return "ok"


print(login("alice", "wrong"), users["alice"].split("$")[0])
print(login("alice", passwords["alice"]), users["alice"].split("$")[0])
print(login("alice", passwords["alice"]), users["alice"].split("$")[0])
print(login("bob", passwords["bob"]), users["bob"].split("$")[0])
