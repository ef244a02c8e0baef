"""The same password hashed twice gives two different hashes (random salts); both verify."""
from werkzeug.security import check_password_hash, generate_password_hash

first = generate_password_hash("same-password", "scrypt:2048:8:1")
second = generate_password_hash("same-password", "scrypt:2048:8:1")
print("equal hashes:", first == second)
print("equal methods:", first.split("$")[0] == second.split("$")[0])
print("both verify:", check_password_hash(first, "same-password"), check_password_hash(second, "same-password"))
# Comparing hashes instead of checking is a classic mistake:
print("learner's comparison:", generate_password_hash("same-password", "scrypt:2048:8:1") == first)
# Swapping the salts breaks both.
m1, s1, d1 = first.split("$")
m2, s2, d2 = second.split("$")
print("swapped salts:", check_password_hash(f"{m1}${s2}${d1}", "same-password"))
