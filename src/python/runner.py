# Runs one learner program in a fresh namespace, the way `python main.py` would,
# and prints errors as a short traceback of the learner's own lines.
import builtins
import sys
import traceback

_STANDIN_HINT = (
    "Only the Python standard library and the course's stand-ins for flask, "
    "flask_jwt_extended and jwt are available in the browser."
)


def _no_input(prompt=""):
    raise RuntimeError(
        "input() is not available in the browser examples: "
        "assign the value in the code instead, e.g. name = \"alice\""
    )


def _print_error(error):
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "main.py"]
    lines = traceback.format_exception_only(type(error), error)
    if frames:
        lines = ["Traceback (most recent call last):\n"] + traceback.format_list(frames) + lines
    if isinstance(error, ModuleNotFoundError):
        lines.append(_STANDIN_HINT + "\n")
    sys.stderr.write("".join(lines))


def run_learner_code(code):
    """Returns the exit code: 0 for success, 1 for an error, what sys.exit() gave, or -2 if interrupted."""
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    original_input = builtins.input
    builtins.input = _no_input
    try:
        compiled = compile(code, "main.py", "exec")
        exec(compiled, namespace)
        return 0
    except SystemExit as exit:
        code = exit.code
        if code is None or code == 0:
            return 0
        if not isinstance(code, int):
            sys.stderr.write(f"{code}\n")
            return 1
        return code
    except KeyboardInterrupt:
        return -2
    except BaseException as error:  # noqa: BLE001 - the learner's error, shown, not raised
        _print_error(error)
        return 1
    finally:
        builtins.input = original_input
        sys.stdout.flush()
        sys.stderr.flush()
