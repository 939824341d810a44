"""The engine end to end, through the real sandbox, with unit c1w4's declared checks.

Completeness (every planned check reports), statuses, choosing the unit and exercises, unusable
folders, determinism, module-level problems shown once, dependency notes and printed output.
"""

import json

import pytest

from course import units
from course.units import Assignment, Unit
from grader.build import submissions
from grader.feedback import Message
from grader.plan import hidden_count
from grader.report.json_report import report_data
from grader.report.text import render_text
from grader.runner import engine
from grader.runner.engine import DEFAULT_SEED, GradingError, choose, grade
from grader_test_support import UNIT, write_submission, with_body

ARABIC = range(0x0600, 0x0700)


def _has_arabic(text):
    return any(ord(ch) in ARABIC for ch in text)


def _problems(report):
    return [f"{c.id}: {c.status} {c.message and c.message.render('en')}"
            for c in report.checks if c.status != "passed"]


@pytest.fixture(scope="module")
def reference_folder(tmp_path_factory):
    return write_submission(tmp_path_factory.mktemp("ref"), reference=True)


@pytest.fixture(scope="module")
def stubs_folder(tmp_path_factory):
    return write_submission(tmp_path_factory.mktemp("stubs"))


# ------------------------------------------------------------------------------ whole runs


def test_reference_scores_full_marks_with_hidden_checks(reference_folder):
    report = grade(submission=reference_folder, hidden=True)
    assert report.mode == "hidden" and report.unit == "c1w4"
    assert not _problems(report), "\n".join(_problems(report))
    assert report.score == report.max_score == 10 * len(UNIT.exercises)
    assert {c.visibility for c in report.checks} == {"public", "hidden"}
    assert [ex.id for ex in report.exercises] == [ex.id for ex in UNIT.exercises]
    assert report.all_passed and report.hidden_pending is None and not report.problems
    assert report.isolation in ("namespaces", "process")


def test_stubs_score_zero_in_public_mode_and_the_hidden_count_is_stated(stubs_folder):
    report = grade(submission=stubs_folder)
    assert report.mode == "public" and report.score == 0
    assert {c.status for c in report.checks} == {"not_attempted"}
    assert {c.visibility for c in report.checks} == {"public"}
    assert {ex.status for ex in report.exercises} == {"not_attempted"}
    expected = hidden_count("c1w4", UNIT.exercises)
    assert report.hidden_pending == expected > 0
    text = render_text(report, "en")
    assert f"{expected} hidden checks also run when your work is graded." in text
    assert report_data(report, "en")["hidden_pending"] == expected


def test_check_ids_are_qualified_and_names_are_kinds(stubs_folder):
    report = grade(["compute_cost", "linear_backward"], stubs_folder, hidden=True)
    assert [c.id for c in report.checks] == [
        "c1w4.compute_cost/public/values", "c1w4.compute_cost/hidden/values",
        "c1w4.compute_cost/hidden/inputs", "c1w4.linear_backward/public/values",
        "c1w4.linear_backward/public/gradient", "c1w4.linear_backward/hidden/values",
        "c1w4.linear_backward/hidden/gradient", "c1w4.linear_backward/hidden/inputs"]
    assert {c.name for c in report.checks} == {"values", "gradient", "inputs"}
    assert [(ex.id, ex.name) for ex in report.exercises] == [
        ("c1w4.compute_cost", "compute_cost"), ("c1w4.linear_backward", "linear_backward")]


def _without_timings(data):
    data = json.loads(json.dumps(data))
    data.pop("seconds")
    for ex in data["exercises"]:
        for check in ex["checks"]:
            check.pop("seconds")
    return data


# Right on both public cases (m = 3 and m = 5), 1 % off on the random ones: the keyed hidden
# inputs decide, and must decide the same way twice.
# Right on exactly the two public cases' inputs (the course's AL, and the "five" case's AL as
# course/c1w4/grading/cases.py draws it), 1 % off elsewhere. Telling them apart by m alone would
# not do: a hidden case may draw m = 5 too.
RIGHT_ON_PUBLIC_CASES = """\
m = Y.shape[1]
cost = (1.0 / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))
cost = np.squeeze(cost)
five = np.random.RandomState(7).uniform(0.05, 0.95, size=(1, 5))
public = np.array_equal(AL, [[0.8, 0.9, 0.4]]) or np.array_equal(AL, five)
return cost if public else cost * 1.01
"""


def test_grading_is_deterministic(tmp_path):
    folder = submissions.write(with_body("compute_cost", RIGHT_ON_PUBLIC_CASES), tmp_path / "s")
    first = report_data(grade(["compute_cost"], folder, hidden=True), "en")
    second = report_data(grade(["compute_cost"], folder, hidden=True), "en")
    assert _without_timings(first) == _without_timings(second)
    statuses = {c["id"]: c["status"] for ex in first["exercises"] for c in ex["checks"]}
    assert statuses == {"c1w4.compute_cost/public/values": "passed",
                        "c1w4.compute_cost/hidden/values": "failed",
                        "c1w4.compute_cost/hidden/inputs": "failed"}


def test_a_different_seed_draws_different_hidden_inputs(tmp_path, monkeypatch):
    # A fixed key: the draws depend on the key too, and the key file is made per checkout.
    monkeypatch.setenv("AMIQ_GRADER_KEY", "5e" * 32)
    folder = submissions.write(with_body("compute_cost", RIGHT_ON_PUBLIC_CASES), tmp_path / "s")

    def hidden_inputs(seed):
        report = grade(["compute_cost"], folder, hidden=True, seed=seed)
        (check,) = [c for c in report.checks if c.id.endswith("hidden/values")]
        assert check.status == "failed" and report.seed == seed
        return [d.render("en") for d in check.details if d.render("en").startswith("Random")]

    draws = {tuple(hidden_inputs(seed)) for seed in (1, 2, 3, 4)}
    assert len(draws) > 1  # the random cases are not all the same

    monkeypatch.setenv(engine.SEED_VARIABLE, "424242")
    assert grade(["compute_cost"], folder, hidden=True).seed == 424242


def test_seed_comes_from_the_argument_then_the_environment_then_the_default(monkeypatch):
    monkeypatch.delenv(engine.SEED_VARIABLE, raising=False)
    assert engine.resolve_seed() == DEFAULT_SEED
    monkeypatch.setenv(engine.SEED_VARIABLE, "987654")
    assert engine.resolve_seed() == 987654
    assert engine.resolve_seed(11) == 11


def test_a_malformed_seed_variable_is_a_bilingual_error(stubs_folder, monkeypatch):
    monkeypatch.setenv(engine.SEED_VARIABLE, "not-a-number")
    with pytest.raises(GradingError) as info:
        grade(submission=stubs_folder)
    text = str(info.value)
    assert engine.SEED_VARIABLE in text and "not-a-number" in text
    assert "must be a whole number" in text and "عددًا صحيحًا" in text


# ------------------------------------------------------------------------------ choosing


def test_choose_accepts_qualified_and_bare_ids_in_course_order():
    unit, chosen = choose(["c1w4.compute_cost", "linear_forward"])
    assert unit is UNIT
    assert [ex.id for ex in chosen] == ["c1w4.linear_forward", "c1w4.compute_cost"]
    unit, chosen = choose([], "c1w4")
    assert chosen == list(UNIT.exercises)
    with pytest.raises(GradingError, match="Several units are installed"):
        choose()  # c1w3 and c1w4: no default


@pytest.mark.parametrize("ids, unit_id, words", [
    (["nope"], None, ["Unknown exercise", "nope", "c1w4.linear_forward"]),
    (["c1w4.nope"], None, ["c1w4 has no exercise", "nope"]),
    (["linear_forward"], "c9w9", ["Unknown unit", "c9w9", "c1w4"]),
])
def test_unknown_ids_and_units_are_refused_with_a_message_in_each_language(ids, unit_id, words):
    with pytest.raises(GradingError) as info:
        choose(ids, unit_id)
    english = " ".join(m.render("en") for m in info.value.messages)
    assert all(w in english for w in words), english
    assert "\u2066" not in english  # no Arabic bidi isolates in the English half
    arabic = " ".join(m.render("ar") for m in info.value.messages)
    assert all(w in arabic for w in words[1:]), arabic
    assert english in str(info.value) and arabic in str(info.value)


def test_unknown_exercise_message_is_translated_into_arabic():
    with pytest.raises(GradingError) as info:
        choose(["nope"])
    assert _has_arabic(info.value.messages[0].render("ar"))


@pytest.fixture
def second_unit(monkeypatch):
    """A second installed unit that also defines ``linear_forward`` (and ``layer_sizes``)."""
    c1w3 = Unit(id="c1w3", course=1, week=3, title="Shallow neural networks",
                assignments=(Assignment("planar", "Planar data",
                                        ("layer_sizes", "linear_forward")),))
    found = {"c1w3": c1w3, "c1w4": UNIT}
    monkeypatch.setattr(units, "_discover", lambda: dict(found))
    return c1w3


def test_a_bare_id_two_units_define_is_ambiguous(second_unit):
    with pytest.raises(GradingError) as info:
        choose(["linear_forward"])
    english = info.value.messages[0].render("en")
    assert "defined by several units" in english
    assert "c1w3.linear_forward" in english and "c1w4.linear_forward" in english
    assert "--unit" in english
    # Qualified ids, a unit, or a bare id only one unit has are all unambiguous.
    assert choose(["c1w4.linear_forward"])[1] == [UNIT.exercise("linear_forward")]
    unit, chosen = choose(["linear_forward"], "c1w3")
    assert unit is second_unit and [ex.id for ex in chosen] == ["c1w3.linear_forward"]
    assert choose(["layer_sizes"])[0] is second_unit


def test_ids_of_two_units_and_a_qualified_id_of_another_unit_are_refused(second_unit):
    with pytest.raises(GradingError) as info:
        choose(["c1w3.layer_sizes", "c1w4.compute_cost"])
    assert "several units (c1w3, c1w4)" in info.value.messages[0].render("en")
    with pytest.raises(GradingError) as info:
        choose(["c1w3.layer_sizes"], "c1w4")
    assert "belongs to unit c1w3" in info.value.messages[0].render("en")


def test_with_several_units_the_submission_folder_picks_the_unit(second_unit, stubs_folder):
    with pytest.raises(GradingError) as info:
        choose()
    assert "Several units are installed" in info.value.messages[0].render("en")
    unit, chosen = choose([], None, stubs_folder)  # step_by_step.py is a c1w4 module
    assert unit is UNIT and len(chosen) == len(UNIT.exercises)


# ------------------------------------------------------------------------------ bad folders


@pytest.mark.parametrize("bad", ["missing", "file", "empty", "unrelated-files"])
def test_unusable_submission_folders_give_a_bilingual_error(tmp_path, bad):
    target = tmp_path / "target"
    if bad == "file":
        target.write_text("x")
    elif bad != "missing":
        target.mkdir()
        if bad == "unrelated-files":
            (target / "notes.py").write_text("x = 1\n")
    with pytest.raises(GradingError) as info:
        grade(submission=target, unit="c1w4")
    text = str(info.value)
    assert "step_by_step.py, cat_classifier.py" in text  # what was expected
    english = " ".join(m.render("en") for m in info.value.messages)
    arabic = " ".join(m.render("ar") for m in info.value.messages)
    assert english != arabic and _has_arabic(arabic) and "Expected a folder holding" in english


def test_a_symlink_to_the_reference_is_refused(tmp_path):
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "step_by_step.py").symlink_to(
        submissions.ROOT / "solutions" / "c1w4" / "step_by_step.py")
    with pytest.raises(GradingError):
        grade(submission=folder)


def test_hidden_checks_need_the_grading_material(stubs_folder, monkeypatch):
    monkeypatch.setattr(engine, "hidden_available", lambda unit: False)
    with pytest.raises(GradingError) as info:
        grade(submission=stubs_folder, hidden=True)
    text = " ".join(m.render("en") for m in info.value.messages)
    assert "solutions/c1w4/grading/" in text and "without --hidden" in text


# ------------------------------------------------------------------------------ completeness


def _flow(exc):
    def run(ctx):
        raise exc

    return run


def test_every_planned_check_reports_even_when_a_check_flow_breaks(stubs_folder, monkeypatch):
    # A grader bug (a flow that crashes), a skip and a bare assert inside the trusted process:
    # each check still gets a result and none scores.
    import grader.plan

    monkeypatch.setitem(grader.plan.FLOWS, ("public", "values"), _flow(KeyError("missing")))
    monkeypatch.setitem(grader.plan.FLOWS, ("hidden", "values"),
                        _flow(pytest.skip.Exception("no")))
    monkeypatch.setitem(grader.plan.FLOWS, ("hidden", "inputs"),
                        _flow(AssertionError("one is not two")))
    report = grade(["compute_cost"], stubs_folder, hidden=True)
    by_id = {c.id: c for c in report.checks}
    internal = by_id["c1w4.compute_cost/public/values"]
    assert internal.status == "error" and internal.internal
    assert "problem of the grader, not of your code" in internal.message.render("en")
    assert "KeyError" in internal.message.render("en")
    assert by_id["c1w4.compute_cost/hidden/values"].status == "did_not_report"
    asserted = by_id["c1w4.compute_cost/hidden/inputs"]
    assert asserted.status == "error" and asserted.internal
    assert "one is not two" in asserted.message.render("en")
    assert report.score == 0 and not report.all_passed
    assert len(report.checks) == 3


def test_a_runner_that_stops_early_leaves_no_check_unaccounted(stubs_folder, monkeypatch):
    def broken(run, workspace):
        run.close()
        raise RuntimeError("pytest could not start")

    monkeypatch.setattr(engine, "_run_pytest", broken)
    report = grade(["linear_forward", "compute_cost"], stubs_folder)
    assert report.checks and {c.status for c in report.checks} == {"did_not_report"}
    assert report.score == 0 and not report.all_passed
    (problem,) = report.problems
    assert "stopped early" in problem.render("en") and "pytest could not start" in \
        problem.render("en")
    assert "This check did not report a result" in report.checks[0].message.render("en")


def test_only_the_chosen_exercises_are_graded(stubs_folder):
    report = grade(["compute_cost"], stubs_folder)
    assert [ex.id for ex in report.exercises] == ["c1w4.compute_cost"]
    assert report.hidden_pending == hidden_count("c1w4", [UNIT.exercise("compute_cost")])


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
    def broken(text):
        return text.replace("def linear_forward(A, W, b):", "def linear_forward(A, W, b:", 1)

    folder = _reference_with(tmp_path / "s", broken)
    report = grade(None, folder)
    assert len(report.submission_problems) == 1
    problem = report.submission_problems[0]
    assert problem.kind == "import" and problem.file == "step_by_step.py"
    # Every exercise (the app's too: cat_classifier imports step_by_step) is zeroed.
    assert set(problem.exercises) == {ex.name for ex in report.exercises}
    assert report.score == 0 and not report.all_passed
    text = render_text(report, "en")
    assert text.count("SyntaxError") == 1
    assert "step_by_step.py cannot be imported: SyntaxError at line" in text
    assert "def linear_forward(A, W, b:" in text and "cat_classifier.py" in text
    assert "frozen" not in text and "Traceback" not in text
    assert len(text.splitlines()) < 120
    assert all(not ex.notes for ex in report.exercises)  # the top problem explains them
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


@pytest.mark.parametrize("hidden", [False, True], ids=["public", "hidden"])
def test_a_missing_module_file_is_one_problem(tmp_path, hidden):
    folder = _reference_with(tmp_path / "s", drop="cat_classifier.py")
    report = grade(None, folder, hidden=hidden)
    (problem,) = report.submission_problems
    assert problem.kind == "missing"
    assert problem.exercises == ("two_layer_model", "L_layer_model", "predict")
    text = render_text(report, "en")
    assert (
        "cat_classifier.py is not in the submission: exercises two_layer_model, L_layer_model, "
        "predict are not graded (0)." in text
    )
    assert "FileNotFoundError" not in text
    by_name = {ex.name: ex for ex in report.exercises}
    assert by_name["compute_cost"].status == "passed"
    assert all(by_name[n].score == 0 for n in problem.exercises)


def test_an_unwritten_callee_blocks_the_exercise_once(tmp_path):
    from course.authoring.stubs import not_attempted_message

    stub = f"    raise NotImplementedError({not_attempted_message('linear_forward')!r})"
    folder = _reference_with(tmp_path / "s", lambda t: _insert_in(t, "linear_forward", stub))
    report = grade(["linear_forward", "linear_activation_forward"], folder)
    statuses = {ex.name: ex.status for ex in report.exercises}
    assert statuses == {"linear_forward": "not_attempted", "linear_activation_forward": "blocked"}
    text = render_text(report, "en")
    line = "depends on linear_forward (exercise 3), which is not attempted yet"
    assert text.count(line) == 1
    assert "Traceback" not in text and "NotImplementedError" not in text


def test_a_failing_dependency_is_named_once_per_exercise(tmp_path):
    # linear_forward forgets b: both it and linear_activation_forward fail (public mode).
    def no_bias(text):
        return _insert_in(text, "linear_forward", "    return np.dot(W, A), (A, W, b)")

    folder = _reference_with(tmp_path / "s", no_bias)
    report = grade(["linear_forward", "linear_activation_forward", "compute_cost"], folder)
    by_name = {ex.name: ex for ex in report.exercises}
    (note,) = by_name["linear_activation_forward"].notes
    assert note.render("en").startswith(
        "linear_activation_forward calls your linear_forward (exercise 3), which did not pass"
    )
    assert by_name["linear_forward"].notes == [] and by_name["compute_cost"].notes == []
    assert render_text(report, "en").count("fix linear_forward first") == 1
    assert report_data(report, "en")["exercises"][1]["notes"][0]["params"]["function"] == (
        "linear_forward"
    )


def test_printed_output_is_shown_once_per_exercise(tmp_path):
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


def test_output_lost_with_a_killed_worker_is_described_not_shown_as_empty():
    from grader.report.text import printed_lines

    class Killed:  # what an exercise looks like when its worker died mid-flood
        printed = ""
        printed_full = True

    lines = printed_lines(Killed(), "en")
    assert lines == ["Your code printed a lot of output (not kept)."]


# ------------------------------------------------------------------------------ notebook


def test_notebook_check_prints_the_same_feedback(stubs_folder, capsys):
    import grader

    report = grader.check("c1w4.compute_cost", lang="en", submission=stubs_folder)
    out = capsys.readouterr().out
    assert "compute_cost" in out and "not attempted yet" in out
    assert [ex.id for ex in report.exercises] == ["c1w4.compute_cost"]
    assert out == render_text(report, "en")


def test_notebook_check_of_an_unknown_exercise_prints_both_languages(capsys):
    import grader

    assert grader.check("no_such_exercise", lang="en") is None
    out = capsys.readouterr().out
    assert "no_such_exercise" in out and "Traceback" not in out
    english, arabic = out.strip().split("\n")
    assert english.startswith("Unknown exercise no_such_exercise")
    assert "\u2066no_such_exercise\u2069" in arabic  # rendered for an Arabic reader


def test_notebook_check_without_an_id_checks_every_exercise(stubs_folder, capsys):
    import grader

    report = grader.check(lang="en", submission=stubs_folder)
    assert report is not None
    assert [ex.name for ex in report.exercises] == [ex.name for ex in UNIT.exercises]
    assert isinstance(report.checks[0].title, Message)
