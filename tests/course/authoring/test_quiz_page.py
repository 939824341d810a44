"""The practice page of a quiz: every question in the practice variant, its answer in a fold."""

import re

import pytest

from course.i18n import LRI, in_language
from course.authoring.quiz_page import practice_markdown
from course.quiz import render
from course.quiz.questions import questions, quiz_units
from course.quiz.variants import practice_variant, variant
from grader.quiz import expected_answer, load_key


@pytest.mark.parametrize("unit", quiz_units())
@pytest.mark.parametrize("lang, title", [("ar", "الإجابة"), ("en", "Answer")])
def test_every_question_has_its_answer_in_a_collapsible_block(unit, lang, title):
    text = practice_markdown(unit, lang)
    asked = questions(unit)
    assert len(re.findall(r"^### ", text, re.MULTILINE)) == len(asked)
    assert text.count(f'??? note "{title}"') == len(asked)
    assert LRI not in text
    arabic = re.findall("[\u0600-\u06ff]+", text)
    assert (len(arabic) > 100) if lang == "ar" else arabic == []
    # Everything after a fold's title is indented into it.
    for block in text.split(f'??? note "{title}"')[1:]:
        body = block.split("\n### ")[0].strip("\n").splitlines()
        assert all(line.startswith("    ") or not line for line in body)


@pytest.mark.parametrize("unit", quiz_units())
def test_the_page_shows_the_practice_variant_and_its_right_answers(unit):
    key = load_key(unit)
    text = practice_markdown(unit, "en")
    with in_language("en"):
        for q in questions(unit):
            drawn = practice_variant(unit, q)
            assert render.prompt_text(q, drawn, bidi=False) in text
            right = expected_answer(q, drawn, key[q.id])
            if q.is_choice:
                for option in ({right} if q.kind == "single" else right):
                    shown = render.option_text(q, drawn, option, bidi=False)
                    assert f"    - **{drawn.letters[option]})** {shown}" in text
            else:
                assert f"    `{render.answer_text(q, drawn, right, bidi=False)}`" in text
            assert drawn != variant(unit, q, "alice")
