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
