"""Judging happens in the grader: answers that do nothing, and detectors patched from inside.

* A submission whose functions all return ``None`` earned 13 of 130 points with the hidden
  checks: every "the inputs are not modified" check passed for code that does nothing.
* The worker compared the arguments before and after the call itself; the student's code runs
  in that process and could replace the comparison (``__main__._changed_paths``), so a function
  that changed its inputs in place passed the check. The worker now sends the arguments back and
  the grader compares them with its own copies.
"""

import pytest

from course.authoring.stubs import render_unit

from hostile_helpers import REAL_CHECKS, ROOT, assert_complete, exercise, run

needs_hidden = pytest.mark.skipif(
    not (REAL_CHECKS / "hidden").is_dir(), reason="needs the hidden checks"
)


def _do_nothing_submission(folder):
    folder.mkdir(parents=True)
    for name, text in render_unit(ROOT / "solutions", "c1w4").items():
        if name in ("step_by_step.py", "cat_classifier.py"):
            # Every stub's "raise NotImplementedError(...)" becomes "return None".
            lines = [
                line[: len(line) - len(line.lstrip())] + "return None"
                if line.lstrip().startswith("raise NotImplementedError") else line
                for line in text.splitlines()
            ]
            (folder / name).write_text("\n".join(lines) + "\n")
    return folder


@needs_hidden
def test_functions_that_do_nothing_score_nothing(tmp_path):
    folder = _do_nothing_submission(tmp_path / "sub")
    assert "return None" in (folder / "step_by_step.py").read_text()
    report = run(folder, exercises=(), check_root=None, hidden=True)
    assert_complete(report)
    passed = [c.id for c in report.checks if c.status == "passed"]
    assert report.score == 0, passed
    unchanged = [c for c in report.checks if c.name == "check_inputs_unchanged"]
    assert unchanged and all(c.status == "failed" for c in unchanged)
    assert "returned None in every call" in unchanged[0].message.render("en")


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


@pytest.mark.parametrize("hidden", [False, pytest.param(True, marks=needs_hidden)])
def test_a_patched_mutation_detector_changes_nothing(tmp_path, hidden):
    from hostile_helpers import make_submission

    folder = make_submission(tmp_path / "sub", step_extra=PATCHED_DETECTOR)
    report = run(folder, exercises=("update_parameters",), check_root=None, hidden=hidden)
    assert_complete(report)
    checks = {c.name: c for c in exercise(report, "update_parameters").checks}
    # The values are right (in-place updates compute them), the mutation is still caught.
    assert checks["check_values"].status == "passed"
    assert checks["check_inputs_unchanged"].status == "failed"
    assert "params" in checks["check_inputs_unchanged"].message.render("en")
