"""Grading the quiz: points and partial credit, variants from the student id only, the key."""

import sys

import pytest

from course.i18n import in_language
from course.quiz.questions import questions, quiz_units
from course.quiz.sheet import parse_sheet, template_text
from course.quiz.variants import variant
from grader.quiz import (ChoiceKey, KeyMissing, NumberKey, STATUSES, choice_points,
                         expected_answer, grade_quiz, grade_sheet, load_key)
from quiz_support import right_answers, toml_answers

UNITS = quiz_units()


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("student", ["alice", "s2024017"])
def test_right_answers_score_full_marks(unit, student):
    result = grade_quiz(right_answers(unit, student), unit, student)
    assert result.full_marks and result.score == result.max_score == len(questions(unit))
    assert {q.status for q in result.questions} == {"correct"}
    assert result.answered == len(questions(unit)) and result.unknown_ids == []


@pytest.mark.parametrize("unit", UNITS)
def test_nothing_answered_scores_zero_with_every_right_answer_shown(unit):
    result = grade_quiz({}, unit, "alice")
    assert result.score == 0 and result.answered == 0
    assert all(q.status == "unanswered" and q.expected is not None for q in result.questions)
    assert all(q.explanation.render("en") and q.explanation.render("ar") for q in result.questions)


@pytest.mark.parametrize("unit", UNITS)
def test_one_students_answers_are_wrong_for_another(unit):
    # The numbers and the letters are the student's own: copying someone's answers fails.
    alice = right_answers(unit, "alice")
    copied = grade_quiz(alice, unit, "bob")
    assert copied.score < copied.max_score - 3


def test_the_answers_are_graded_in_the_recomputed_variant_whatever_the_file_shows():
    text = template_text("c1w4", "alice")
    answered = text.replace("[answers]\n", "[answers]\n" + toml_answers(right_answers("c1w4",
                                                                                       "alice")))
    answered = "\n".join(line for line in answered.splitlines()
                         if not line.endswith('= ""')) + "\n"
    baseline = grade_sheet(parse_sheet(answered), "alice")
    # Edit what the file shows of the variant: the numbers in the prompts, the letters of the
    # options, an invented table of parameters and the fingerprint.
    edited = answered.replace("n = [", "n = [99, ").replace("#   a)", "#   z)")
    edited = edited.replace('variants = "', 'variants = "00') + '[variants]\nw_shape = {l = 1}\n'
    result = grade_sheet(parse_sheet(edited), "alice")
    assert [(q.question.id, q.points, q.variant) for q in result.questions] == \
        [(q.question.id, q.points, q.variant) for q in baseline.questions]
    assert result.full_marks and baseline.warnings == []
    assert [w.msgid.split(" (")[0] for w in result.warnings] == \
        ["The file was not made for this student's current questions"]


def test_grading_without_a_class_list_id_warns_that_the_file_names_the_student():
    # A copied file carries its author's id: without --student the grade goes to that id.
    text = template_text("c1w4", "alice")
    warned = grade_sheet(parse_sheet(text))
    assert any(w.msgid.startswith("Graded as the student id written in the file")
               for w in warned.warnings)
    assert not any(w.msgid.startswith("Graded as the student id")
                   for w in grade_sheet(parse_sheet(text), "alice").warnings)


def test_grading_as_another_student_warns():
    sheet = parse_sheet(template_text("c1w3", "alice"))
    result = grade_sheet(sheet, "Bob")
    assert result.student == "bob"
    assert "alice" in result.warnings[0].render("en") and "bob" in result.warnings[0].render("en")
    assert result.questions[0].variant == variant("c1w3", questions("c1w3")[0], "bob")


@pytest.mark.parametrize("chosen, points", [
    ({"r1", "r2"}, 1.0), ({"r1"}, 0.5), ({"r1", "w1"}, 0.0), ({"r1", "r2", "w1"}, 0.5),
    ({"r1", "r2", "w1", "w2"}, 0.0), ({"w1"}, 0.0), (set(), 0.0),
])
def test_partial_credit_of_multiple_choice(chosen, points):
    assert choice_points(chosen, {"r1", "r2"}) == pytest.approx(points)


@pytest.mark.parametrize("unit", UNITS)
def test_choosing_every_option_scores_nothing(unit):
    answers = {q.id: list("abcdefgh"[:len(q.options)]) for q in questions(unit)
               if q.kind == "multiple"}
    result = grade_quiz(answers, unit, "alice")
    assert all(q.points == 0 for q in result.questions if q.question.kind == "multiple")


def test_multiple_choice_statuses():
    unit, student = "c1w4", "alice"
    question = next(q for q in questions(unit) if q.id == "forward_backward")
    drawn = variant(unit, question, student)
    right = sorted(expected_answer(question, drawn, load_key(unit)[question.id]))
    one = grade_quiz({question.id: [drawn.letters[right[0]]]}, unit, student).questions
    graded = next(q for q in one if q.question.id == question.id)
    assert graded.status == "partial" and graded.points == pytest.approx(1 / len(right))


def test_numbers_within_the_tolerance_count():
    unit, student = "c1w3", "alice"
    question = next(q for q in questions(unit) if q.id == "tanh_derivative")
    right = right_answers(unit, student)[question.id]

    def points(value):
        return next(q for q in grade_quiz({question.id: value}, unit, student).questions
                    if q.question.id == question.id).points

    assert points(right) == points(round(right, 4)) == points(str(right)) == 1
    assert points(right + 0.00004) == 1 and points(right + 0.0002) == 0


def test_whole_numbers_must_be_exact():
    unit, student = "c1w4", "alice"
    right = right_answers(unit, student)["param_count"]
    graded = {v: next(q for q in grade_quiz({"param_count": v}, unit, student).questions
                      if q.question.id == "param_count").points
              for v in (right, float(right), right + 1, right + 0.5)}
    assert graded == {right: 1, float(right): 1, right + 1: 0, right + 0.5: 0}


def test_a_transposed_shape_is_pointed_out():
    unit, student = "c1w4", "alice"
    right = right_answers(unit, student)["w_shape"]
    result = grade_quiz({"w_shape": right[::-1]}, unit, student)
    graded = next(q for q in result.questions if q.question.id == "w_shape")
    assert graded.status == "wrong" and "transpose" in graded.note.render("en")
    assert "منقول" in graded.note.render("ar")


def test_unreadable_answers_and_unknown_ids_do_not_stop_the_grading():
    answers = {**right_answers("c1w3", "alice"), "w1_shape": "(3, m)", "extra\u202e": 1}
    result = grade_quiz(answers, "c1w3", "alice")
    graded = {q.question.id: q for q in result.questions}
    assert graded["w1_shape"].status == "unreadable" and graded["w1_shape"].points == 0
    assert graded["w1_shape"].problem.render("en").startswith("Expected a shape")
    assert result.score == result.max_score - 1
    assert result.unknown_ids == ["extra"]  # bidi control removed before printing
    assert set(q.status for q in result.questions) <= set(STATUSES)


def test_the_key_entries_are_frozen_and_explain_with_the_variants_values():
    key = ChoiceKey({"a"}, "because")
    assert key.correct == frozenset({"a"})
    number = NumberKey(lambda p: p["x"] + 1, "{x} plus one is {answer}")
    from course.quiz.questions import Question
    from course.quiz.variants import Variant
    from grader.quiz import explanation

    q = Question("n", "numeric", "{x}?", draw=lambda rng: {"x": 1}, integer=True)
    with in_language("en"):
        assert explanation(q, Variant("n", {"x": 41}), number).render("en") == "41 plus one is 42"


def test_without_the_solutions_package_the_key_is_missing(monkeypatch):
    for name in [m for m in sys.modules if m == "solutions" or m.startswith("solutions.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "solutions", None)
    with pytest.raises(KeyMissing) as caught:
        load_key("c1w4")
    with in_language("en"):
        assert "graded by the instructor" in caught.value.render()
    with in_language("ar"):
        assert "يصحّح المعلّم" in caught.value.render()
    with pytest.raises(KeyMissing):
        grade_quiz({}, "c1w4", "alice")


def test_a_broken_key_is_a_bug_not_a_missing_key(monkeypatch):
    # An import error inside the key (here: of a module that does not exist) must surface.
    import importlib

    real = importlib.import_module

    def broken(name, *args):
        if name.endswith("quiz_key"):
            raise ModuleNotFoundError("No module named 'sympy'", name="sympy")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError):
        load_key("c1w4")
