"""Hostile submissions that attack the sandbox's channel, the jail and the reference callbacks.

Each attack was a real hole before the fix named in its test: forged replies whose text broke the
report, frames that made the grader decode gigabytes, reference callbacks that made the grader
allocate gigabytes, a writable sandbox folder (the grader's pytest.ini lived there), and data
passed from one exercise's worker to the next through SysV shared memory.
"""

import json
import os
import resource
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from grader.compare import check_array
from grader.feedback import Failure, ProtocolViolation
from grader.report import render
from grader.sandbox import protocol
from grader.sandbox.client import Limits, Submission

from hostile_helpers import (
    GOOD_COST,
    ROOT,
    assert_complete,
    exercise,
    make_submission,
    open_sandbox,
    run,
)

# Finds the worker's server frame and sends a reply the honest worker never would, then exits
# (the honest reply would follow otherwise).
FORGE = """
import json as _json, os as _os, sys as _sys

def _forge(fields):
    frame = _sys._getframe()
    while "call_id" not in frame.f_locals:
        frame = frame.f_back
    reply = dict(fields, id=frame.f_locals["call_id"])
    serving = frame.f_back.f_locals.get("message", {})
    if serving.get("op") == "batch":  # answer the whole batch with the forged reply
        reply = {"op": "batch_result", "id": reply["id"], "results": [reply] * len(serving["calls"])}
    # json.dumps escapes lone surrogates as "\\ud800", which the grader's decoder accepts.
    body = _json.dumps(reply).encode()
    frame.f_locals["self"].sock.sendall(len(body).to_bytes(4, "big") + body)
    _os._exit(0)
"""

UNSAFE = "\x1b[2J\x1b[H\u202e\udfff\ud800x\ufffe\u2028"  # lone surrogates, not a pair

FORGED_TEXT = FORGE + f"""
def linear_forward(A, W, b):
    unsafe = {UNSAFE!r}
    _forge({{"op": "error", "phase": "call", "type": "Value" + unsafe + "Error",
            "message": "10 passed" + unsafe, "traceback": unsafe, "raised_in": [None, None],
            "stdout": unsafe}})
"""


def _peak_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def test_forged_replies_with_unsafe_text_cannot_break_or_spoof_any_report(tmp_path):
    folder = make_submission(tmp_path / "sub", step_extra=FORGED_TEXT + GOOD_COST)
    report = run(folder)
    assert_complete(report)
    assert exercise(report, "linear_forward").score == 0
    cost = exercise(report, "compute_cost")
    assert cost.score == cost.max_score
    for fmt in ("text", "json", "junit", "gradescope"):
        for lang in ("en", "ar"):
            text = render(report, fmt, lang)
            text.encode("utf-8")  # lone surrogates used to make writing the report fail
            for char in "\x1b\u202e\ufffe\u2028":
                assert char not in text, (fmt, lang, repr(char))
            if fmt == "junit":
                ET.fromstring(text.encode("utf-8"))
            if fmt in ("json", "gradescope"):
                json.loads(text)


def test_a_forged_foreign_type_name_cannot_reach_the_report():
    # A class can set any __qualname__; the worker sends it as the Foreign's type name.
    value = protocol.decode({"$": "foreign", "type": UNSAFE + "ALL PASSED", "summary": UNSAFE})
    with pytest.raises(Failure) as info:
        check_array(value, np.zeros((2, 2)), "Z")
    for lang in ("en", "ar"):
        text = info.value.message.render(lang)
        assert "ALL PASSED" in text
        text.encode("utf-8")
        for char in "\x1b\u202e\ufffe\u2028":
            assert char not in text


def test_forged_replies_do_not_stop_the_command_line(tmp_path):
    folder = make_submission(tmp_path / "sub", step_extra=FORGED_TEXT + GOOD_COST)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for fmt in ("text", "junit"):
        proc = subprocess.run(
            [sys.executable, "-m", "grader", "linear_forward", "compute_cost", "--submission",
             str(folder), "--hidden", "--format", fmt, "--lang", "ar"],
            capture_output=True, timeout=120, env=env, cwd=str(ROOT),
        )
        assert proc.returncode == 1, proc.stderr.decode("utf-8", "replace")[-2000:]
        assert b"Traceback" not in proc.stderr
        assert proc.stdout.decode("utf-8")  # strict UTF-8: no surrogates got through


def test_a_frame_of_empty_objects_is_refused_before_decoding(tmp_path):
    # 100 MB of "{}," decodes to ~2.5 GB of dicts; the frame limit refuses it unread.
    body = FORGE + """
def linear_forward(A, W, b):
    frame = _sys._getframe()
    while "call_id" not in frame.f_locals:
        frame = frame.f_back
    n = (100 << 20) // 3
    body = b'{"op":"result","id":%d,"value":[' % frame.f_locals["call_id"] + b"{}," * n + b'{}]}'
    frame.f_locals["self"].sock.sendall(len(body).to_bytes(4, "big") + body)
    _os._exit(0)
"""
    folder = make_submission(tmp_path / "sub", step_extra=body)
    box = open_sandbox(folder, limits=Limits(timeout=20))
    try:
        sub = Submission(box, "linear_forward", "public", 0)
        before = _peak_rss_bytes()
        with pytest.raises(ProtocolViolation, match="exceeds the limit"):
            sub.call("linear_forward", np.ones((3, 2)), np.ones((4, 3)), np.zeros((4, 1)))
        assert _peak_rss_bytes() - before < 300 << 20
        assert sub.worker.dead
    finally:
        box.close()


def test_reference_callbacks_cannot_make_the_grader_allocate_gigabytes(tmp_path):
    # W @ A has shape (1, n) and b (n, 1): the reference's broadcast result would be n x n
    # (4.2 GB here) in the grader's process. The budget turns it into a failed reference call.
    n = 23_000
    body = f"""
def linear_activation_forward(A_prev, W, b, activation):
    if activation == "honest":
        return linear_forward(A_prev, W, b)
    try:
        linear_forward(np.ones((1, {n})), np.ones((1, 1)), np.ones(({n}, 1)))
    except Exception as exc:
        return type(exc).__name__ + ": " + str(exc)
    return "the reference computed it"
"""
    folder = make_submission(tmp_path / "sub", step_extra=body)
    box = open_sandbox(folder, limits=Limits(timeout=20))
    try:
        sub = Submission(box, "linear_activation_forward", "hidden", 0)
        before = _peak_rss_bytes()
        out = sub.call("linear_activation_forward", np.ones((2, 2)), np.ones((2, 2)),
                       np.ones((2, 1)), "relu", reference_callees=("linear_forward",))
        assert out.value.startswith("ReferenceCallError"), out.value
        assert _peak_rss_bytes() - before < 1 << 30
        # The limit is restored: the grader can allocate again afterwards.
        assert np.ones((700, 1 << 20), dtype=np.uint8).sum() == 700 << 20
        # Honest callbacks still work in the same worker.
        Z, cache = sub.call("linear_activation_forward", np.ones((3, 2)), np.ones((4, 3)),
                            np.ones((4, 1)), "honest", reference_callees=("linear_forward",)).value
        assert np.array_equal(Z, np.full((4, 2), 4.0)) and len(cache) == 3
        sub.close()
    finally:
        box.close()


# Replaces the random state the worker sends with its callbacks (the proxy's module globals are
# reachable from the student's code), then calls the isolated initialize_parameters, whose
# reference seeds NumPy's global stream in the grader's process.
HOSTILE_STATE = """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                    print_cost=False):
    state = {state}
    initialize_parameters.__globals__["_random_state"] = lambda: state
    return initialize_parameters(2, 2, 1), []
"""


@pytest.mark.parametrize("state", [
    "None", "[0, 'keys', 0, 0.0]", "[700, [1] * 624, 0, 0.0]",
    "[0, {'$': 'nd', 'dtype': '<u4', 'shape': [624], 'data': 'A' * 3328}, 'x', 0.0]",
])
def test_a_hostile_random_state_leaves_the_graders_stream_alone(tmp_path, state):
    # A malformed state used to leave the grader's stream unsaved: the reference's own
    # np.random.seed(1) then stayed in force in the grader after the callback.
    folder = make_submission(tmp_path / "sub", cat_extra=HOSTILE_STATE.format(state=state))
    box = open_sandbox(folder)
    try:
        sub = Submission(box, "two_layer_model", "hidden", 0)
        np.random.seed(11)
        parameters, _costs = sub.call("two_layer_model", np.ones((2, 3)), np.ones((1, 3)),
                                      (2, 2, 1), reference_callees=("initialize_parameters",)
                                      ).value
        assert sorted(parameters) == ["W1", "W2", "b1", "b2"]
        assert np.random.rand() == np.random.RandomState(11).rand()
        sub.close()
    finally:
        box.close()


def test_an_error_while_serving_a_callback_retires_the_worker(tmp_path):
    body = """
def linear_activation_forward(A_prev, W, b, activation):
    return linear_forward(A_prev, W, b)
"""
    folder = make_submission(tmp_path / "sub", step_extra=body)
    box = open_sandbox(folder)
    try:
        sub = Submission(box, "linear_activation_forward", "hidden", 0)

        def broken(allowed, module):
            def handle(message, limit=0, deadline=None):
                raise RuntimeError("a bug in a check")
            return handle

        sub._on_callback = broken
        with pytest.raises(RuntimeError):
            sub.call("linear_activation_forward", np.ones((2, 2)), np.ones((2, 2)),
                     np.ones((2, 1)), "relu", reference_callees=("linear_forward",))
        # The worker still waits for the callback's answer: it must not serve the next call.
        assert sub.worker.dead
    finally:
        box.close()


PROBE_WRITES = """
import os, sys
def linear_forward(A, W, b):
    base = os.path.dirname(os.getcwd())
    site = os.path.dirname(os.path.dirname(np.__file__))
    found = {}
    for name, path in (("cwd", "."), ("sandbox folder", base), ("numpy's site folder", site),
                       ("prefix", sys.prefix), ("/tmp", "/tmp"), ("/dev/shm", "/dev/shm")):
        if os.path.isdir(path):
            found[name] = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    return found, os.environ.get("TMPDIR")
"""


def test_everything_the_worker_sees_is_read_only(tmp_path):
    # Without root the workers share the grader's uid: a writable sandbox folder let a worker
    # rewrite the grader's pytest.ini (a plugin in the trusted process), a writable venv let it
    # plant code the grader imports later, a writable /tmp carried data between exercises.
    # Now the Python installation is not even in the jail, and /tmp is a worker's own tmpfs.
    folder = make_submission(tmp_path / "sub", step_extra=PROBE_WRITES)
    box = open_sandbox(folder)
    try:
        if box.isolation == "process":
            pytest.skip("no jail here")
        sub = Submission(box, "linear_forward", "public", 0)
        found, tmp = sub.call(
            "linear_forward", np.ones((1, 1)), np.ones((1, 1)), np.ones((1, 1))
        ).value
        assert {"cwd", "sandbox folder"} <= set(found)
        assert not {"numpy's site folder", "prefix", "/dev/shm"} & set(found), found
        shared = {name: readonly for name, readonly in found.items() if name != "/tmp"}
        assert all(shared.values()), found
        assert tmp and tmp.startswith("/tmp")
    finally:
        box.close()


REWRITE_PYTEST_INI = """
import os as _os, time as _time
_base = _os.path.dirname(_os.getcwd())
try:
    with open(_os.path.join(_base, "amiq_evil_plugin.py"), "w") as _fh:
        _fh.write("import grader.runner.results as r\\n"
                  "_set = r.CheckResult.set\\n"
                  "r.CheckResult.set = lambda self, status, *a, **k: _set(self, 'passed')\\n")
    _end = _time.monotonic() + 2
    while _time.monotonic() < _end:
        _ini = _os.path.join(_base, "pytest.ini")
        if _os.path.exists(_ini) and "evil" not in open(_ini).read():
            with open(_ini, "w") as _fh:
                _fh.write("[pytest]\\npythonpath = .\\naddopts = -p amiq_evil_plugin\\n")
except OSError:
    pass
"""


@pytest.mark.slow
def test_rewriting_the_graders_pytest_ini_gains_nothing(tmp_path):
    folder = make_submission(tmp_path / "sub", step_extra=REWRITE_PYTEST_INI + GOOD_COST)
    report = run(folder, timeout=3)
    assert_complete(report)
    assert exercise(report, "linear_forward").score == 0
    assert exercise(report, "compute_cost").score == exercise(report, "compute_cost").max_score


SHARE = """
import ctypes as _ct, os, socket as _socket
_libc = _ct.CDLL(None, use_errno=True)
_libc.shmat.restype = _ct.c_void_p
_KEY = 0x4A4D51

def _segment(create):
    sid = _libc.shmget(_KEY, 4096, (0o1000 | 0o666) if create else 0o666)
    if sid < 0:
        return None
    addr = _libc.shmat(sid, None, 0)
    return None if addr in (None, _ct.c_void_p(-1).value) else addr

def linear_forward(A, W, b):
    addr = _segment(True)
    if addr:
        _ct.memmove(addr, b"memo", 4)
    try:  # the system-call filter refuses sockets; namespaces would isolate them anyway
        listener = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        listener.bind("\\0amiq-hostile-memo")
        listener.listen(1)
        globals()["_listener"] = listener
    except OSError:
        pass
    import tempfile
    with open(tempfile.gettempdir() + "/memo", "w") as fh:
        fh.write("memo")
    return bool(addr)

def compute_cost(AL, Y):
    addr = _segment(False)
    seen = _ct.string_at(addr, 4).decode() if addr else ""
    try:
        _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM).connect("\\0amiq-hostile-memo")
        reached = True
    except OSError:
        reached = False
    found = [os.path.join(d, f) for d, _, names in os.walk("/tmp") for f in names if f == "memo"]
    return [seen, reached, found]
"""


def test_no_data_passes_from_one_exercises_worker_to_the_next(tmp_path):
    folder = make_submission(tmp_path / "sub", step_extra=SHARE)
    box = open_sandbox(folder)
    try:
        if box.isolation == "process":
            pytest.skip("no namespaces here")
        first = Submission(box, "linear_forward", "public", 0)
        second = Submission(box, "compute_cost", "public", 0)
        args = np.ones((1, 1)), np.ones((1, 1)), np.ones((1, 1))
        first.call("linear_forward", *args)  # leaves its data where it can
        # The first worker is still alive (listening) while the second runs, as with prestart.
        assert second.call("compute_cost", np.ones((1, 2)), np.ones((1, 2))).value == [
            "", False, []
        ]
        first.close()
        second.close()
    finally:
        box.close()
