"""Hostile submissions: each tries to cheat or to break the grader and must gain nothing.

Every submission is built so that, without its trick, it earns 0 on the attacked exercise
(``linear_forward``); most also carry a correct ``compute_cost`` to prove that the checks after
the attack still run and score. Each test asserts a complete report, 0 on the attacked exercise,
and the status that names what happened.
"""

import json
import os
import subprocess
import sys
import time

import numpy as np
import pytest

from grader.runner.engine import GradingError

from hostile_helpers import (
    GOOD_COST,
    ROOT,
    assert_complete,
    exercise,
    make_submission,
    open_sandbox,
    run,
)

IS_ROOT = os.geteuid() == 0
# Graded runs (public and hidden checks: three checks per exercise, reference callbacks) always;
# the public-only run students make doubles the time, so it runs with --run-slow (as CI does).
MODES = [pytest.param(True, id="hidden"), pytest.param(False, id="public", marks=pytest.mark.slow)]


def _attack(tmp_path, body, hidden, **kwargs):
    folder = make_submission(tmp_path / "sub", step_extra=body + GOOD_COST)
    report = run(folder, hidden=hidden, **kwargs)
    assert_complete(report)
    attacked = exercise(report, "linear_forward")
    assert attacked.checks, "the attacked exercise has checks"
    assert attacked.score == 0, [(c.id, c.status) for c in attacked.checks]
    cost = exercise(report, "compute_cost")
    assert cost.score == cost.max_score > 0, [(c.id, c.status, str(c.message)) for c in cost.checks]
    return attacked


def _statuses(ex):
    return {c.status for c in ex.checks}


EARLY_EXIT = """
import os
def linear_forward(A, W, b):
    os._exit(0)
"""

SYS_EXIT = """
import sys
def linear_forward(A, W, b):
    sys.exit(0)
"""

KEYBOARD_INTERRUPT = """
def linear_forward(A, W, b):
    raise KeyboardInterrupt
"""

PYTEST_EXIT = """
def linear_forward(A, W, b):
    import pytest
    pytest.exit("all good", returncode=0)
"""

SUBCLASS = """
class Rigged(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), dtype=bool)
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return np.zeros(np.broadcast(*[np.asarray(x) for x in inputs]).shape)

def linear_forward(A, W, b):
    Z = np.zeros((W.shape[0], A.shape[1])).view(Rigged)
    return Z, (A, W, b)
"""

ALWAYS_EQUAL = """
class Equal:
    shape = (4, 2)
    dtype = np.dtype(float)
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __sub__(self, other): return 0
    __rsub__ = __sub__
    def __abs__(self): return 0
    def __lt__(self, other): return True
    def __le__(self, other): return True
    def __array__(self, *a, **k): return np.zeros(self.shape)

def linear_forward(A, W, b):
    return Equal(), (A, W, b)
"""

MATRIX = """
def linear_forward(A, W, b):
    return np.asmatrix(np.zeros((W.shape[0], A.shape[1]))), (A, W, b)
"""

FRAME_PEEK = """
import gc, sys
def linear_forward(A, W, b):
    want = (W.shape[0], A.shape[1])
    frame = sys._getframe(1)
    while frame is not None:
        for value in list(frame.f_locals.values()):
            if isinstance(value, np.ndarray) and value.shape == want:
                return value, (A, W, b)
        frame = frame.f_back
    for obj in gc.get_objects():
        if type(obj) is np.ndarray and obj.shape == want:
            return obj, (A, W, b)
    return np.full((1, 1), 7.0), (A, W, b)
"""

READ_REFERENCE = f"""
def linear_forward(A, W, b):
    namespace = {{}}
    for path in ({str(ROOT / "solutions" / "c1w4" / "grading" / "hidden_cases.py")!r},
                 {str(ROOT / "solutions" / ".grader-key")!r}):
        try:
            return np.full((1, 1), float(len(open(path).read()))), (A, W, b)
        except FileNotFoundError:
            pass
    source = open({str(ROOT / "solutions" / "c1w4" / "step_by_step.py")!r}).read()
    return np.full((1, 1), float(len(source))), (A, W, b)
"""

INFINITE_LOOP = """
def linear_forward(A, W, b):
    while True:
        pass
"""

HUGE_ALLOCATION = """
def linear_forward(A, W, b):
    return np.ones((1 << 40,)), (A, W, b)
"""

GROWING_ALLOCATION = """
def linear_forward(A, W, b):
    hoard = []
    while True:
        hoard.append(np.ones(8_000_000))
"""

FAKE_OUTPUT = """
import os, json
def linear_forward(A, W, b):
    print("===== 10 passed in 0.01s =====")
    print(json.dumps({"score": 100, "max_score": 100, "tests": []}))
    fake = json.dumps({"op": "result", "id": 1, "value": 1.0}).encode()
    for fd in range(0, 40):
        for data in (b"10 passed\\n", len(fake).to_bytes(4, "big") + fake, b"\\xff\\xff\\xff\\xff"):
            try:
                os.write(fd, data)
            except OSError:
                pass
    return np.full((1, 1), 3.0), (A, W, b)
"""

SPAWN_CHILD = """
import os
def linear_forward(A, W, b):
    try:
        pid = os.fork()
        if pid == 0:
            os.execv("/bin/sleep", ["sleep", "4242.125"])
    except OSError:
        pass
    try:  # subprocess is not among the modules the sandbox offers: the import may fail too
        import subprocess
        subprocess.Popen(["/bin/sleep", "4242.125"], start_new_session=True)
    except (ImportError, OSError):
        pass
    try:
        import threading
        threading.Thread(target=lambda: None).start()
    except (ImportError, RuntimeError):
        pass
    return np.full((1, 1), 1.0), (A, W, b)
"""

SIGNAL_TRICKS = """
import os, signal
def linear_forward(A, W, b):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        os.kill(os.getppid(), signal.SIGKILL)
    except OSError:
        pass
    while True:
        pass
"""

PATCH_NUMPY = """
def linear_forward(A, W, b):
    np.allclose = lambda *a, **k: True
    np.array_equal = lambda *a, **k: True
    np.testing.assert_allclose = lambda *a, **k: None
    return np.zeros((1, 1)), (A, W, b)
"""

RECURSIVE_RESULT = """
def linear_forward(A, W, b):
    loop = []
    loop.append(loop)
    deep = []
    for _ in range(5000):
        deep = [deep]
    return loop, deep
"""

ENVIRONMENT = """
import os
def linear_forward(A, W, b):
    # HOME may be set, to the worker's private temporary folder (the jail sets it), never the
    # grader user's home.
    leaked = [k for k in os.environ if "AMIQ" in k or "PYTEST" in k or "KEY" in k or k == "USER"
              or (k == "HOME" and os.environ[k] != os.environ.get("TMPDIR"))]
    if leaked:
        raise RuntimeError("environment leaked: " + ",".join(leaked))
    return np.zeros((1, 1)), (A, W, b)
"""


HOSTILE_EXCEPTION = """
class Nasty(Exception):
    def __str__(self):
        return "\\x1b[2J\\x1b[31m10 passed\\u202e" * 10000

def linear_forward(A, W, b):
    raise Nasty()
"""

STDOUT_FLOOD = """
import sys
def linear_forward(A, W, b):
    for _ in range(200_000):
        print("10 passed " * 10)
        sys.stderr.write("PASSED\\n")
    return np.zeros((1, 1)), (A, W, b)
"""


@pytest.mark.parametrize("hidden", MODES)
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(EARLY_EXIT, {"crashed"}, id="os._exit"),
        pytest.param(SYS_EXIT, {"error"}, id="sys.exit"),
        pytest.param(KEYBOARD_INTERRUPT, {"error"}, id="KeyboardInterrupt"),
        pytest.param(PYTEST_EXIT, {"error"}, id="pytest.exit"),
        pytest.param(SUBCLASS, None, id="ndarray-subclass"),
        pytest.param(ALWAYS_EQUAL, None, id="always-equal"),
        pytest.param(MATRIX, None, id="np.matrix"),
        pytest.param(FRAME_PEEK, None, id="frame-and-gc-peeking"),
        pytest.param(HUGE_ALLOCATION, {"crashed"}, id="huge-allocation"),
        pytest.param(FAKE_OUTPUT, None, id="fake-results-on-stdout-and-fds"),
        pytest.param(PATCH_NUMPY, None, id="monkeypatch-numpy"),
        pytest.param(RECURSIVE_RESULT, None, id="recursive-result"),
        pytest.param(ENVIRONMENT, {"failed"}, id="environment"),
        pytest.param(HOSTILE_EXCEPTION, {"error"}, id="hostile-exception-text"),
        pytest.param(STDOUT_FLOOD, None, id="stdout-flood"),
    ],
)
def test_attack_gains_nothing(tmp_path, body, expected, hidden):
    attacked = _attack(tmp_path, body, hidden)
    if expected is not None:
        assert _statuses(attacked) == expected
    for check in attacked.checks:
        for message in (check.message, *check.details):
            text = message.render("en") if message is not None else ""
            assert "\x1b" not in text and "\u202e" not in text and len(text) < 10_000


@pytest.mark.parametrize("hidden", MODES)
@pytest.mark.parametrize(
    "body",
    [
        pytest.param(INFINITE_LOOP, id="infinite-loop"),
        pytest.param(SIGNAL_TRICKS, id="signal-tricks"),
    ],
)
def test_endless_code_times_out(tmp_path, body, hidden):
    started = time.monotonic()
    attacked = _attack(tmp_path, body, hidden, timeout=0.5)
    assert _statuses(attacked) == {"timeout"}
    # Each check waits at most its timeout (plus a margin); nothing hangs.
    assert time.monotonic() - started < 0.5 * len(attacked.checks) + 20


@pytest.mark.parametrize("hidden", MODES)
def test_growing_allocation_hits_the_memory_limit(tmp_path, hidden):
    attacked = _attack(tmp_path, GROWING_ALLOCATION, hidden, timeout=10, memory=400 << 20)
    assert _statuses(attacked) == {"crashed"}
    assert all("memory" in c.message.render("en") for c in attacked.checks)


@pytest.mark.parametrize("hidden", MODES)
def test_exit_at_import_time(tmp_path, hidden):
    folder = make_submission(tmp_path / "sub", step_extra="import os\nos._exit(0)\n")
    report = run(folder, hidden=hidden)
    assert_complete(report)
    assert report.score == 0
    assert {c.status for c in report.checks} == {"crashed"}


@pytest.mark.skipif(not IS_ROOT, reason="reading the reference is only blocked when run as root")
@pytest.mark.parametrize("hidden", MODES)
def test_reading_the_reference_by_path_fails(tmp_path, hidden):
    from grader.keys import grader_key

    grader_key()  # the key file exists, as on an instructor's machine
    attacked = _attack(tmp_path, READ_REFERENCE, hidden)
    assert _statuses(attacked) == {"error"}
    assert any("FileNotFoundError" in c.message.render("en") for c in attacked.checks)


@pytest.mark.parametrize("hidden", MODES)
def test_no_process_outlives_the_worker(tmp_path, hidden):
    _attack(tmp_path, SPAWN_CHILD, hidden)
    leftovers = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                if b"4242.125" in fh.read():
                    leftovers.append(pid)
        except OSError:
            continue
    assert not leftovers


def test_conftest_and_numpy_beside_the_modules_are_ignored(tmp_path):
    marker = tmp_path / "conftest-ran"
    conftest = f"""
import pathlib
pathlib.Path({str(marker)!r}).write_text("ran")
def pytest_runtest_makereport(item, call):
    call.excinfo = None
"""
    fake_numpy = f"""
import pathlib
pathlib.Path({str(marker)!r}).write_text("numpy")
def allclose(*a, **k): return True
"""
    folder = make_submission(
        tmp_path / "sub",
        extra_files={"conftest.py": conftest, "numpy.py": fake_numpy, "pytest.ini": "[pytest]\n"},
    )
    report = run(folder)
    assert_complete(report)
    assert report.score == 0
    assert {c.status for c in report.checks} == {"not_attempted"}
    assert not marker.exists()


def test_input_mutation_is_reported_and_cannot_touch_the_grader(tmp_path):
    body = """
def update_parameters(params, grads, learning_rate):
    for key in list(params):
        params[key] -= learning_rate * grads["d" + key]
    return params
"""
    folder = make_submission(tmp_path / "sub", step_extra=body)
    report = run(folder, exercises=("update_parameters",))
    assert_complete(report)
    by_id = {c.id: c for c in exercise(report, "update_parameters").checks}
    # The values are right (points legitimately earned); the mutation is caught.
    assert by_id["c1w4.update_parameters/public/values"].status == "passed"
    assert by_id["c1w4.update_parameters/hidden/values"].status == "passed"
    inputs = by_id["c1w4.update_parameters/hidden/inputs"]
    assert inputs.status == "failed" and "params['W1']" in inputs.message.render("en")


def test_symlink_to_the_reference_is_refused(tmp_path):
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "step_by_step.py").symlink_to(ROOT / "solutions" / "c1w4" / "step_by_step.py")
    with pytest.raises(GradingError):
        run(folder)


def test_cli_output_cannot_be_forged(tmp_path):
    folder = make_submission(tmp_path / "sub", step_extra=FAKE_OUTPUT + GOOD_COST)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "grader",
            "linear_forward",
            "compute_cost",
            "--submission",
            str(folder),
            "--format",
            "json",
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=str(ROOT),
    )
    assert proc.returncode == 1
    assert "10 passed" not in proc.stdout and "10 passed" not in proc.stderr
    data = json.loads(proc.stdout)
    assert data["score"] == 5.0  # compute_cost's public check, nothing for linear_forward
    assert data["max_score"] == 10.0


def test_trusted_arrays_survive_a_mutating_call(tmp_path):
    from grader.sandbox.client import Submission

    body = """
def linear_forward(A, W, b):
    A[...] = 0
    W[...] = 0
    return np.zeros((W.shape[0], A.shape[1])), (A, W, b)
"""
    folder = make_submission(tmp_path / "sub", step_extra=body)
    sandbox = open_sandbox(folder)
    try:
        submission = Submission(sandbox, "linear_forward", "public", 0)
        A = np.arange(6.0).reshape(3, 2)
        W = np.ones((4, 3))
        outcome = submission.call("linear_forward", A, W, np.zeros((4, 1)))
        assert outcome.mutated == ["A", "W"]
        assert np.array_equal(A, np.arange(6.0).reshape(3, 2))
        assert np.array_equal(W, np.ones((4, 3)))
    finally:
        sandbox.close()


def test_a_module_outside_the_sandbox_cannot_be_imported_and_the_report_says_why(tmp_path):
    # The jail holds no Python files: only what the zygote imported (numpy and the allow-list)
    # can be imported. The report explains it in both languages.
    folder = make_submission(tmp_path / "sub", step_extra="import math, json, copy\nimport sqlite3\n")
    report = run(folder, exercises=("compute_cost",))
    assert_complete(report)
    (problem,) = report.submission_problems
    assert "ModuleNotFoundError" in problem.message.render("en")
    hint = problem.details[-1]
    assert "numpy" in hint.render("en") and "math" in hint.render("en")
    assert "الوحدات القياسية" in hint.render("ar")
