"""Explicit scrypt parameters are kept in the stored hash, so checking uses them again."""
from werkzeug.security import check_password_hash, generate_password_hash

for method in ["scrypt", "scrypt:16384:8:1", "scrypt:1024:8:2", "scrypt:4096:4:1", "scrypt:128:1:1"]:
    stored = generate_password_hash("pa55word", method)
    print(method.ljust(18), stored.split("$")[0], len(stored.split("$")[2]), check_password_hash(stored, "pa55word"))
