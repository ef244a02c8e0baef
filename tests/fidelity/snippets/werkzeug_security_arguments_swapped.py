"""check_password_hash(password, pwhash): the arguments the wrong way round."""
from werkzeug.security import check_password_hash, generate_password_hash

stored = generate_password_hash("hunter2", "pbkdf2:sha256:100")
print("right order:", check_password_hash(stored, "hunter2"))
print("swapped, plain password has no '$':", check_password_hash("hunter2", stored))
print("keyword arguments:", check_password_hash(password="hunter2", pwhash=stored))
print("method as second positional:", generate_password_hash("hunter2", "pbkdf2:sha256:100").split("$")[0])
generate_password_hash("hunter2", "pbkdf2:sha256:100", "16")
