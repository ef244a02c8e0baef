"""Hashes stored by a server running the real Werkzeug must still verify (and vice versa)."""
from werkzeug.security import check_password_hash

stored = {
    "hunter2": "scrypt:32768:8:1$6DzmKI0YcATMlVss$6e6090e430034decc3d3738a5bea71bc36ffe73e58c1dc3d4c9e43ae075fc41d3f809fb6790a155f1d7795913277e50207dca37915ce0a0eac3aa066e60085ca",
    "hunter2 (pbkdf2)": "pbkdf2:sha256:1000$7G7ohSre4IOXnEA9$1e35dad707cfed3d42774116ef26bedf833b2857149ad5d8a5a311f39827ed2e",
    "s3cret!": "pbkdf2:sha512:2000$zMOmNtRK$4918a1ed7d7391a507133923a6256ff6bd4488860b99e1d88b63832edac177fa321c530362bc33f5781c2d972ff054c432ee956b782b1c503d9b2247bee5d291",
    "pässwörd": "scrypt:16384:8:1$kZziJhPj8eBwqeMU$a24c7dc6c67a282a20970c5896516c91ac59869433f6dfd61316c95f1d264089d0e50fafdb7e2d8fd957e80d50fbdd577b56f9697ae719b55551a12e0d3c21af",
    "old-password": "pbkdf2:sha1:500$cKijTq6yrmi6wwrO$ab18fc2e35d76b557bdcb3dcac5f38ca03b4b424",
}
for label, pwhash in stored.items():
    password = label.split(" ")[0]
    print(label, check_password_hash(pwhash, password), check_password_hash(pwhash, password + "!"))
