"""generate_password_hash with no method: scrypt:32768:8:1$<16-char salt>$<128 hex digits>."""
from werkzeug.security import check_password_hash, generate_password_hash

stored = generate_password_hash("correct horse battery staple")
method, salt, digest = stored.split("$")
print("method:", method)
print("salt:", len(salt), salt.isalnum())
print("digest:", len(digest), all(c in "0123456789abcdef" for c in digest))
print("right password:", check_password_hash(stored, "correct horse battery staple"))
print("wrong password:", check_password_hash(stored, "Correct horse battery staple"))
print("empty password:", check_password_hash(stored, ""))
print("type:", type(stored).__name__)
