"""No double penalty (issue 8 section 4): a mistake in a function others call costs points once.

Graded work (hidden mode) grades every exercise that calls others with the reference versions of
those functions where its own fail, so only the exercise with the mistake loses points. Public
runs cannot do that (no reference on a student's machine); there the report says, under each
exercise that failed, which function it calls to fix first.
"""

import pytest

from grader.build import submissions
from grader.runner import engine
from grader.runner.dependencies import dependency_closure
from grader_test_support import UNIT

# Mistakes in functions other exercises call (directly or through others).
CALLEE_MISTAKES = [
    "linear_forward.missing_bias",
    "linear_backward.db_no_keepdims",
    "compute_cost.no_mean",
    "update_parameters.plus_sign",
    "L_model_forward.relu_output",
]


def test_dependency_closure_follows_calls_transitively_in_course_order():
    closure = dependency_closure(UNIT.exercise("L_layer_model"), UNIT.exercises)
    assert closure == ["linear_forward", "linear_activation_forward", "L_model_forward",
                       "compute_cost", "linear_backward", "linear_activation_backward",
                       "L_model_backward", "update_parameters"]
    assert dependency_closure(UNIT.exercise("predict"), UNIT.exercises) == [
        "linear_forward", "linear_activation_forward", "L_model_forward"]
    assert dependency_closure(UNIT.exercise("linear_forward"), UNIT.exercises) == []


def _callers(name):
    return [ex.name for ex in UNIT.exercises
            if name in dependency_closure(ex, UNIT.exercises)]


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    base = tmp_path_factory.mktemp("callee-mistakes")
    return {m: submissions.write(submissions.mutant_sources(m), base / m)
            for m in CALLEE_MISTAKES}


@pytest.mark.parametrize("mistake_id", CALLEE_MISTAKES)
def test_in_graded_runs_only_the_exercise_with_the_mistake_loses_points(folders, mistake_id):
    name = mistake_id.split(".", 1)[0]
    assert _callers(name), "a mistake in a function nobody calls proves nothing here"
    report = engine.grade(submission=folders[mistake_id], hidden=True)
    by_name = {ex.name: ex for ex in report.exercises}
    assert by_name[name].score < by_name[name].max_score
    lost = {ex.name: (ex.score, ex.max_score) for ex in report.exercises
            if ex.name != name and ex.score < ex.max_score}
    assert not lost, lost
    assert report.score == report.max_score - (by_name[name].max_score - by_name[name].score)


@pytest.mark.parametrize("mistake_id", CALLEE_MISTAKES)
def test_in_public_runs_each_failing_caller_is_told_to_fix_the_callee_first(folders, mistake_id):
    name = mistake_id.split(".", 1)[0]
    report = engine.grade(submission=folders[mistake_id])
    by_name = {ex.name: ex for ex in report.exercises}
    assert by_name[name].status in ("failed", "partial") and by_name[name].notes == []
    failing_callers = [n for n in _callers(name) if by_name[n].status in ("failed", "partial")]
    assert failing_callers, "the mistake should show up in a caller's public checks"
    for caller in failing_callers:
        notes = [n.render("en") for n in by_name[caller].notes]
        assert notes and notes[0].startswith(f"{caller} calls your "), notes
        assert name in notes[0] and "first" in notes[0]
    # Exercises that passed, or that do not call the faulty function, get no note.
    for ex in report.exercises:
        if ex.name not in failing_callers:
            assert ex.notes == [], (ex.name, [n.render("en") for n in ex.notes])
