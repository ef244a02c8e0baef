"""check_password_hash with stored values that are not hashes."""
from werkzeug.security import check_password_hash, generate_password_hash

good = generate_password_hash("pw", "pbkdf2:sha256:100")
method, salt, digest = good.split("$")
for label, pwhash in [
    ("empty", ""),
    ("plain text", "pw"),
    ("one dollar", "pbkdf2$pw"),
    ("upper-case digest", f"{method}${salt}${digest.upper()}"),
    ("truncated digest", f"{method}${salt}${digest[:-2]}"),
    ("other salt", f"{method}$xyz${digest}"),
    ("extra dollars in digest", f"{method}${salt}${digest}$more"),
]:
    print(label, "->", check_password_hash(pwhash, "pw"))
for pwhash in ["md5$salt$abc", "sha256$$abc"]:
    try:
        check_password_hash(pwhash, "pw")
    except ValueError as error:
        print(pwhash, "->", error)
check_password_hash(None, "pw")
