"""pbkdf2 with other digests and iteration counts: the digest length follows the hash."""
from werkzeug.security import check_password_hash, generate_password_hash

for method in ["pbkdf2:sha512:10000", "pbkdf2:sha1:1000", "pbkdf2:sha256:5000", "pbkdf2:sha384:100", "pbkdf2:md5:10"]:
    stored = generate_password_hash("s3cret!", method=method)
    prefix, salt, digest = stored.split("$")
    print(method, "->", prefix, len(digest), check_password_hash(stored, "s3cret!"), check_password_hash(stored, "s3cret"))
