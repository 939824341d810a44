"""Build hostile submissions in temporary folders and grade them."""

import sys
from pathlib import Path

# The helpers shared with tests/grader (running the grader at each isolation level).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from course.authoring.stubs import render_unit
from grader.runner.engine import grade, submission_layout
from grader.sandbox.client import Limits, Sandbox, read_submission

ROOT = Path(__file__).resolve().parents[3]
ENGINE_CHECKS = ROOT / "tests" / "grader" / "engine_checks"
REAL_CHECKS = ROOT / "grader"

# A correct compute_cost: proves that checks after a hostile exercise still run and score.
GOOD_COST = """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = (1.0 / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))
    return np.squeeze(cost)
"""


def stubs():
    return render_unit(ROOT / "solutions", "c1w4")


def make_submission(folder, step_extra="", cat_extra="", extra_files=None):
    """Stubs with ``step_extra`` appended to step_by_step.py (redefining functions)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    text = stubs()
    (folder / "step_by_step.py").write_text(text["step_by_step.py"] + "\n" + step_extra)
    (folder / "cat_classifier.py").write_text(text["cat_classifier.py"] + "\n" + cat_extra)
    for name, content in (extra_files or {}).items():
        (folder / name).write_text(content)
    return folder


def run(
    folder,
    exercises=("linear_forward", "compute_cost"),
    timeout=1.5,
    check_root=ENGINE_CHECKS,
    hidden=False,
    memory=None,
):
    limits = Limits(timeout=timeout)
    if memory is not None:
        limits.memory_bytes = memory
    return grade(list(exercises), folder, check_root=check_root, limits=limits, hidden=hidden)


def exercise(report, exercise_id):
    return next(ex for ex in report.exercises if ex.id == exercise_id)


def assert_complete(report):
    """Every expected check reported something (no silent gaps), scores are all-or-nothing."""
    for check in report.checks:
        assert check.status != "did_not_report", check.id
        assert check.score in (0, check.points)


def sandbox_for(folder, **kwargs):
    """A :class:`~grader.sandbox.client.Sandbox` for the submission in ``folder``."""
    layout = submission_layout("c1w4")
    return Sandbox(read_submission(folder, layout.submission_modules), layout, **kwargs)
