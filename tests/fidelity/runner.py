"""Runs one fidelity program as `python program.py` would, the same way in CPython (the
real libraries) and in Pyodide (the stand-ins), and reports what the program showed.

The result is the text compared byte for byte: what it printed on stdout, then, when it
ended with an exception, one line `[exception] Type: message`. stderr is left out
(warnings and tracebacks name files that differ between the two).

Programs must be deterministic: no random salts, times or ids in what they print.
"""
import io
import json
import os
import runpy
import sys


def fidelity_run(path):
    out = io.StringIO()
    saved = sys.stdout, sys.stderr, list(sys.path), set(sys.modules)
    sys.stdout, sys.stderr = out, io.StringIO()
    sys.path.insert(0, os.path.dirname(path))
    error = None
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exc:
        if exc.code not in (None, 0):
            error = f"SystemExit: {exc.code}"
    except BaseException as exc:  # noqa: BLE001 - the program's exception is its result
        error = f"{type(exc).__name__}: {exc}"
    finally:
        sys.stdout, sys.stderr, sys.path[:] = saved[0], saved[1], saved[2]
        # Helper modules next to the programs (`_app.py`) are fresh for every program.
        for name in set(sys.modules) - saved[3]:
            module = sys.modules.get(name)
            if os.path.dirname(getattr(module, "__file__", "") or "") == os.path.dirname(path):
                del sys.modules[name]
    text = out.getvalue()
    if error is not None:
        text += f"[exception] {error}\n"
    return text


if __name__ == "__main__":
    # CPython: `python runner.py a.py b.py` prints {"a.py": "...", ...} as JSON.
    print(json.dumps({path: fidelity_run(os.path.abspath(path)) for path in sys.argv[1:]}))
