"""The engine end to end on its own test checks: completeness, statuses, determinism."""

import json

import pytest

from grader.report.json_report import report_data
from grader.runner.engine import DEFAULT_SEED, GradingError, grade, select_exercises
from grader.runner.plugin import check_seed
from grader_test_support import ENGINE_CHECKS, ROOT, write_submission

REAL = (ROOT / "grader" / "public" / "c1w4" / "check_linear_forward.py").is_file()


def test_reference_scores_everything(tmp_path):
    folder = write_submission(tmp_path / "ref", reference=True)
    report = grade(submission=folder, hidden=True, check_root=ENGINE_CHECKS)
    assert report.mode == "hidden"
    assert report.score == report.max_score > 0
    assert {c.visibility for c in report.checks} == {"public", "hidden"}
    assert report.all_passed and report.hidden_pending is None


def test_stubs_score_zero_and_are_not_attempted(tmp_path):
    report = grade(submission=write_submission(tmp_path / "stubs"), check_root=ENGINE_CHECKS)
    assert report.score == 0
    assert {c.status for c in report.checks} == {"not_attempted"}
    assert {ex.status for ex in report.exercises if ex.checks} == {"not_attempted"}
    assert report.hidden_pending == 2  # counted from the hidden files, not run


def _without_timings(data):
    data = json.loads(json.dumps(data))
    data.pop("seconds")
    for ex in data["exercises"]:
        for check in ex["checks"]:
            check.pop("seconds")
    return data


def test_grading_is_deterministic(tmp_path):
    folder = write_submission(
        tmp_path / "ref",
        reference=True,
        step_extra="""
def compute_cost(AL, Y):
    # Right on the published case, wrong on random ones: the rng-driven check decides.
    m = Y.shape[1]
    cost = np.squeeze((1.0 / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T)))
    return cost if m == 3 else float(cost)
""",
    )
    first = report_data(grade(submission=folder, hidden=True, check_root=ENGINE_CHECKS), "en")
    second = report_data(grade(submission=folder, hidden=True, check_root=ENGINE_CHECKS), "en")
    assert _without_timings(first) == _without_timings(second)
    assert first["seed"] == DEFAULT_SEED
    statuses = {c["id"]: c["status"] for ex in first["exercises"] for c in ex["checks"]}
    assert statuses["compute_cost/public/check_value"] == "passed"
    assert statuses["compute_cost/public/check_type"] == "failed"


def test_check_seeds_depend_on_run_seed_and_check():
    assert check_seed(1, "a/public/x") == check_seed(1, "a/public/x")
    assert check_seed(1, "a/public/x") != check_seed(2, "a/public/x")
    assert check_seed(1, "a/public/x") != check_seed(1, "a/public/y")


def test_exercise_selection_and_errors(tmp_path):
    assert [ex.id for ex in select_exercises(["compute_cost", "linear_forward"])] == [
        "linear_forward",
        "compute_cost",
    ]
    with pytest.raises(GradingError) as info:
        select_exercises(["nope"])
    assert "nope" in str(info.value) and "تمرين غير معروف" in str(info.value)
    folder = write_submission(tmp_path / "s")
    report = grade(["compute_cost"], submission=folder, check_root=ENGINE_CHECKS)
    assert [ex.id for ex in report.exercises] == ["compute_cost"]


@pytest.mark.parametrize("bad", ["missing", "file", "empty"])
def test_unusable_submission_folders(tmp_path, bad):
    target = tmp_path / "target"
    if bad == "file":
        target.write_text("x")
    elif bad == "empty":
        target.mkdir()
    with pytest.raises(GradingError) as info:
        grade(submission=target, check_root=ENGINE_CHECKS)
    assert "step_by_step.py" in str(info.value)


def test_hidden_without_hidden_checks_is_refused(tmp_path):
    root = tmp_path / "checks"
    (root / "public").mkdir(parents=True)
    with pytest.raises(GradingError, match="hidden"):
        grade(submission=write_submission(tmp_path / "s"), hidden=True, check_root=root)


BROKEN_CHECKS = {
    "check_linear_forward.py": """
import pytest
from grader.api import check

@check("linear_forward", points=1, visibility="public", title="crashes in the check itself")
def check_internal(submission):
    return {}["missing"]

@check("linear_forward", points=1, visibility="public", title="skips")
def check_skip(submission):
    pytest.skip("no")

@check("linear_forward", points=1, visibility="public", title="bare assert")
def check_assert(submission):
    assert 1 == 2, "one is not two"

@check("linear_forward", points=1, visibility="public", title="passes")
def check_pass(submission, rng):
    assert 0 <= rng.uniform() < 1

def test_stray():
    raise RuntimeError("stray test functions are never run")
""",
    "check_compute_cost.py": "raise ImportError('broken check module')\n",
}


def test_every_expected_check_reports_something(tmp_path):
    root = tmp_path / "checks"
    unit = root / "public" / "c1w4"
    unit.mkdir(parents=True)
    for name, text in BROKEN_CHECKS.items():
        (unit / name).write_text(text)
    report = grade(
        ["linear_forward", "compute_cost"],
        submission=write_submission(tmp_path / "s"),
        check_root=root,
    )
    by_name = {c.name: c for c in report.checks}
    assert set(by_name) == {"check_internal", "check_skip", "check_assert", "check_pass"}
    assert by_name["check_internal"].status == "error" and by_name["check_internal"].internal
    assert by_name["check_skip"].status == "did_not_report"
    assert by_name["check_assert"].status == "failed"
    assert "one is not two" in by_name["check_assert"].message.render("en")
    assert by_name["check_pass"].status == "passed"
    assert len(report.problems) == 1 and "compute_cost" in report.problems[0].render("en")
    assert not report.all_passed


def test_notebook_check_prints_the_same_feedback(tmp_path, capsys):
    import grader

    folder = write_submission(tmp_path / "s")
    report = grader.check("compute_cost", lang="en", submission=folder)
    out = capsys.readouterr().out
    assert "compute_cost" in out and "not attempted yet" in out
    assert [ex.id for ex in report.exercises] == ["compute_cost"]


@pytest.mark.skipif(not REAL, reason="the real checks are not there yet")
def test_real_checks_reference_scores_100_percent(tmp_path):
    report = grade(submission=write_submission(tmp_path / "ref", reference=True), hidden=True)
    failing = [
        (c.id, c.status, c.message.render("en") if c.message else "")
        for c in report.checks
        if c.status != "passed"
    ]
    assert not failing
    assert report.score == report.max_score > 0 and not report.problems


@pytest.mark.skipif(not REAL, reason="the real checks are not there yet")
def test_real_checks_stubs_score_zero_not_attempted(tmp_path):
    report = grade(submission=write_submission(tmp_path / "stubs"), hidden=True)
    assert report.score == 0
    assert all(ex.status == "not_attempted" for ex in report.exercises), [
        (ex.id, ex.status) for ex in report.exercises
    ]


@pytest.mark.skipif(not REAL, reason="the real checks are not there yet")
def test_real_checks_are_deterministic(tmp_path):
    folder = write_submission(tmp_path / "ref", reference=True)
    first = report_data(grade(submission=folder, hidden=True), "en")
    second = report_data(grade(submission=folder, hidden=True), "en")
    assert _without_timings(first) == _without_timings(second)


def test_seed_comes_from_the_argument_then_the_environment_then_the_default(monkeypatch):
    from grader.runner.engine import SEED_VARIABLE, resolve_seed

    monkeypatch.delenv(SEED_VARIABLE, raising=False)
    assert resolve_seed() == DEFAULT_SEED
    monkeypatch.setenv(SEED_VARIABLE, "987654")
    assert resolve_seed() == 987654
    assert resolve_seed(11) == 11


def test_a_private_seed_from_the_environment_changes_the_hidden_cases(tmp_path, monkeypatch):
    from grader.runner.engine import SEED_VARIABLE

    folder = write_submission(tmp_path / "ref", reference=True)
    monkeypatch.setenv(SEED_VARIABLE, "424242")
    report = grade(submission=folder, hidden=True, check_root=ENGINE_CHECKS)
    assert report.seed == 424242


def test_a_malformed_seed_variable_is_a_bilingual_error(tmp_path, monkeypatch):
    from grader.runner.engine import SEED_VARIABLE

    monkeypatch.setenv(SEED_VARIABLE, "not-a-number")
    with pytest.raises(GradingError) as info:
        grade(submission=write_submission(tmp_path / "stubs"), check_root=ENGINE_CHECKS)
    text = str(info.value)
    assert SEED_VARIABLE in text and "not-a-number" in text
    assert "عددًا صحيحًا" in text
