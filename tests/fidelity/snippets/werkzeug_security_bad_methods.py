"""Typos a learner makes in the method string, and what Werkzeug says about each."""
from werkzeug.security import generate_password_hash

for method in [
    "sha256",
    "bcrypt",
    "SCRYPT",
    "scrypt:16384",
    "scrypt:16384:8:1:1",
    "scrypt:n:r:p",
    "scrypt:1000:8:1",
    "scrypt:16:8:1",
    "scrypt:16384:0:1",
    "scrypt:4194304:8:1",
    "pbkdf2:sha256:1000:1",
    "pbkdf2:sha256:0",
    "pbkdf2:sha256:many",
    "pbkdf2:sha257:1000",
    "pbkdf2:SHA256:1000",
    "pbkdf2:sha256:2147483648",
]:
    try:
        print(method, "->", generate_password_hash("pw", method).split("$")[0])
    except (ValueError, TypeError, OverflowError) as error:
        print(method, "->", type(error).__name__, error)
