"""The question model, and every unit's quiz: enough questions, every kind, prompts that render."""

import string

import pytest

from course.i18n import in_language
from course.quiz import render
from course.quiz.questions import (CHOICE_KINDS, KINDS, Option, Question, QuizError, has_quiz,
                                   questions, quiz_units)
from course.quiz.variants import variant
from course.units import all_units

UNITS = quiz_units()


def test_both_units_have_a_quiz():
    assert UNITS == ["c1w3", "c1w4"] == [u for u in all_units() if has_quiz(u)]


@pytest.mark.parametrize("unit", UNITS)
def test_each_quiz_has_ten_or_more_questions_of_every_kind(unit):
    asked = questions(unit)
    assert len(asked) >= 10
    kinds = {q.kind for q in asked}
    assert {"single", "multiple", "numeric"} <= kinds and "shape" in kinds


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_prompts_and_options_render_for_many_students(unit, lang):
    with in_language(lang):
        for q in questions(unit):
            for student in ("alice", "bob", "s1", "s2", "s3"):
                drawn = variant(unit, q, student)
                assert _fields(q.prompt) <= set(drawn.params)
                text = render.prompt_text(q, drawn, bidi=False)
                assert "{" not in text and text.strip()
                for letter, option in render.lettered_options(q, drawn, bidi=False):
                    assert option.strip() and letter in "abcdefgh"
            assert render.answer_format(q, bidi=False)


@pytest.mark.parametrize("unit", UNITS)
def test_parametrised_prompts_show_their_parameters(unit):
    # A numeric or shape question without its values in the prompt could not be answered.
    for q in questions(unit):
        if not q.is_choice:
            assert q.draw is not None and _fields(q.prompt), q.id


def test_unknown_unit_or_unit_without_quiz_is_a_bilingual_error():
    with pytest.raises(QuizError) as caught:
        questions("c9w9")
    with in_language("en"):
        assert "has no quiz" in caught.value.render() and "c1w4" in caught.value.render()
    with in_language("ar"):
        assert "اختبار قصير" in caught.value.render()


@pytest.mark.parametrize("kwargs, words", [
    ({"kind": "essay"}, "kind"),
    ({"kind": "single", "options": (Option("a", "x"),)}, "two or more"),
    ({"kind": "single", "options": (Option("a", "x"), Option("a", "y"))}, "unique"),
    ({"kind": "numeric", "options": (Option("a", "x"), Option("b", "y"))}, "only choice"),
    ({"kind": "numeric"}, "integer or has decimals"),
    ({"kind": "numeric", "integer": True, "decimals": 2}, "integer or has decimals"),
])
def test_malformed_questions_are_refused(kwargs, words):
    with pytest.raises(ValueError, match=words):
        Question("q", prompt="?", **kwargs)


def test_question_ids_are_bare_toml_keys():
    with pytest.raises(ValueError, match="identifier"):
        Question("two words", "shape", "?")
    for unit in UNITS:
        for q in questions(unit):
            assert q.id.isidentifier() and q.id.isascii()
            assert q.kind in KINDS and (q.kind in CHOICE_KINDS) == bool(q.options)
