"""Passwords are encoded as UTF-8: accents, emoji, empty and long ones all work; bytes do not."""
from werkzeug.security import check_password_hash, generate_password_hash

for password in ["pässwörd", "パスワード", "🔑🔑🔑", "", " ", "x" * 1000, "tab\tand\nnewline"]:
    stored = generate_password_hash(password, "pbkdf2:sha256:50")
    print(repr(password[:12]), check_password_hash(stored, password), check_password_hash(stored, password.upper() + "?"))
try:
    generate_password_hash(b"bytes-password")
except AttributeError as error:
    print("bytes:", error)
stored = generate_password_hash("pw", "pbkdf2:sha256:50")
check_password_hash(stored, None)
