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


# ---------------------------------------------------------------- module-level problems, deps


def _reference_with(folder, edit_step=None, drop=None):
    folder = write_submission(folder, reference=True)
    if edit_step is not None:
        path = folder / "step_by_step.py"
        path.write_text(edit_step(path.read_text()))
    if drop:
        (folder / drop).unlink()
    return folder


def _insert_in(source, function, code):
    """Insert ``code`` as the first statement after ``function``'s docstring."""
    start = source.index(f"def {function}(")
    end = source.index('"""', source.index('"""', start) + 3) + 3
    return source[:end] + "\n" + code + "\n" + source[end:]


def test_a_syntax_error_is_one_problem_at_the_top(tmp_path):
    from grader.report.text import render_text

    def broken(text):
        return text.replace("def linear_forward(A, W, b):", "def linear_forward(A, W, b:", 1)

    folder = _reference_with(tmp_path / "s", broken)
    report = grade(None, folder)
    assert len(report.submission_problems) == 1
    problem = report.submission_problems[0]
    assert problem.kind == "import" and problem.file == "step_by_step.py"
    # Every exercise (the app's too: cat_classifier imports step_by_step) is zeroed.
    assert set(problem.exercises) == {ex.id for ex in report.exercises}
    assert report.score == 0 and not report.all_passed
    text = render_text(report, "en")
    assert text.count("SyntaxError") == 1
    assert "step_by_step.py cannot be imported: SyntaxError at line" in text
    assert "def linear_forward(A, W, b:" in text and "cat_classifier.py" in text
    assert "frozen" not in text and "Traceback" not in text
    assert len(text.splitlines()) < 120
    data = report_data(report, "en")
    assert data["problems"][0]["kind"] == "import"
    assert data["problems"][0]["file"] == "step_by_step.py"
    assert len(data["problems"][0]["exercises"]) == len(report.exercises)


def test_a_module_level_error_names_its_line(tmp_path):
    folder = _reference_with(tmp_path / "s", lambda t: t + "\nundefined_name + 1\n")
    report = grade(["compute_cost"], folder)
    (problem,) = report.submission_problems
    assert "NameError" in problem.message.render("en")
    assert "undefined_name + 1" in "\n".join(d.render("en") for d in problem.details)


def test_a_missing_module_file_is_one_problem(tmp_path):
    from grader.report.text import render_text

    folder = _reference_with(tmp_path / "s", drop="cat_classifier.py")
    report = grade(None, folder)
    (problem,) = report.submission_problems
    assert problem.kind == "missing"
    assert problem.exercises == ("two_layer_model", "L_layer_model", "predict")
    text = render_text(report, "en")
    assert (
        "cat_classifier.py is not in the submission: exercises two_layer_model, L_layer_model, "
        "predict are not graded (0)." in text
    )
    assert "FileNotFoundError" not in text
    assert {ex.id: ex.status for ex in report.exercises}["compute_cost"] == "passed"


def test_an_unwritten_callee_blocks_the_exercise_once(tmp_path):
    from course.authoring.stubs import not_attempted_message
    from grader.report.text import render_text

    stub = f"    raise NotImplementedError({not_attempted_message('linear_forward')!r})"
    folder = _reference_with(tmp_path / "s", lambda t: _insert_in(t, "linear_forward", stub))
    report = grade(["linear_forward", "linear_activation_forward"], folder)
    statuses = {ex.id: ex.status for ex in report.exercises}
    assert statuses == {"linear_forward": "not_attempted", "linear_activation_forward": "blocked"}
    text = render_text(report, "en")
    line = "depends on linear_forward (exercise 3), which is not attempted yet"
    assert text.count(line) == 1
    assert "Traceback" not in text and "NotImplementedError" not in text


def test_a_failing_dependency_is_named_once_per_exercise(tmp_path):
    from grader.report.text import render_text

    # linear_forward forgets b: both it and linear_activation_forward fail.
    def no_bias(text):
        return _insert_in(text, "linear_forward", "    return np.dot(W, A), (A, W, b)")

    folder = _reference_with(tmp_path / "s", no_bias)
    report = grade(["linear_forward", "linear_activation_forward", "compute_cost"], folder)
    by_id = {ex.id: ex for ex in report.exercises}
    (note,) = by_id["linear_activation_forward"].notes
    assert note.render("en").startswith(
        "linear_activation_forward calls your linear_forward (exercise 3), which did not pass"
    )
    assert by_id["linear_forward"].notes == [] and by_id["compute_cost"].notes == []
    assert render_text(report, "en").count("fix linear_forward first") == 1
    assert report_data(report, "en")["exercises"][1]["notes"][0]["params"]["function"] == (
        "linear_forward"
    )


def test_printed_output_is_shown_once_per_exercise(tmp_path):
    from grader.report.text import render_text

    code = '    print("\\x1b[31mdebug", Y.shape)'
    folder = _reference_with(tmp_path / "s", lambda t: _insert_in(t, "compute_cost", code))
    report = grade(["compute_cost"], folder)
    (ex,) = report.exercises
    assert ex.status == "passed" and "debug (1, 3)" in ex.printed and "\x1b" not in ex.printed
    text = render_text(report, "en")
    assert text.count("Your code printed:") == 1
    assert "debug (1, 3)" in text and "\x1b" not in text
    printed = [line for line in text.splitlines() if "debug (1, 3)" in line]
    assert printed and all(line.lstrip().startswith("│ ") for line in printed)


def test_hidden_count_comes_from_the_released_file(tmp_path):
    from grader.report.text import render_text
    from grader.runner.discovery import pending_hidden, released_hidden_count

    from course import catalog

    root = tmp_path / "grader"
    (root / "public" / "c1w4").mkdir(parents=True)
    assert pending_hidden(catalog.EXERCISES, root) is None  # no file: wording unchanged
    (root / "public" / "c1w4" / "hidden_checks.json").write_text('{"count": 37}')
    assert pending_hidden(catalog.EXERCISES, root) == 37
    # One exercise alone: the unit's total does not say how many are its own.
    assert released_hidden_count(catalog.EXERCISES[:1], root) is None
    (root / "public" / "c1w4" / "hidden_checks.json").write_text('{"count": "many"}')
    assert pending_hidden(catalog.EXERCISES, root) is None
    from report_fixtures import all_passed_report

    text = render_text(all_passed_report(hidden_pending=37), "en")
    assert "37 hidden checks run when your work is graded" in text


def test_output_lost_with_a_killed_worker_is_described_not_shown_as_empty(tmp_path):
    from grader.report.text import printed_lines

    class Killed:  # what an exercise looks like when its worker died mid-flood
        printed = ""
        printed_full = True

    lines = printed_lines(Killed(), "en")
    assert lines == ["Your code printed a lot of output (not kept)."]
    assert "Your code printed:" not in "\n".join(lines)


def test_notebook_check_of_an_unknown_exercise_prints_a_bilingual_message(capsys):
    import grader

    assert grader.check("no_such_exercise", lang="en") is None
    out = capsys.readouterr().out
    assert "no_such_exercise" in out and "Traceback" not in out
    assert any("\u0600" <= ch <= "\u06ff" for ch in out)  # the Arabic half is there too


def test_notebook_check_without_an_id_checks_every_exercise(tmp_path, capsys):
    import grader

    report = grader.check(lang="en", submission=write_submission(tmp_path / "stubs"))
    assert report is not None
    assert {ex.id for ex in report.exercises} >= {"linear_forward", "predict"}
