"""Questions as text: values, options in the variant's order, answer formats in both languages."""

import pytest

from course.i18n import LRI, PDI, in_language
from course.quiz import render
from course.quiz.questions import Option, Question
from course.quiz.variants import Variant

SHAPE = Question("w", "shape", "Shape of `W[{l}]` for `n = {dims}`?", draw=lambda rng: {})
CHOICE = Question("c", "multiple", "Which?", options=(Option("x", "ex {l}"), Option("y", "why")))
DRAWN = Variant("w", {"l": 2, "dims": [4, 3, 1]}, ())


def test_values_are_shown_as_the_course_writes_them():
    assert render.value_text([4, 3, 1]) == "[4, 3, 1]"
    assert render.value_text((3, 5)) == "(3, 5)"
    assert render.value_text(0.1 + 0.2) == "0.3" and render.value_text(0.8775) == "0.8775"
    assert render.value_text(7) == "7"


def test_values_are_isolated_in_arabic_terminals_only():
    with in_language("ar"):
        shown = render.prompt_text(SHAPE, DRAWN)
        plain = render.prompt_text(SHAPE, DRAWN, bidi=False)
    assert f"{LRI}2{PDI}" in shown and LRI not in plain and PDI not in plain
    assert render.strip_isolates(shown) == plain
    with in_language("en"):
        assert render.prompt_text(SHAPE, DRAWN) == "Shape of `W[2]` for `n = [4, 3, 1]`?"


def test_options_follow_the_variants_order_and_take_its_values():
    drawn = Variant("c", {"l": 5}, ("y", "x"))
    with in_language("en"):
        assert render.lettered_options(CHOICE, drawn) == [("a", "why"), ("b", "ex 5")]
        assert render.answer_text(CHOICE, drawn, frozenset({"x", "y"})) == "a) why; b) ex 5"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_kind_has_a_label_and_an_answer_format(lang):
    kinds = [Question("s", "single", "?", options=(Option("a", "a"), Option("b", "b"))),
             CHOICE, SHAPE, Question("n", "numeric", "?", draw=lambda r: {}, integer=True),
             Question("d", "numeric", "?", draw=lambda r: {}, decimals=4)]
    with in_language(lang):
        labels = {render.kind_label(q) for q in kinds}
        formats = [render.answer_format(q, bidi=False) for q in kinds]
    assert len(labels) == 4
    assert '"b"' in formats[0] and '["a", "c"]' in formats[1] and "[3, 5]" in formats[2]
    assert "7" in formats[3] and "0.1234" in formats[4]
