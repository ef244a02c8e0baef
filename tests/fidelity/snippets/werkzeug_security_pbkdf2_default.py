"""method="pbkdf2": Werkzeug 3.1's default is sha256 with 1,000,000 iterations."""
from werkzeug.security import DEFAULT_PBKDF2_ITERATIONS, check_password_hash, generate_password_hash

stored = generate_password_hash("hunter2", method="pbkdf2")
method, salt, digest = stored.split("$")
print(method, DEFAULT_PBKDF2_ITERATIONS)
print(len(salt), len(digest))
print(check_password_hash(stored, "hunter2"), check_password_hash(stored, "hunter3"))
