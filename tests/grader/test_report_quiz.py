"""The quiz result as text (both languages) and as JSON with a stable set of fields."""

import json

import pytest

from course.i18n import LRI
from course.quiz.questions import questions
from grader.quiz import grade_quiz
from grader.report.quiz import FORMAT, FORMAT_VERSION, render, result_data
from quiz_support import right_answers

QUESTION_FIELDS = {"id", "number", "kind", "status", "points", "max_points", "variant", "letters",
                   "answer", "expected", "problem", "note", "explanation"}


@pytest.fixture(scope="module")
def result():
    answers = right_answers("c1w4", "alice")
    answers["w_shape"] = answers["w_shape"][::-1]
    answers["notation"] = "q"
    del answers["empirical"]
    answers["hyperparameters"] = answers["hyperparameters"][:2]
    answers["bogus"] = 1
    return grade_quiz(answers, "c1w4", "alice")


def test_json_has_the_documented_fields(result):
    data = json.loads(render(result, "json", "en"))
    assert (data["format"], data["format_version"]) == (FORMAT, FORMAT_VERSION) == \
        ("amiq-quiz-result", 1)
    assert set(data) == {"format", "format_version", "unit", "student", "lang", "direction",
                         "score", "max_score", "answered", "question_count", "unknown_ids",
                         "warnings", "questions"}
    assert all(set(q) == QUESTION_FIELDS for q in data["questions"])
    assert [q["id"] for q in data["questions"]] == [q.id for q in questions("c1w4")]
    assert data["score"] == pytest.approx(result.score) and data["max_score"] == 13
    assert data["unknown_ids"] == ["bogus"] and data["answered"] == 12


def test_json_answers_are_the_students_letters_numbers_and_shapes(result):
    data = {q["id"]: q for q in result_data(result, "en")["questions"]}
    right = right_answers("c1w4", "alice")
    assert data["w_shape"]["expected"] == right["w_shape"]
    assert data["w_shape"]["answer"] == right["w_shape"][::-1]
    assert data["w_shape"]["note"]["msgid"].startswith("This is the transpose")
    assert data["cache_why"]["answer"] == data["cache_why"]["expected"] == right["cache_why"]
    assert data["hyperparameters"]["expected"] == right["hyperparameters"]
    assert (data["hyperparameters"]["status"], data["hyperparameters"]["points"]) == ("partial", 0.5)
    assert data["notation"]["status"] == "unreadable" and data["notation"]["answer"] is None
    assert data["empirical"]["status"] == "unanswered"
    assert data["param_count"]["variant"]["dims"][-1] == 1
    assert sorted(data["cache_contents"]["letters"].values()) == list("abcdefgh")


def test_json_text_follows_the_language(result):
    english = result_data(result, "en")["questions"][2]["explanation"]
    arabic = result_data(result, "ar")["questions"][2]["explanation"]
    assert english["msgid"] == arabic["msgid"] and english["params"] == arabic["params"]
    assert english["text"] != arabic["text"] and "الطبقة" in arabic["text"]


@pytest.mark.parametrize("lang, words", [
    ("en", ("Quiz of unit c1w4", "Your answer:", "Right answer:", "Why:",
            f"Score: {13 - 3 - 0.5:g} of 13",  # notation, w_shape, empirical; half a point
            "bogus", "transpose", "partly correct", "not answered", "cannot be read")),
    ("ar", ("الاختبار القصير للوحدة", "إجابتك:", "الإجابة الصحيحة:", "السبب:", "الدرجة:",
            "bogus", "منقول", "صحيحة جزئيًّا", "بلا إجابة", "تتعذّر قراءتها")),
])
def test_text_shows_every_question_with_its_feedback(result, lang, words):
    text = render(result, "text", lang)
    for word in words:
        assert word in text, word
    assert text.count("\n\n") >= len(result.questions)
    assert (LRI in text) == (lang == "ar")


def test_full_marks_do_not_repeat_the_answer_as_right_answer():
    result = grade_quiz(right_answers("c1w3", "bob"), "c1w3", "bob")
    text = render(result, "text", "en")
    assert "Right answer:" not in text and text.count("Why:") == len(result.questions)
    with pytest.raises(ValueError):
        render(result, "junit", "en")
