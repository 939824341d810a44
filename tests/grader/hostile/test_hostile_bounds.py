"""Every resource bounded: reference callbacks, the whole grading's time, replies, numbers.

* Reference callbacks run the reference in the grader, on arguments the student chose: before,
  one callback could compute for seconds past the call's deadline (the deadline was only checked
  between messages), so a submission stretched grading at will.
* A submission looping forever in every exercise took each exercise's full budget; the whole
  grading now has one too.
* A 16 MB reply of small JSON objects cost the grader about 0.9 GB to decode.
* A Python int of 400 digits made every check "a problem of the grader".
"""

import json
import subprocess
import sys
import time

import numpy as np
import pytest

from grader.feedback import CallTimeout, ProtocolViolation
from grader.sandbox.client import Limits, Submission

from grader.runner.engine import grade

from hostile_helpers import (
    GOOD_COST,
    REAL_CHECKS,
    ROOT,
    assert_complete,
    exercise,
    make_submission,
    run,
    sandbox_for,
)

# Each callback asks the reference for W @ A with W (7000, 100) and A (100, 7000): seconds of
# BLAS work in the grader's process for every callback (about 5 GFLOP), in an endless loop.
SLOW_CALLBACKS = """
def linear_activation_forward(A_prev, W, b, activation):
    big_W, big_A, big_b = np.ones((7000, 100)), np.ones((100, 7000)), np.zeros((7000, 1))
    while True:
        try:
            linear_forward(big_A, big_W, big_b)
        except Exception:
            pass
"""


def test_reference_callbacks_cannot_stretch_a_call_past_its_time_limit(tmp_path):
    folder = make_submission(tmp_path / "sub", step_extra=SLOW_CALLBACKS)
    limits = Limits(timeout=1.0)
    box = sandbox_for(folder, limits=limits)
    try:
        sub = Submission(box, "linear_activation_forward", "hidden", 0)
        args = (np.ones((3, 2)), np.ones((4, 3)), np.zeros((4, 1)), "relu")
        for _ in range(3):
            started = time.monotonic()
            # Refused as an oversized message, or stopped at the deadline: either way bounded.
            with pytest.raises((CallTimeout, ProtocolViolation)):
                sub.call("linear_activation_forward", *args, reference_callees=("linear_forward",))
            assert time.monotonic() - started < limits.timeout + 1.0
        sub.close()
    finally:
        box.close()


ENDLESS_EVERYWHERE = """
def _forever(*args, **kwargs):
    while True:
        pass

""" + "\n".join(
    f"{name} = _forever" for name in (
        "initialize_parameters", "initialize_parameters_deep", "linear_forward",
        "linear_activation_forward", "L_model_forward", "compute_cost", "linear_backward",
        "linear_activation_backward", "L_model_backward", "update_parameters",
    )
)


@pytest.mark.skipif(not (REAL_CHECKS / "hidden").is_dir(), reason="needs the hidden checks")
def test_the_whole_grading_has_a_time_budget(tmp_path):
    loops = ENDLESS_EVERYWHERE.split("\n\n")[0]
    cat_extra = loops + "\n".join(
        f"\n{name} = _forever" for name in ("two_layer_model", "L_layer_model", "predict")
    )
    folder = make_submission(tmp_path / "sub", step_extra=ENDLESS_EVERYWHERE, cat_extra=cat_extra)
    limits = Limits(timeout=1.0, exercise_seconds=3.0, grading_seconds=6.0)
    started = time.monotonic()
    report = grade(None, folder, hidden=True, limits=limits)
    elapsed = time.monotonic() - started
    assert_complete(report)
    assert report.score == 0
    statuses = [c.status for c in report.checks]
    assert set(statuses) == {"timeout"}, set(statuses)
    budget = [c for c in report.checks if "allowed for grading the whole submission"
              in c.message.render("en")]
    assert budget, "later checks are stopped by the grading budget"
    # The budget plus one call's limit, and the grader's own work (a few seconds).
    assert elapsed < limits.grading_seconds + limits.timeout + 20, elapsed


FLOOD = """
import sys as _sys, os as _os

def linear_forward(A, W, b):
    frame = _sys._getframe()
    while "call_id" not in frame.f_locals:
        frame = frame.f_back
    n = (16 << 20) // 3 - 100  # just under the 16 MB the grader used to accept
    body = b'{"op":"result","id":%d,"value":[' % frame.f_locals["call_id"] + b"{}," * n + b'{}]}'
    frame.f_locals["self"].sock.sendall(len(body).to_bytes(4, "big") + body)
    _os._exit(0)
"""

MEASURE = f"""
import json, resource, sys
sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / "tests" / "grader" / "hostile")!r}]
import numpy as np
from hostile_helpers import make_submission, sandbox_for
from grader.feedback import ProtocolViolation
from grader.sandbox.client import Limits, Submission

folder = make_submission(sys.argv[1], step_extra=sys.argv[2])
box = sandbox_for(folder, limits=Limits(timeout=20))
sub = Submission(box, "compute_cost", "public", 0)
try:
    sub.call("compute_cost", np.ones((1, 3)), np.ones((1, 3)))  # warm: one honest round trip
except Exception:
    pass
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
sub = Submission(box, "linear_forward", "public", 0)
try:
    sub.call("linear_forward", np.ones((3, 2)), np.ones((4, 3)), np.zeros((4, 1)))
    outcome = "accepted"
except ProtocolViolation as exc:
    outcome = "refused: " + str(exc)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
box.close()
print(json.dumps({{"outcome": outcome, "grew_kb": after - before}}))
"""


def test_a_16_mb_reply_is_refused_unread_and_costs_the_grader_little(tmp_path):
    # A fresh process: ru_maxrss is a high-water mark, and this test process may be past it.
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, str(tmp_path / "sub"), FLOOD + GOOD_COST],
        capture_output=True, text=True, timeout=300, cwd=str(ROOT),
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["outcome"].startswith("refused"), result
    print(f"peak RSS growth for a 16 MB reply: {result['grew_kb'] / 1024:.1f} MB")
    assert result["grew_kb"] < 64 * 1024, result


BIG_NUMBERS = """
def linear_forward(A, W, b):
    return 10 ** 400, (A, W, b)

def compute_cost(AL, Y):
    return -(7 ** 5000)
"""


@pytest.mark.parametrize("check_root", [None], ids=["real-checks"])
def test_numbers_out_of_range_are_the_students_error(tmp_path, check_root):
    folder = make_submission(tmp_path / "sub", step_extra=BIG_NUMBERS)
    report = run(folder, check_root=check_root)
    assert_complete(report)
    for exercise_id in ("linear_forward", "compute_cost"):
        checks = exercise(report, exercise_id).checks
        assert checks
        for check in checks:
            assert check.status == "error" and not check.internal, (check.id, check.status)
            assert "digits, too large for a floating-point number" in check.message.render("en")
            assert "عددًا صحيحًا" in check.message.render("ar")
