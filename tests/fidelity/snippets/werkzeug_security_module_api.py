"""What else werkzeug.security offers: constants and safe_join."""
import werkzeug.security as security
from werkzeug import security as same

print(security is same)
print(security.DEFAULT_PBKDF2_ITERATIONS, len(security.SALT_CHARS))
for name in ["generate_password_hash", "check_password_hash", "gen_salt", "safe_join"]:
    print(name, callable(getattr(security, name)))
print(security.safe_join("/srv/uploads", "avatar.png"))
print(security.safe_join("/srv/uploads", "users", "../avatar.png"))
print(security.safe_join("/srv/uploads", "../etc/passwd"))
print(security.safe_join("/srv/uploads", "/etc/passwd"))
print(security.safe_join("", "notes.txt"))
print(security.safe_join("/srv", "", "a/./b"))
