"""werkzeug.security: password hashing (stand-in; see werkzeug/__init__.py).

The same functions, formats and defaults as Werkzeug 3.1.9: ``generate_password_hash``
writes ``scrypt:32768:8:1$<salt>$<hex>`` (or ``pbkdf2:sha256:1000000$...``), and
``check_password_hash`` verifies hashes made by the real Werkzeug, which verifies these.

Pyodide's hashlib has no ``pbkdf2_hmac`` and no ``scrypt`` (no OpenSSL). When it lacks
them, the keys are derived in JavaScript (the ``_standin_kdf`` module the page registers),
after the parameters are checked here with the errors CPython and OpenSSL give.
"""
import hashlib
import hmac
import os
import posixpath
import secrets

SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
DEFAULT_PBKDF2_ITERATIONS = 1_000_000

_os_alt_seps = list(sep for sep in [os.sep, os.altsep] if sep is not None and sep != "/")
_windows_device_files = {
    "AUX",
    "CON",
    "CONIN$",
    "CONOUT$",
    *(f"COM{c}" for c in "123456789¹²³"),
    *(f"LPT{c}" for c in "123456789¹²³"),
    "NUL",
    "PRN",
}

_INT_MAX = 2**31 - 1
_LONG_MAX = 2**63 - 1

# hashlib's names, then OpenSSL's (matched without regard to case), for the digests the
# JavaScript side computes.
_DIGEST_NAMES = {
    "md5": "md5",
    "ssl3-md5": "md5",
    "sha1": "sha1",
    "sha-1": "sha1",
    "ssl3-sha1": "sha1",
    "sha224": "sha224",
    "sha-224": "sha224",
    "sha2-224": "sha224",
    "sha256": "sha256",
    "sha-256": "sha256",
    "sha2-256": "sha256",
    "sha384": "sha384",
    "sha-384": "sha384",
    "sha2-384": "sha384",
    "sha512": "sha512",
    "sha-512": "sha512",
    "sha2-512": "sha512",
    "sha512-224": "sha512_224",
    "sha-512/224": "sha512_224",
    "sha2-512/224": "sha512_224",
    "sha512-256": "sha512_256",
    "sha-512/256": "sha512_256",
    "sha2-512/256": "sha512_256",
    "sha3-224": "sha3_224",
    "sha3-256": "sha3_256",
    "sha3-384": "sha3_384",
    "sha3-512": "sha3_512",
    "blake2b512": "blake2b",
    "blake2b-512": "blake2b",
    "blake2s256": "blake2s",
    "blake2s-256": "blake2s",
    "ripemd160": "ripemd160",
    "ripemd-160": "ripemd160",
    "ripemd": "ripemd160",
    "rmd160": "ripemd160",
}
# hashlib's own names that are not OpenSSL's (CPython translates these, case-sensitively).
_HASHLIB_NAMES = {
    "sha512_224": "sha512_224",
    "sha512_256": "sha512_256",
    "sha3_224": "sha3_224",
    "sha3_256": "sha3_256",
    "sha3_384": "sha3_384",
    "sha3_512": "sha3_512",
    "blake2b": "blake2b",
    "blake2s": "blake2s",
}
_HASHLIB_XOF_NAMES = {"shake_128", "shake_256"}
_OPENSSL_XOF_NAMES = {"shake128", "shake-128", "shake256", "shake-256"}
_OTHER_OPENSSL_NAMES = {"sm3", "md5-sha1", "keccak-kmac-128", "keccak-kmac-256", "null"}


def _unavailable(feature):
    return NotImplementedError(f"{feature} is not available in the in-browser Werkzeug stand-in")


def _kdf():
    try:
        import _standin_kdf
    except ImportError:
        raise _unavailable("Password hashing (no scrypt or pbkdf2_hmac in this Python)") from None
    return _standin_kdf


def _pbkdf2_hmac(hash_name, password, salt, iterations):
    """hashlib.pbkdf2_hmac(hash_name, password, salt, iterations), with CPython 3.11's errors."""
    native = getattr(hashlib, "pbkdf2_hmac", None)
    if native is not None:
        return native(hash_name, password, salt, iterations)
    if iterations > _LONG_MAX or iterations < -_LONG_MAX - 1:
        raise OverflowError("Python int too large to convert to C long")
    xof = hash_name in _HASHLIB_XOF_NAMES or hash_name.lower() in _OPENSSL_XOF_NAMES
    other = hash_name.lower() in _OTHER_OPENSSL_NAMES
    digest = _HASHLIB_NAMES.get(hash_name) or _DIGEST_NAMES.get(hash_name.lower())
    if digest is None and not xof and not other:
        raise ValueError("[digital envelope routines] unsupported")
    if iterations < 1:
        raise ValueError("iteration value must be greater than 0.")
    if iterations > _INT_MAX:
        raise OverflowError("iteration value is too great.")
    if xof:
        # OpenSSL finds SHAKE, then cannot use it in HMAC.
        raise ValueError("no reason supplied")
    if other:
        raise _unavailable(f"pbkdf2 with the {hash_name!r} digest")
    return bytes.fromhex(_kdf().pbkdf2_hmac(digest, password.hex(), salt.hex(), iterations))


def _scrypt(password, salt, n, r, p, maxmem):
    """hashlib.scrypt(password, salt=salt, n=n, r=r, p=p, maxmem=maxmem), with CPython 3.11's
    and OpenSSL 3's errors."""
    native = getattr(hashlib, "scrypt", None)
    if native is not None:
        return native(password, salt=salt, n=n, r=r, p=p, maxmem=maxmem)
    if maxmem > _LONG_MAX or maxmem < -_LONG_MAX - 1:
        raise OverflowError("Python int too large to convert to C long")
    if n < 0:
        raise TypeError("n is required and must be an unsigned int")
    if n < 2 or n & (n - 1):
        raise ValueError("n must be a power of 2.")
    if r < 0:
        raise TypeError("r is required and must be an unsigned int")
    if p < 0:
        raise TypeError("p is required and must be an unsigned int")
    if maxmem < 0 or maxmem > _INT_MAX:
        raise ValueError(f"maxmem must be positive and smaller than {_INT_MAX}")
    if r == 0 or p == 0:
        raise ValueError("Invalid parameter combination for n, r, p, maxmem.")
    # OpenSSL's limits: p * r below 2**30, n below 2**(16 r), and its buffers within maxmem.
    if p > ((1 << 30) - 1) // r or (16 * r <= 63 and n >= 1 << (16 * r)) or 128 * r * (p + n + 2) > maxmem:
        raise ValueError("[digital envelope routines] memory limit exceeded")
    return bytes.fromhex(_kdf().scrypt(password.hex(), salt.hex(), n, r, p))


def gen_salt(length):
    """Generate a random string of SALT_CHARS with specified ``length``."""
    if length <= 0:
        raise ValueError("Salt length must be at least 1.")
    return "".join(secrets.choice(SALT_CHARS) for _ in range(length))


def _hash_internal(method, salt, password):
    method, *args = method.split(":")
    salt_bytes = salt.encode()
    password_bytes = password.encode()

    if method == "scrypt":
        if not args:
            n = 2**15
            r = 8
            p = 1
        else:
            try:
                n, r, p = map(int, args)
            except ValueError:
                raise ValueError("'scrypt' takes 3 arguments.") from None

        maxmem = 132 * n * r * p  # ideally 128, but some extra seems needed
        return (
            _scrypt(password_bytes, salt_bytes, n, r, p, maxmem).hex(),
            f"scrypt:{n}:{r}:{p}",
        )
    elif method == "pbkdf2":
        len_args = len(args)

        if len_args == 0:
            hash_name = "sha256"
            iterations = DEFAULT_PBKDF2_ITERATIONS
        elif len_args == 1:
            hash_name = args[0]
            iterations = DEFAULT_PBKDF2_ITERATIONS
        elif len_args == 2:
            hash_name = args[0]
            iterations = int(args[1])
        else:
            raise ValueError("'pbkdf2' takes 2 arguments.")

        return (
            _pbkdf2_hmac(hash_name, password_bytes, salt_bytes, iterations).hex(),
            f"pbkdf2:{hash_name}:{iterations}",
        )
    else:
        raise ValueError(f"Invalid hash method '{method}'.")


def generate_password_hash(password, method="scrypt", salt_length=16):
    """Securely hash a password for storage: ``scrypt:32768:8:1$<salt>$<hex>`` by default.

    ``method`` is ``"scrypt"`` (parameters ``scrypt:n:r:p``) or ``"pbkdf2"`` (parameters
    ``pbkdf2:hash_name:iterations``, default ``pbkdf2:sha256:1000000``).
    """
    salt = gen_salt(salt_length)
    h, actual_method = _hash_internal(method, salt, password)
    return f"{actual_method}${salt}${h}"


def check_password_hash(pwhash, password):
    """Whether ``password`` is the one ``pwhash`` (from :func:`generate_password_hash`) was made from."""
    try:
        method, salt, hashval = pwhash.split("$", 2)
    except ValueError:
        return False

    return hmac.compare_digest(_hash_internal(method, salt, password)[0], hashval)


def safe_join(directory, *untrusted):
    """Join untrusted URL path components to a trusted directory; None if one would escape it."""
    if not directory:
        directory = "."

    parts = [directory]

    for part in untrusted:
        if not part:
            continue

        part = posixpath.normpath(part)

        if (
            os.path.isabs(part)
            or part.startswith("/")
            or part == ".."
            or part.startswith("../")
            or any(sep in part for sep in _os_alt_seps)
            or (
                os.name == "nt"
                and any(
                    p.partition(":")[0].partition(".")[0].strip().upper() in _windows_device_files
                    for p in part.split("/")
                )
            )
        ):
            return None

        parts.append(part)

    return posixpath.join(*parts)
