"""``amiq grade quiz``: graded feedback with the key, a check of the file without it, bad input."""

import json
import sys

import pytest

from course.quiz.questions import questions
from quiz_support import right_answers, toml_answers


def _answers_file(amiq, tmp_path, unit="c1w4", student="alice", answers=None, lang="en"):
    path = tmp_path / f"{unit}-{student}.toml"
    assert amiq("--lang", lang, "quiz", "template", "--unit", unit, "--student", student,
                "--output", path).code == 0
    text = path.read_text(encoding="utf-8")
    if answers is not None:
        body = "\n".join(line for line in text.splitlines() if not line.endswith('= ""'))
        text = body + "\n" + toml_answers(answers)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang, words", [("en", ("Score: 13 of 13", "Why:")),
                                         ("ar", ("الدرجة:", "السبب:"))])
def test_full_marks_exit_zero_with_feedback(amiq, tmp_path, lang, words):
    path = _answers_file(amiq, tmp_path, answers=right_answers("c1w4", "alice"))
    result = amiq("--lang", lang, "grade", "quiz", "--answers", path)
    assert result.code == 0, result.err
    assert all(w in result.out for w in words)


def test_missing_points_exit_one_and_json_is_written(amiq, tmp_path):
    answers = right_answers("c1w3", "bob")
    answers["w1_shape"] = answers["w1_shape"][::-1]
    path = _answers_file(amiq, tmp_path, "c1w3", "bob", answers)
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    result = amiq("--lang", "en", "grade", "quiz", "--answers", path, "--format", "json",
                  "--output", report)
    assert result.code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["score"] == data["max_score"] - 1 == len(questions("c1w3")) - 1
    assert "Score:" in result.err  # the one-line summary goes to the terminal


def test_grading_as_the_student_on_the_class_list(amiq, tmp_path):
    path = _answers_file(amiq, tmp_path, answers=right_answers("c1w4", "alice"))
    result = amiq("--lang", "en", "grade", "quiz", "--answers", path, "--student", "carol")
    assert result.code == 1 and "graded as carol" in result.out


def test_the_answers_file_is_found_from_the_unit(amiq, tmp_path, monkeypatch):
    from course.quiz import sheet as sheet_module

    monkeypatch.setattr(sheet_module, "default_path", lambda unit: tmp_path / f"{unit}.toml")
    none = amiq("--lang", "en", "grade", "quiz")
    assert none.code == 2 and "Several units have a quiz" in none.err
    amiq("--lang", "en", "quiz", "template", "--unit", "c1w3", "--student", "s1")
    only = amiq("--lang", "en", "grade", "quiz")  # the only unit with a file
    assert only.code == 1 and "Quiz of unit c1w3" in only.out
    other = amiq("--lang", "en", "grade", "quiz", "--unit", "c1w4")
    assert other.code == 2 and "no answers file" in other.err


@pytest.mark.parametrize("content, words", [
    ("unit = c1w4\n", "not valid TOML"),
    ('[answers]\nnotation = "a"\n', "no [quiz] table"),
    (b"\xff\xfe\x00", "UTF-8"),
    ('[quiz]\nunit = "c7w7"\nstudent = "a"\n', "c7w7"),
])
def test_unusable_files_are_bilingual_usage_errors(amiq, tmp_path, content, words):
    path = tmp_path / "bad.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = amiq("--lang", "en", "grade", "quiz", "--answers", path)
    assert result.code == 2 and words in result.err and "Traceback" not in result.err
    assert any("\u0600" <= ch <= "\u06ff" for ch in result.err)


def test_wrong_unit_and_wrong_answers_types(amiq, tmp_path):
    path = _answers_file(amiq, tmp_path, "c1w3", "bob", {"w1_shape": "tall", "zero_init": 3})
    mismatch = amiq("--lang", "en", "grade", "quiz", "--answers", path, "--unit", "c1w4")
    assert mismatch.code == 2 and "not of unit c1w4" in mismatch.err
    graded = amiq("--lang", "en", "grade", "quiz", "--answers", path)
    assert graded.code == 1 and graded.out.count("cannot be read") == 2
    assert "Expected a shape" in graded.out and "Expected one letter" in graded.out


@pytest.mark.parametrize("args", [("--hidden",), ("--seed", "3"), ("--class", "."),
                                  ("--submission", "."), ("--format", "junit"),
                                  ("--timeout", "5"), ("--allow-weak-isolation",)])
def test_options_of_exercise_grading_are_refused(amiq, tmp_path, args):
    path = _answers_file(amiq, tmp_path)
    result = amiq("--lang", "en", "grade", "quiz", "--answers", path, *args)
    assert result.code == 2 and "Traceback" not in result.err
    assert "quiz" in result.err and any("\u0600" <= ch <= "\u06ff" for ch in result.err)


def test_exercises_and_the_quiz_are_graded_apart(amiq, tmp_path):
    path = _answers_file(amiq, tmp_path)
    result = amiq("--lang", "en", "grade", "quiz", "c1w4.linear_forward", "--answers", path)
    assert result.code == 2 and "grades the quiz only" in result.err
    assert "c1w4.linear_forward" in result.err


def test_quiz_options_need_the_quiz(amiq):
    result = amiq("--lang", "en", "grade", "c1w4.linear_forward", "--answers", "a.toml")
    assert result.code == 2 and "--answers only go with amiq grade quiz" in result.err


@pytest.fixture
def no_key(monkeypatch):
    """As in a student bundle: the solutions package (and so the key) is not importable."""
    for name in [m for m in sys.modules if m == "solutions" or m.startswith("solutions.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "solutions", None)


@pytest.mark.parametrize("lang, words", [
    ("en", ("graded by the instructor", "2 questions of 13 answered", "Not answered yet: 1, ",
            "Question 5 (z_shape) cannot be read")),
    ("ar", ("يصحّح المعلّم", "أُجيب عن سؤالين من", "لم يُجَب عنها بعد",
            "تتعذّر قراءة إجابة السؤال")),
])
def test_without_the_key_the_file_is_only_checked(amiq, tmp_path, no_key, lang, words):
    path = _answers_file(amiq, tmp_path, answers={"w_shape": [3, 5], "z_shape": "3 by m"})
    result = amiq("--lang", lang, "grade", "quiz", "--answers", path)
    assert result.code == 1  # an answer cannot be read: fix it before submitting
    for word in words:
        assert word in result.out, word
    assert "Right answer" not in result.out and "Why" not in result.out


def test_without_the_key_json_status_and_a_clean_file_exits_zero(amiq, tmp_path, no_key):
    path = _answers_file(amiq, tmp_path, answers={"w_shape": [3, 5]})
    result = amiq("--lang", "en", "grade", "quiz", "--answers", path, "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["format"] == "amiq-quiz-status" and data["graded"] is False
    assert data["answered"] == 1 and data["question_count"] == len(questions("c1w4"))
    assert {q["state"] for q in data["questions"]} == {"answered", "unanswered"}
