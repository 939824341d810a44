"""Build hostile submissions in temporary folders and grade them with unit c1w4's real checks."""

from pathlib import Path

import pytest

from course.units import get_unit
from grader.runner.engine import grade, hidden_available
from grader.sandbox.client import Limits
from grader_test_support import open_sandbox, write_submission

ROOT = Path(__file__).resolve().parents[3]
UNIT = "c1w4"

# Hidden grading needs the unit's hidden material (solutions/c1w4/grading/): instructors only.
needs_hidden = pytest.mark.skipif(not hidden_available(get_unit(UNIT)),
                                  reason="needs the hidden checks (solutions/c1w4/grading/)")

# A correct compute_cost: proves that checks after a hostile exercise still run and score.
GOOD_COST = """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = (1.0 / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))
    return np.squeeze(cost)
"""


def make_submission(folder, step_extra="", cat_extra="", extra_files=None):
    """Stubs with ``step_extra`` appended to step_by_step.py (redefining functions)."""
    folder = write_submission(folder, step_extra=step_extra, cat_extra=cat_extra)
    for name, content in (extra_files or {}).items():
        (folder / name).write_text(content)
    return folder


def run(folder, exercises=("linear_forward", "compute_cost"), timeout=1.5, hidden=True,
        memory=None):
    """Grade ``folder`` (hidden mode by default: the graded run, with the most checks)."""
    limits = Limits(timeout=timeout)
    if memory is not None:
        limits.memory_bytes = memory
    return grade(list(exercises), folder, unit=UNIT, limits=limits, hidden=hidden)


def exercise(report, name):
    return next(ex for ex in report.exercises if ex.name == name)


def assert_complete(report):
    """Every expected check reported something (no silent gaps), scores are all-or-nothing."""
    assert report.checks
    for check in report.checks:
        assert check.status != "did_not_report", check.id
        assert check.score in (0, check.points)


__all__ = ["GOOD_COST", "ROOT", "UNIT", "assert_complete", "exercise", "make_submission",
           "needs_hidden", "open_sandbox", "run"]
