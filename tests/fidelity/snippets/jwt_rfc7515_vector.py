"""The RFC 7515 Appendix A.1 HS256 test vector: valid signature, but exp is in 2011."""
import base64

import jwt

K = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"
KEY = base64.urlsafe_b64decode(K + "=" * (-len(K) % 4))
TOKEN = (
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
    ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
)

print(len(KEY))
print(jwt.get_unverified_header(TOKEN))
print(jwt.decode(TOKEN, KEY, algorithms=["HS256"], options={"verify_exp": False}))
try:
    jwt.decode(TOKEN, KEY, algorithms=["HS256"])
except jwt.ExpiredSignatureError as error:
    print(type(error).__name__, error)
try:
    jwt.decode(TOKEN, KEY[:-1], algorithms=["HS256"], options={"verify_exp": False})
except jwt.InvalidSignatureError as error:
    print(type(error).__name__, error)
