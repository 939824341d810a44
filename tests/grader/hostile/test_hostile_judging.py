"""Judging happens in the grader: answers that do nothing, and detectors patched from inside.

* A submission whose functions all return ``None`` earned 13 of 130 points with the hidden
  checks: every "the inputs are not modified" check passed for code that does nothing. The
  ``inputs`` check now counts only with the right values (:mod:`grader.judging.inputs`; other
  do-nothing answers, in process: ``tests/grader/judging/test_values.py``).
* The worker compared the arguments before and after the call itself; the student's code runs
  in that process and could replace the comparison (``__main__._changed_paths``), so a function
  that changed its inputs in place passed the check. The worker now sends the arguments back and
  the grader compares them with its own copies.
"""

import numpy as np
import pytest

from grader.build.submissions import stub_sources, write
from grader.sandbox.client import Submission

from hostile_helpers import (UNIT, assert_complete, exercise, make_submission, needs_hidden,
                             open_sandbox, run)


def _do_nothing_submission(folder):
    sources = {}
    for name, text in stub_sources(UNIT).items():
        # Every stub's "raise NotImplementedError(...)" becomes "return None".
        lines = [
            line[: len(line) - len(line.lstrip())] + "return None"
            if line.lstrip().startswith("raise NotImplementedError") else line
            for line in text.splitlines()
        ]
        sources[name] = "\n".join(lines) + "\n"
    return write(sources, folder)


@needs_hidden
def test_functions_that_do_nothing_score_nothing(tmp_path):
    folder = _do_nothing_submission(tmp_path / "sub")
    assert "return None" in (folder / "step_by_step.py").read_text()
    report = run(folder, exercises=(), hidden=True)
    assert_complete(report)
    assert len(report.exercises) == 13
    passed = [c.id for c in report.checks if c.status == "passed"]
    assert report.score == 0 and report.max_score == 130, passed
    # The "inputs are not modified" checks: true of code that does nothing, and worth nothing.
    unchanged = [c for c in report.checks if c.name == "inputs"]
    assert unchanged and all(c.status == "failed" for c in unchanged)
    for check in unchanged:
        details = [d.render("en") for d in check.details]
        assert "This check counts only when the values are right." in details, check.id


PATCHED_DETECTOR = """
import sys as _sys

_worker = _sys.modules["__main__"]
for _name in ("_changed_paths", "_snapshot"):
    if hasattr(_worker, _name):  # the old worker's detectors: make them see nothing
        setattr(_worker, _name, (lambda *a, **k: None) if _name == "_changed_paths"
                else (lambda value: value))

def update_parameters(params, grads, learning_rate):
    L = len(params) // 2
    for l in range(1, L + 1):
        params["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        params["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return params
"""


@needs_hidden
def test_a_patched_mutation_detector_changes_nothing(tmp_path):
    folder = make_submission(tmp_path / "sub", step_extra=PATCHED_DETECTOR)
    report = run(folder, exercises=("update_parameters",), hidden=True)
    assert_complete(report)
    checks = {(c.visibility, c.name): c for c in exercise(report, "update_parameters").checks}
    # The values are right (in-place updates compute them), the mutation is still caught.
    assert checks[("public", "values")].status == "passed"
    assert checks[("hidden", "values")].status == "passed"
    assert checks[("hidden", "inputs")].status == "failed"
    message = checks[("hidden", "inputs")].message.render("en")
    assert "params" in message and "in place" in message, message


@pytest.mark.parametrize("mode", ["public", "hidden"])
def test_the_grader_finds_the_changed_inputs_whatever_the_worker_patches(tmp_path, mode):
    # The comparison is the grader's, in either mode (public runs have no "inputs" check, but the
    # detector is the same one).
    folder = make_submission(tmp_path / "sub", step_extra=PATCHED_DETECTOR)
    box = open_sandbox(folder, hidden=mode == "hidden")
    try:
        sub = Submission(box, "update_parameters", mode, 0)
        params = {"W1": np.ones((2, 3)), "b1": np.zeros((2, 1))}
        grads = {"dW1": np.ones((2, 3)), "db1": np.ones((2, 1))}
        out = sub.call("update_parameters", params, grads, 0.5)
        assert np.allclose(out.value["W1"], 0.5) and np.allclose(out.value["b1"], -0.5)
        assert sorted(out.mutated) == ["params['W1']", "params['b1']"], out.mutated
        assert np.all(params["W1"] == 1) and np.all(params["b1"] == 0)  # the grader's own copy
        sub.close()
    finally:
        box.close()


HANGING_FORWARD = """
def linear_forward(A, W, b):
    while True:
        pass

def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / {db_scale}
    return np.dot(W.T, dZ), dW, db

def linear_activation_forward(A_prev, W, b, activation):
    while True:
        pass

def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    backward = relu_backward if activation == "relu" else sigmoid_backward
    return linear_backward(backward(dA, Z), linear_cache)
"""


@pytest.mark.parametrize("backward, db_scale, passes", [
    ("linear_backward", "m", True),
    ("linear_backward", "1", False),
    # Two gradient cases: the forward function hangs on the first and is refused on the second.
    ("linear_activation_backward", "m", True),
], ids=["right-backward", "wrong-backward", "two-cases"])
def test_a_hanging_forward_is_not_blamed_on_the_backward_and_earns_it_nothing(tmp_path, backward,
                                                                               db_scale, passes):
    # The public gradient check differentiates the student's own forward function. One that
    # hangs used to fail the backward function's check with its timeout; now the expected
    # forward output stands in, as for a forward function that is wrong or raises, so a right
    # backward function passes and a wrong one still fails.
    folder = make_submission(tmp_path / "sub",
                             step_extra=HANGING_FORWARD.format(db_scale=db_scale))
    report = run(folder, exercises=(backward,), timeout=1.0, hidden=False)
    assert_complete(report)
    (gradient,) = [c for c in report.checks if c.id == f"c1w4.{backward}/public/gradient"]
    assert gradient.status == ("passed" if passes else "failed"), gradient.message.render("en")
    if not passes:  # the feedback says why the expected forward output was used
        notes = " ".join(d.render("en") for d in gradient.details)
        assert "Your linear_forward is wrong" in notes and "did not finish" in notes, notes
        assert "did not run" not in notes, notes
