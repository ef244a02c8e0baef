# Grades a learner's exercise code: loads it as the module "exercise", calls its
# functions with the arguments of each check, and reports what each call did
# (returned a value, raised an exception, ran too long) as one JSON line that
# starts with RESULT_MARKER. Judging what is right happens in TypeScript.
#
# The page appends one line to this file: `_grade(<json spec>)`.
import ast
import base64
import builtins
import io
import json
import sys
import time
import traceback

LEARNER_FILE = "exercise.py"
RESULT_MARKER = "@@grading-result "
CASE_MARKER = "@@case "
MAX_TEXT = 400
MAX_PRINTED = 2000


class _TimeLimit(BaseException):
    """Raised inside the learner's code when one check runs too long.

    A BaseException, so `except Exception:` in the learner's code lets it through.
    """


def _decode(value):
    if isinstance(value, dict):
        if set(value) == {"$bytes"}:
            return base64.b64decode(value["$bytes"])
        return {key: _decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode(item) for item in value]
    return value


def _jsonable(value, depth=0):
    """A JSON form of a returned value, or None when it has none (then `repr` says what it was)."""
    if depth > 20:
        return None
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) < 2**53 else None
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, (list, tuple)):
        items = [_jsonable(item, depth + 1) for item in value]
        return None if any(item is None and original is not None for item, original in zip(items, value)) else items
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if not isinstance(key, str):
                return None
            converted = _jsonable(item, depth + 1)
            if converted is None and item is not None:
                return None
            result[key] = converted
        return result
    return None


def _short(text):
    text = str(text)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _learner_line(error):
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == LEARNER_FILE:
            line = frame.lineno
    return line


def _error_record(error):
    kind = type(error)
    module = kind.__module__
    return {
        "type": kind.__name__,
        "qualifiedType": kind.__name__ if module == "builtins" else module + "." + kind.__name__,
        "message": _short(error),
        "isValueError": isinstance(error, ValueError),
        "line": _learner_line(error),
    }


def _limited(function, seconds):
    """Runs function() with a time limit checked on every line of Python it runs."""
    deadline = time.monotonic() + seconds

    def tracer(frame, event, arg):
        if time.monotonic() > deadline:
            raise _TimeLimit()
        return tracer

    sys.settrace(tracer)
    try:
        return function()
    finally:
        sys.settrace(None)


def _capture(function, seconds):
    """Runs one call with its prints captured: (outcome record, printed text)."""
    printed = io.StringIO()
    original_stdout = sys.stdout
    original_input = builtins.input
    sys.stdout = printed

    def no_input(prompt=""):
        raise RuntimeError("input() cannot be used in a graded exercise")

    builtins.input = no_input
    try:
        value = _limited(function, seconds)
        record = {"outcome": "returned", "value": _jsonable(value), "repr": _short(repr(value)), "pyType": type(value).__name__}
    except _TimeLimit as error:
        record = {"outcome": "timeout", "line": _learner_line(error)}
    except KeyboardInterrupt:
        raise  # the page stopping the run
    except BaseException as error:  # noqa: BLE001 - the learner's exception (SystemExit too) is the result
        record = {"outcome": "raised", **_error_record(error)}
    finally:
        sys.stdout = original_stdout
        builtins.input = original_input
    text = printed.getvalue()
    if text:
        record["printed"] = text[:MAX_PRINTED]
    return record


def _analyse(tree, names):
    """Facts about the learner's functions, for the checks of the code itself."""
    facts = {}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or node.name not in names:
            continue
        calls = []
        comparisons = []
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call):
                target = inner.func
                if isinstance(target, ast.Attribute):
                    calls.append({"name": target.attr, "line": inner.lineno})
                elif isinstance(target, ast.Name):
                    calls.append({"name": target.id, "line": inner.lineno})
            elif isinstance(inner, ast.Compare):
                operands = [inner.left, *inner.comparators]
                for index, operator in enumerate(inner.ops):
                    if not isinstance(operator, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)):
                        continue
                    pair = operands[index : index + 2]
                    if any(_is_constant_like(operand) for operand in pair):
                        continue
                    comparisons.append({"line": inner.lineno, "text": _short(ast.unparse(inner))})
        facts[node.name] = {"line": node.lineno, "calls": calls, "valueComparisons": comparisons}
    return facts


def _is_constant_like(node):
    """Constants, len(...) and other plainly non-secret values: comparing those with == is fine."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(_is_constant_like(item) for item in node.elts)
    if isinstance(node, ast.UnaryOp):
        return _is_constant_like(node.operand)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("len", "type"):
        return True
    if isinstance(node, ast.Name) and node.id in ("None", "True", "False", "dict", "str", "bytes", "int"):
        return True
    return False


def _emit(result):
    sys.stdout.write(RESULT_MARKER + json.dumps(result) + "\n")
    sys.stdout.flush()


def _grade(spec):
    code = spec["code"]
    seconds = spec.get("secondsPerCall", 1.0)
    result = {"calls": [], "analysis": {}}
    try:
        tree = ast.parse(code, LEARNER_FILE)
        compiled = compile(tree, LEARNER_FILE, "exec")
    except SyntaxError as error:
        result["syntaxError"] = {
            "type": type(error).__name__,
            "message": error.msg,
            "line": error.lineno or 1,
            "column": error.offset or 1,
            "endLine": getattr(error, "end_lineno", None),
            "endColumn": getattr(error, "end_offset", None),
            "text": _short((error.text or "").rstrip("\n")),
        }
        _emit(result)
        return
    except ValueError as error:  # e.g. a NUL character in the source
        result["syntaxError"] = {"type": "ValueError", "message": str(error), "line": 1, "column": 1}
        _emit(result)
        return

    result["analysis"] = _analyse(tree, set(spec.get("analyse", [])))
    namespace = {"__name__": "exercise", "__builtins__": builtins}
    sys.stdout.write(CASE_MARKER + "(loading your code)\n")
    sys.stdout.flush()
    loaded = _capture(lambda: exec(compiled, namespace), spec.get("secondsToLoad", 2.0))
    if loaded["outcome"] != "returned":
        result["loadError"] = loaded
        _emit(result)
        return
    if "printed" in loaded:
        result["loadPrinted"] = loaded["printed"]

    for call in spec["calls"]:
        sys.stdout.write(CASE_MARKER + call["id"] + "\n")
        sys.stdout.flush()
        function = namespace.get(call["function"])
        if not callable(function):
            result["calls"].append({"id": call["id"], "outcome": "missing", "function": call["function"]})
            continue
        args = _decode(call.get("args", []))
        kwargs = _decode(call.get("kwargs", {}))
        record = _capture(lambda: function(*args, **kwargs), seconds)
        record["id"] = call["id"]
        result["calls"].append(record)
    _emit(result)
