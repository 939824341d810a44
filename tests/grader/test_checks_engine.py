"""The checks through the real engine: out of process, sandboxed, exactly as students are graded.

The in-process suite (``test_checks_inprocess.py``) proves every property on every mutant
quickly; here the same properties are confirmed end to end with ``grader.runner.engine.grade``:
one mutant per exercise by default, all of them in the slow (CI) run.
"""

import pytest

from course.catalog import EXERCISES
from grader.build import submissions
from grader.hidden.c1w4 import mutants
from grader.runner import engine

ALL_MUTANTS = [(ex, mid) for ex, group in mutants.MUTANTS.items() for mid in group]
FIRST_MUTANTS = [(ex, next(iter(group))) for ex, group in mutants.MUTANTS.items()]
OTHER_MUTANTS = [pair for pair in ALL_MUTANTS if pair not in FIRST_MUTANTS]


def _grade(tmp_path, sources, exercises=None, hidden=True):
    folder = submissions.write(sources, tmp_path / "submission")
    return engine.grade(exercises, submission=folder, hidden=hidden)


def _checks(report):
    return [c for ex in report.exercises for c in ex.checks]


def _score(checks):
    return sum(c.points for c in checks if c.status == "passed"), sum(c.points for c in checks)


def test_reference_scores_full_marks_out_of_process(tmp_path):
    report = _grade(tmp_path, submissions.reference_sources())
    checks = _checks(report)
    assert {c.exercise for c in checks} == {ex.id for ex in EXERCISES}
    failed = [f"{c.id}: {c.status} {c.message and c.message.render('en')}"
              for c in checks if c.status != "passed"]
    assert not failed, "\n".join(failed)
    got, total = _score(checks)
    assert got == total == 10 * len(EXERCISES)
    assert not report.problems


def test_stubs_are_not_attempted_out_of_process(tmp_path):
    checks = _checks(_grade(tmp_path, submissions.stub_sources()))
    assert checks and {c.status for c in checks} == {"not_attempted"}
    assert _score(checks)[0] == 0


def _assert_named(tmp_path, exercise_id, mistake_id):
    checks = _checks(_grade(tmp_path, submissions.mutant_sources(mistake_id), [exercise_id]))
    got, total = _score(checks)
    assert got < total
    named = {c.mistake.id for c in checks if c.mistake is not None}
    assert named == {mistake_id}
    assert not [c for c in checks if c.status == "error"]


@pytest.mark.parametrize("exercise_id, mistake_id", FIRST_MUTANTS)
def test_a_mutant_per_exercise_loses_points_and_is_named(tmp_path, exercise_id, mistake_id):
    _assert_named(tmp_path, exercise_id, mistake_id)


@pytest.mark.slow
@pytest.mark.parametrize("exercise_id, mistake_id", OTHER_MUTANTS)
def test_every_other_mutant_loses_points_and_is_named(tmp_path, exercise_id, mistake_id):
    _assert_named(tmp_path, exercise_id, mistake_id)


def test_public_run_needs_no_reference_for_expected_values(tmp_path):
    report = _grade(tmp_path, submissions.reference_sources(), hidden=False)
    checks = _checks(report)
    assert checks and all(c.visibility == "public" for c in checks)
    got, total = _score(checks)
    assert got == total
