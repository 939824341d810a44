"""Reading one answer: every unambiguous spelling, and a clear message for the rest."""

import pytest

from course.i18n import in_language
from course.quiz.answers import AnswerError, interpret, is_blank
from course.quiz.questions import Option, Question
from course.quiz.variants import Variant

SINGLE = Question("pick", "single", "?", options=tuple(Option(i, i) for i in "wxyz"))
MULTIPLE = Question("many", "multiple", "?", options=tuple(Option(i, i) for i in "wxyz"))
WHOLE = Question("count", "numeric", "?", draw=lambda rng: {}, integer=True)
REAL = Question("slope", "numeric", "?", draw=lambda rng: {}, decimals=4)
SHAPE = Question("dims", "shape", "?", draw=lambda rng: {})
# The student sees z, x, w, y as a, b, c, d.
SHOWN = Variant("pick", {}, ("z", "x", "w", "y"))


@pytest.mark.parametrize("raw", [None, "", "   ", []])
def test_blank_answers_are_not_answered(raw):
    assert is_blank(raw)
    for question in (SINGLE, MULTIPLE, WHOLE, REAL, SHAPE):
        assert interpret(question, SHOWN, raw) is None


@pytest.mark.parametrize("raw", ["b", "B", " b ", "b)", "(b)", "b.", ["b"]])
def test_one_letter_names_the_option_shown_with_it(raw):
    assert interpret(SINGLE, SHOWN, raw) == "x"


@pytest.mark.parametrize("raw", [["a", "c"], "a, c", "a c", "c;a", ["C", "a)"], ["a", "a", "c"]])
def test_several_letters_name_a_set_of_options(raw):
    assert interpret(MULTIPLE, SHOWN, raw) == frozenset({"z", "w"})


@pytest.mark.parametrize("question, raw", [
    (SINGLE, "e"), (SINGLE, "a, b"), (SINGLE, 1), (SINGLE, ["a", "b"]), (SINGLE, True),
    (MULTIPLE, ["a", 2]), (MULTIPLE, "ac"), (MULTIPLE, {"a": 1}), (MULTIPLE, "a, q"),
    (WHOLE, "seven"), (WHOLE, True), (WHOLE, [7]), (REAL, "0,25"), (REAL, "nan"),
    (REAL, float("inf")), (SHAPE, "(3, m)"), (SHAPE, [3]), (SHAPE, [3, 5, 1]), (SHAPE, [3, 0]),
    (SHAPE, [True, 5]), (SHAPE, [3.5, 5]), (SHAPE, 35),
])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_unreadable_answers_say_what_was_expected(question, raw, lang):
    with in_language(lang), pytest.raises(AnswerError) as caught:
        interpret(question, SHOWN, raw)
    error = caught.value
    with in_language("en"):
        assert error.render().startswith("Expected")
    with in_language("ar"):
        assert error.render().startswith("المتوقَّع")
    assert error.msgid.startswith("Expected") and "value" in error.params


@pytest.mark.parametrize("raw, value", [(7, 7), ("7", 7), (" 7 ", 7), ("٧", 7), (7.0, 7),
                                        ("1e1", 10)])
def test_whole_numbers(raw, value):
    got = interpret(WHOLE, SHOWN, raw)
    assert got == value and isinstance(got, int)


@pytest.mark.parametrize("raw, value", [(0.1275, 0.1275), ("0.1275", 0.1275), (".5", 0.5),
                                        ("-0.18", -0.18), ("٠٫٢١", 0.21), (1, 1)])
def test_decimal_numbers(raw, value):
    assert interpret(REAL, SHOWN, raw) == pytest.approx(value, abs=1e-12)


@pytest.mark.parametrize("raw", [[3, 5], [3.0, 5], "(3, 5)", "[3,5]", "3x5", "3 × 5", "٣, ٥",
                                 ["3", "5"]])
def test_shapes(raw):
    assert interpret(SHAPE, SHOWN, raw) == (3, 5)


def test_long_values_are_shortened_in_messages():
    with pytest.raises(AnswerError) as caught:
        interpret(WHOLE, SHOWN, "x" * 500)
    assert len(caught.value.params["value"]) <= 40
