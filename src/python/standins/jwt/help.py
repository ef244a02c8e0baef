"""jwt.help: the bug-report summary ``python -m jwt.help`` prints (stand-in; see jwt/__init__.py)."""
import json
import platform
import sys

from . import __version__ as pyjwt_version

# No cryptography package in the browser: PyJWT reports an empty version then.
cryptography_version = ""


def info():
    """The platform, Python, cryptography and PyJWT versions, as a dict of dicts."""
    try:
        platform_info = {"system": platform.system(), "release": platform.release()}
    except OSError:
        platform_info = {"system": "Unknown", "release": "Unknown"}
    implementation = platform.python_implementation()
    if implementation == "CPython":
        implementation_version = platform.python_version()
    elif implementation == "PyPy":
        pypy_version_info = sys.pypy_version_info
        implementation_version = f"{pypy_version_info.major}.{pypy_version_info.minor}.{pypy_version_info.micro}"
        if pypy_version_info.releaselevel != "final":
            implementation_version = "".join([implementation_version, pypy_version_info.releaselevel])
    else:
        implementation_version = "Unknown"
    return {
        "platform": platform_info,
        "implementation": {"name": implementation, "version": implementation_version},
        "cryptography": {"version": cryptography_version},
        "pyjwt": {"version": pyjwt_version},
    }


def main():
    """Pretty-print the bug information as JSON."""
    print(json.dumps(info(), sort_keys=True, indent=2))


if __name__ == "__main__":
    main()
