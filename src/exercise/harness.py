# Grades a learner's exercise code: loads it as the module "exercise", calls its
# functions with the arguments of each check, and reports what each call did
# (returned a value, raised an exception, ran too long) and what it was seen to
# do on the way (probes), as one JSON line that starts with RESULT_MARKER.
# Judging what is right happens in TypeScript.
#
# Probes observe behaviour, never names: before the learner's module is loaded,
# the functions a verifier may use (hmac.compare_digest, hmac.new, json.loads,
# the clocks...) are wrapped, and every comparison in the learner's code is
# rewritten into a call that records when two pieces of signature material are
# compared with a variable-time operator. Everything is put back afterwards, so
# the page's later runs see the standard library as it was.
#
# The page appends one line to this file: `_grade(<json spec>)`.
import ast
import base64
import builtins
import copy
import datetime as _datetime_module
import hmac as _hmac_module
import io
import json
import operator
import secrets
import sys
import time
import traceback
import types

LEARNER_FILE = "exercise.py"
LEARNER_MODULE = "exercise"
RESULT_MARKER = "@@grading-result "
CASE_MARKER = "@@case "
MAX_TEXT = 400
MAX_PRINTED = 2000
MAX_EVENTS = 40
_monotonic = time.monotonic
_json_loads = json.loads
_json_decode = json.JSONDecoder.decode


class _TimeLimit(BaseException):
    """Raised inside the learner's code when one check runs too long.

    A BaseException, so `except Exception:` in the learner's code lets it through.
    `limit` says which limit: "lines" (the budget of Python lines, the same on every
    machine) or "seconds" (the wall-clock backstop, for sleeps and slow C calls).
    """

    def __init__(self, limit, amount):
        super().__init__(limit, amount)
        self.limit = limit
        self.amount = amount


class _Budget:
    """Lines of Python a run may still execute, over all its calls."""

    def __init__(self, lines):
        self.lines = lines


# ---------------------------------------------------------------- values


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


def _safe_repr(value):
    try:
        return _short(repr(value))
    except Exception:  # noqa: BLE001 - a learner's __repr__ may fail
        return "<" + type(value).__name__ + ">"


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


def _b64url_bytes(text):
    """Lenient base64url decoding (as the lesson's b64url_decode does), or None."""
    try:
        if isinstance(text, str):
            text = text.encode("ascii")
        return base64.urlsafe_b64decode(text + b"=" * (-len(text) % 4))
    except Exception:  # noqa: BLE001 - any text that is not base64url
        return None


# ---------------------------------------------------------------- probes


class _Probe:
    """What the current call may touch (its signatures, payload, secret) and what it did."""

    def __init__(self, spec):
        spec = spec or {}
        self.events = []
        self.texts = set()
        self.folded = set()
        self.raws = set()
        for signature in spec.get("signatures", []):
            self._add_signature(signature)
        segment = spec.get("payloadSegment")
        self.payload_bytes = _b64url_bytes(segment) if segment is not None else None
        secret = spec.get("secret")
        self.secret = _decode(secret) if secret is not None else None
        self.signing_input = spec.get("signingInput")
        self.segments = spec.get("segments")

    def _add_signature(self, text):
        forms = {text, text.rstrip("=")}
        raw = _b64url_bytes(text)
        if raw:
            self.raws.add(raw)
            encoded = base64.urlsafe_b64encode(raw).decode("ascii")
            standard = base64.b64encode(raw).decode("ascii")
            forms |= {encoded, encoded.rstrip("="), standard, standard.rstrip("="), raw.hex()}
        forms.discard("")
        self.texts |= forms
        self.folded |= {form.lower() for form in forms}

    def add_computed(self, value):
        """A digest the learner's code computed (raw bytes or hex), in every form it may be compared in."""
        raw = value if isinstance(value, bytes) else None
        if raw is None:
            try:
                raw = bytes.fromhex(value)
            except ValueError:
                return
        if len(raw) < 8 or raw in self.raws:
            return
        self._add_signature(base64.urlsafe_b64encode(raw).decode("ascii"))

    def material(self, value):
        """Is this value (a form of) one of the call's signatures, or a sizeable piece of one?"""
        if isinstance(value, (bytes, bytearray, memoryview)):
            data = bytes(value)
            if data in self.raws:
                return True
            value = data.decode("latin-1")
        if not isinstance(value, str) or len(value) < 8 or len(value) > 600:
            return False
        if value in self.texts or value.lower() in self.folded:
            return True
        lowered = value.lower()
        return any(lowered in form or form in lowered for form in self.folded)

    def in_container(self, value):
        if isinstance(value, (str, bytes, bytearray)):
            return self.material(value)
        if isinstance(value, (list, tuple, set, frozenset, dict)) and len(value) <= 16:
            return any(self.material(item) for item in value)
        return False

    def is_payload(self, value):
        if self.payload_bytes is None:
            return False
        if isinstance(value, (bytes, bytearray)):
            return bytes(value).strip() == self.payload_bytes.strip()
        if isinstance(value, str):
            try:
                return value.strip().encode("utf-8", "surrogatepass") == self.payload_bytes.strip()
            except Exception:  # noqa: BLE001
                return False
        return False


_probe = None  # the probe of the call running now, or None outside graded calls


def _caller_line():
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename == LEARNER_FILE:
            return frame.f_lineno
        frame = frame.f_back
    return None


def _event(kind, detail=None):
    probe = _probe
    if probe is None or len(probe.events) >= MAX_EVENTS:
        return
    event = {"kind": kind, "line": _caller_line()}
    if detail is not None:
        event["detail"] = detail
    probe.events.append(event)


_VARIABLE_TIME = {
    "Eq": operator.eq,
    "NotEq": operator.ne,
    "Is": operator.is_,
    "IsNot": operator.is_not,
    "In": lambda a, b: a in b,
    "NotIn": lambda a, b: a not in b,
}
_ORDERING = {"Lt": operator.lt, "LtE": operator.le, "Gt": operator.gt, "GtE": operator.ge}
_OPERATOR_TEXT = {"Eq": "==", "NotEq": "!=", "Is": "is", "IsNot": "is not", "In": "in", "NotIn": "not in"}


def _probe_compare(name, left, right):
    """Stands for `left <op> right` in the learner's code."""
    if name in _ORDERING:
        return _ORDERING[name](left, right)
    result = _VARIABLE_TIME[name](left, right)
    probe = _probe
    if probe is not None:
        if name in ("In", "NotIn"):
            both = probe.material(left) and probe.in_container(right)
        else:
            both = probe.material(left) and probe.material(right)
        if both:
            _event("variable-time", _OPERATOR_TEXT[name])
    return result


_FOLDING = {"lower", "upper", "casefold", "swapcase"}
_SEARCHING = {"startswith", "endswith", "find", "index", "count", "__contains__"}


def _probe_method(target, name):
    """Stands for the attribute `target.name` when it is called in the learner's code."""
    bound = getattr(target, name)
    probe = _probe
    if probe is None:
        return bound
    if name in _FOLDING:
        if probe.material(target):
            _event("case-folded", name)
        return bound
    if name in _SEARCHING and probe.material(target):

        def searching(*args, **kwargs):
            if args and probe.in_container(args[0]):
                _event("variable-time", "." + name + "()")
            return bound(*args, **kwargs)

        return searching
    if name in ("__eq__", "__ne__"):

        def equal(*args, **kwargs):
            operands = list(args) if isinstance(target, type) else [target, *args]
            if len(operands) >= 2 and probe.material(operands[0]) and probe.material(operands[1]):
                _event("variable-time", "." + name + "()")
            return bound(*args, **kwargs)

        return equal
    return bound


class _Rewriter(ast.NodeTransformer):
    """Turns single comparisons and some method calls into calls of the probes above."""

    def visit_Compare(self, node):
        self.generic_visit(node)
        if len(node.ops) != 1:
            return node
        name = type(node.ops[0]).__name__
        call = ast.Call(
            func=ast.Name(id="__probe_compare__", ctx=ast.Load()),
            args=[ast.Constant(name), node.left, node.comparators[0]],
            keywords=[],
        )
        return ast.copy_location(call, node)

    def visit_Call(self, node):
        self.generic_visit(node)
        target = node.func
        if isinstance(target, ast.Attribute) and target.attr in (_FOLDING | _SEARCHING | {"__eq__", "__ne__"}):
            node.func = ast.copy_location(
                ast.Call(
                    func=ast.Name(id="__probe_method__", ctx=ast.Load()),
                    args=[target.value, ast.Constant(target.attr)],
                    keywords=[],
                ),
                target,
            )
        return node


def _wrap_compare_digest(original):
    def compare_digest(a, b):
        probe = _probe
        if probe is not None:
            both = probe.material(a) and probe.material(b)
            _event("constant-time", "signatures" if both else "other")
        return original(a, b)

    return compare_digest


def _digest_name(digestmod):
    try:
        if isinstance(digestmod, str):
            return digestmod.lower().replace("-", "")
        if callable(digestmod):
            return digestmod().name
        return digestmod.new().name
    except Exception:  # noqa: BLE001 - an unusual digestmod: hmac itself will say what is wrong
        return None


def _hmac_event(key, message, digestmod):
    probe = _probe
    if probe is None:
        return
    detail = {"hash": _digest_name(digestmod)}
    if probe.secret is not None and isinstance(key, (bytes, bytearray)):
        detail["key"] = "secret" if bytes(key) == probe.secret else "other"
    if message is not None and isinstance(message, (bytes, bytearray, memoryview)):
        data = bytes(message)
        detail["message"] = "other"
        if probe.signing_input is not None and data == probe.signing_input.encode("utf-8", "surrogatepass"):
            detail["message"] = "signing-input"
        elif probe.segments:
            for index, part in enumerate(("header", "payload")):
                if data == probe.segments[index].encode("utf-8", "surrogatepass"):
                    detail["message"] = part + "-only"
    _event("hmac", detail)


def _computed(value):
    """What the learner's HMAC gave is signature material too: comparing it is comparing signatures."""
    probe = _probe
    if probe is not None and isinstance(value, (bytes, str)):
        probe.add_computed(value)
    return value


class _ProbedHMAC:
    """An hmac.HMAC whose outputs are remembered by the probe (HMAC has __slots__, so: a wrapper)."""

    def __init__(self, inner):
        self._inner = inner

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        return _ProbedHMAC(self._inner.copy())

    def digest(self):
        return _computed(self._inner.digest())

    def hexdigest(self):
        return _computed(self._inner.hexdigest())

    def __getattr__(self, name):
        return getattr(self._inner, name)


def _wrap_hmac_new(original):
    def new(key, msg=None, digestmod=""):
        _hmac_event(key, msg, digestmod)
        made = original(key, msg, digestmod)
        return made if _probe is None else _ProbedHMAC(made)

    return new


def _wrap_hmac_digest(original):
    def digest(key, msg, digest):
        _hmac_event(key, msg, digest)
        return _computed(original(key, msg, digest))

    return digest


def _wrap_loads(original):
    def loads(s, *args, **kwargs):
        probe = _probe
        if probe is not None and probe.is_payload(s):
            _event("payload-parsed")
            probe_before, probe.payload_bytes = probe.payload_bytes, None
            try:
                return original(s, *args, **kwargs)
            finally:
                probe.payload_bytes = probe_before
        return original(s, *args, **kwargs)

    return loads


def _probe_decode(self, s, *args, **kwargs):
    probe = _probe
    if probe is not None and probe.is_payload(s):
        _event("payload-parsed")
    return _json_decode(self, s, *args, **kwargs)


def _clock(name, original):
    def read(*args, **kwargs):
        _event("clock", name)
        return original(*args, **kwargs)

    return read


def _clock_classes():
    # The originals are held here: once installed, the module's names point at these classes.
    real_datetime, real_date, utc = _datetime_module.datetime, _datetime_module.date, _datetime_module.timezone.utc

    class datetime(real_datetime):  # noqa: N801 - stands in for datetime.datetime
        @classmethod
        def now(cls, tz=None):
            _event("clock", "datetime.now")
            return real_datetime.now(tz)

        @classmethod
        def utcnow(cls):
            _event("clock", "datetime.utcnow")
            return real_datetime.now(utc).replace(tzinfo=None)

        @classmethod
        def today(cls):
            _event("clock", "datetime.today")
            return real_datetime.today()

    class date(real_date):  # noqa: N801 - stands in for datetime.date
        @classmethod
        def today(cls):
            _event("clock", "date.today")
            return real_date.today()

    return datetime, date


def _install_probes():
    """Wraps what the probes watch; returns a function that puts everything back."""
    saved = []

    def replace(owner, name, value):
        saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    original_compare_digest = _hmac_module.compare_digest
    replace(_hmac_module, "compare_digest", _wrap_compare_digest(original_compare_digest))
    replace(secrets, "compare_digest", _hmac_module.compare_digest)
    replace(_hmac_module, "new", _wrap_hmac_new(_hmac_module.new))
    replace(_hmac_module, "digest", _wrap_hmac_digest(_hmac_module.digest))
    replace(json, "loads", _wrap_loads(json.loads))
    replace(json.JSONDecoder, "decode", _probe_decode)
    for name in ("eq", "ne", "__eq__", "__ne__"):
        operation = "Eq" if "eq" in name else "NotEq"
        replace(operator, name, lambda a, b, operation=operation: _probe_compare(operation, a, b))
    for name in ("time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "localtime", "gmtime"):
        replace(time, name, _clock("time." + name, getattr(time, name)))
    clock_datetime, clock_date = _clock_classes()
    replace(_datetime_module, "datetime", clock_datetime)
    replace(_datetime_module, "date", clock_date)

    def restore():
        for owner, name, value in reversed(saved):
            setattr(owner, name, value)

    return restore


# ---------------------------------------------------------------- running


def _limited(function, limit):
    """Runs function() within a limit checked on every line of Python it runs.

    The limit is counted in lines executed, not in seconds: a busy machine runs the
    same lines more slowly, and a correct answer must not fail because another
    program shares the processor. The line budget is taken from the run's `budget`
    too, so code that runs out on every call cannot keep the learner waiting. A
    wall-clock deadline, far above what the lines take, stops what lines cannot
    count (a sleep).
    """
    lines, seconds, budget = limit["lines"], limit["seconds"], limit["budget"]
    allowed = min(lines, budget.lines)
    deadline = _monotonic() + seconds
    used = 0

    def tracer(frame, event, arg):
        nonlocal used
        if event == "line":
            used += 1
            if used > allowed:
                raise _TimeLimit("lines", allowed)
        if _monotonic() > deadline:
            raise _TimeLimit("seconds", seconds)
        return tracer

    sys.settrace(tracer)
    try:
        return function()
    finally:
        sys.settrace(None)
        budget.lines = max(0, budget.lines - used)


def _capture(function, limit):
    """Runs one call with its prints captured: (outcome record, returned value)."""
    printed = io.StringIO()
    original_stdout = sys.stdout
    original_input = builtins.input
    sys.stdout = printed
    value = None

    def no_input(prompt=""):
        raise RuntimeError("input() cannot be used in a graded exercise")

    builtins.input = no_input
    try:
        value = _limited(function, limit)
        record = {"outcome": "returned", "value": _jsonable(value), "repr": _safe_repr(value), "pyType": type(value).__name__}
    except _TimeLimit as error:
        record = {"outcome": "timeout", "line": _learner_line(error), "limit": error.limit, "amount": error.amount}
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
    return record, value


def _emit(result):
    sys.stdout.write(RESULT_MARKER + json.dumps(result) + "\n")
    sys.stdout.flush()


def _snapshot(values):
    try:
        return copy.deepcopy(values)
    except Exception:  # noqa: BLE001
        return None


def _grade_call(call, namespace, limit):
    global _probe
    function = namespace.get(call["function"])
    if not callable(function):
        return {"id": call["id"], "outcome": "missing", "function": call["function"]}
    args = _decode(call.get("args", []))
    kwargs = _decode(call.get("kwargs", {}))
    before = _snapshot((args, kwargs))
    probe = _Probe(call.get("probe"))
    _probe = probe
    try:
        record, value = _capture(lambda: function(*args, **kwargs), limit)
    finally:
        _probe = None
    record["id"] = call["id"]
    if probe.events:
        record["events"] = probe.events
    if before is not None:
        changed = [str(index) for index, item in enumerate(args) if before[0][index] != item]
        changed += [name for name, item in kwargs.items() if before[1].get(name) != item]
        if changed:
            record["changedArguments"] = changed
    expected = call.get("expectJson")
    if expected is not None and record["outcome"] == "returned":
        try:
            wanted = _json_loads(expected)
            record["matches"] = type(value) is type(wanted) and value == wanted and _same_types(value, wanted)
        except Exception:  # noqa: BLE001 - a learner's __eq__ may raise
            record["matches"] = False
    return record


def _same_types(a, b):
    """True, 1 and 1.0 are == in Python; a payload must keep its JSON types."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return all(key in a and _same_types(a[key], b[key]) for key in b)
    if isinstance(a, list):
        return all(_same_types(x, y) for x, y in zip(a, b))
    return True


def _grade(spec):
    code = spec["code"]
    budget = _Budget(spec["linesInAll"])
    per_call = {"lines": spec["linesPerCall"], "seconds": spec["secondsPerCall"], "budget": budget}
    to_load = {"lines": spec["linesToLoad"], "seconds": spec["secondsToLoad"], "budget": _Budget(spec["linesToLoad"])}
    result = {"calls": []}
    try:
        tree = ast.parse(code, LEARNER_FILE)
        compile(tree, LEARNER_FILE, "exec")  # the learner's own code must compile as written
        probed = ast.fix_missing_locations(_Rewriter().visit(tree))
        compiled = compile(probed, LEARNER_FILE, "exec")
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

    # A real module, registered as it would be on import: dataclasses, typing and
    # pickling look the learner's module up in sys.modules.
    module = types.ModuleType(LEARNER_MODULE)
    module.__file__ = LEARNER_FILE
    namespace = module.__dict__
    namespace["__builtins__"] = builtins
    namespace["__probe_compare__"] = _probe_compare
    namespace["__probe_method__"] = _probe_method
    previous_module = sys.modules.get(LEARNER_MODULE)
    sys.modules[LEARNER_MODULE] = module
    restore = _install_probes()
    try:
        sys.stdout.write(CASE_MARKER + "(loading your code)\n")
        sys.stdout.flush()
        loaded, _ = _capture(lambda: exec(compiled, namespace), to_load)
        if loaded["outcome"] != "returned":
            result["loadError"] = loaded
            return
        if "printed" in loaded:
            result["loadPrinted"] = loaded["printed"]
        for call in spec["calls"]:
            if budget.lines == 0:
                # Code that ran out on earlier calls: the rest are not made.
                result["calls"].append({"id": call["id"], "outcome": "timeout", "line": None, "limit": "lines", "amount": 0})
                continue
            sys.stdout.write(CASE_MARKER + call["id"] + "\n")
            sys.stdout.flush()
            result["calls"].append(_grade_call(call, namespace, per_call))
    finally:
        restore()
        if previous_module is None:
            sys.modules.pop(LEARNER_MODULE, None)
        else:
            sys.modules[LEARNER_MODULE] = previous_module
        _emit(result)
