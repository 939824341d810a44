"""Unit c1w4's checks through the real engine: out of process, sandboxed, as students are graded.

The in-process suite (``tests/course/c1w4/grading/test_checks.py``) proves every property on
every catalogued mistake quickly; here the same properties are confirmed end to end with
``grader.runner.engine.grade``: one mistake per exercise by default, all of them in the slow
(CI) run.
"""

import pytest

from grader.build import submissions
from grader.runner import engine
from grader_test_support import UNIT
from solutions.c1w4.grading.mutants import MUTANTS

BY_EXERCISE = {}
for _mistake in MUTANTS:
    BY_EXERCISE.setdefault(_mistake.split(".", 1)[0], []).append(_mistake)
FIRST_MISTAKES = [group[0] for group in BY_EXERCISE.values()]
OTHER_MISTAKES = [m for m in MUTANTS if m not in FIRST_MISTAKES]


def _grade(tmp_path, sources, exercises=None, hidden=True):
    folder = submissions.write(sources, tmp_path / "submission")
    return engine.grade(exercises, submission=folder, hidden=hidden)


def test_every_exercise_has_catalogued_mistakes():
    assert list(BY_EXERCISE) == [ex.name for ex in UNIT.exercises]


def test_reference_scores_full_marks_out_of_process(tmp_path):
    report = _grade(tmp_path, submissions.reference_sources())
    failed = [f"{c.id}: {c.status} {c.message and c.message.render('en')}"
              for c in report.checks if c.status != "passed"]
    assert not failed, "\n".join(failed)
    assert {c.exercise for c in report.checks} == {ex.name for ex in UNIT.exercises}
    assert report.score == report.max_score == 10 * len(UNIT.exercises)
    assert not report.problems


def test_stubs_are_not_attempted_out_of_process(tmp_path):
    report = _grade(tmp_path, submissions.stub_sources())
    assert report.checks and {c.status for c in report.checks} == {"not_attempted"}
    assert report.score == 0


def _assert_named(tmp_path, mistake_id):
    name = mistake_id.split(".", 1)[0]
    report = _grade(tmp_path, submissions.mutant_sources(mistake_id), [name])
    assert report.score < report.max_score
    named = {c.mistake.id for c in report.checks if c.mistake is not None}
    assert mistake_id in named, f"named {named or 'nothing'}"
    assert not [c for c in report.checks if c.internal]


@pytest.mark.parametrize("mistake_id", FIRST_MISTAKES)
def test_a_mistake_per_exercise_loses_points_and_is_named(tmp_path, mistake_id):
    _assert_named(tmp_path, mistake_id)


@pytest.mark.slow
@pytest.mark.parametrize("mistake_id", OTHER_MISTAKES)
def test_every_other_mistake_loses_points_and_is_named(tmp_path, mistake_id):
    _assert_named(tmp_path, mistake_id)


def test_public_run_needs_no_reference_for_expected_values(tmp_path, monkeypatch):
    # The public checks read the stored expected data; the live reference is never asked.
    from grader import sources

    def refuse(*args, **kwargs):
        raise AssertionError("a public run used the reference")

    monkeypatch.setattr(sources.HiddenData, "__init__", refuse)
    report = _grade(tmp_path, submissions.reference_sources(), hidden=False)
    assert report.checks and all(c.visibility == "public" for c in report.checks)
    assert report.score == report.max_score == 5 * len(UNIT.exercises)
