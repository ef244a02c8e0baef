"""salt_length and gen_salt: the salt is letters and digits, of the length asked for."""
from werkzeug.security import SALT_CHARS, gen_salt, generate_password_hash

for length in (1, 8, 16, 32, 64):
    stored = generate_password_hash("pw", "pbkdf2:sha256:10", salt_length=length)
    salt = stored.split("$")[1]
    print(length, len(salt), set(salt) <= set(SALT_CHARS))
print(len(gen_salt(10)), set(gen_salt(200)) <= set(SALT_CHARS))
print(len(SALT_CHARS), SALT_CHARS[:5], SALT_CHARS[-5:])
for bad in (0, -1):
    try:
        gen_salt(bad)
    except ValueError as error:
        print("gen_salt", bad, "->", error)
generate_password_hash("pw", salt_length=0)
