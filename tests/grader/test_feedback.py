"""Messages render in both languages with isolated LTR fragments; student text is sanitised."""

import pytest

from course.i18n import LRI, PDI
from grader.feedback import (
    CallTimeout,
    Failure,
    Message,
    Mistake,
    NotAttempted,
    Plural,
    ProtocolViolation,
    ResourceLimit,
    StudentError,
    WorkerCrashed,
    as_message,
    sanitize,
)


def test_english_render_formats_params_without_isolates():
    text = Message("Score: {score} / {max} (public checks only).", score=3, max=9).render("en")
    assert text == "Score: 3 / 9 (public checks only)."
    assert LRI not in text


def test_arabic_render_translates_and_isolates_every_param():
    text = Message("Submission: {path}", path="/tmp/x (12288, 209)").render("ar")
    assert text.startswith("التسليم")
    assert f"{LRI}/tmp/x (12288, 209){PDI}" in text


def test_nested_messages_are_translated_not_isolated():
    inner = Message("public checks only")
    text = Message("Amiq grader: unit {unit}, {mode}, seed {seed}", unit="c1w4", mode=inner, seed=7)
    arabic = text.render("ar")
    assert "الفحوص العلنية فقط" in arabic
    assert f"{LRI}الفحوص" not in arabic
    assert "public checks only" in text.render("en")


def test_untranslated_message_falls_back_to_english():
    assert Message("No such msgid {x}", x=1).render("ar") == f"No such msgid {LRI}1{PDI}"


def test_broken_translation_placeholder_falls_back(monkeypatch):
    class Broken:
        def gettext(self, msgid):
            return "{missing}"

    monkeypatch.setattr("grader.feedback.translations", lambda lang: Broken())
    assert Message("Hello {name}", name="x").render("en") == "Hello x"


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "تمرين واحد لم يُحَلّ بعد."),
        (2, "تمرينان لم يُحَلّا بعد."),
        (3, "تمارين لم تُحَلّ بعد."),
        (11, "تمرينًا لم يُحَلّ بعد."),
        (100, "تمرين لم يُحَلّ بعد."),
    ],
)
def test_arabic_plural_uses_the_right_form(n, expected):
    message = Plural(
        "{n} exercise is not attempted yet.", "{n} exercises are not attempted yet.", n
    )
    assert message.render("ar").endswith(expected)


def test_english_plural():
    message = Plural(
        "{n} exercise is not attempted yet.", "{n} exercises are not attempted yet.", 1
    )
    assert message.render("en") == "1 exercise is not attempted yet."
    other = Plural("{n} exercise is not attempted yet.", "{n} exercises are not attempted yet.", 4)
    assert other.render("en") == "4 exercises are not attempted yet."


def test_sanitize_removes_terminal_and_bidi_controls():
    text = sanitize("ok\x1b[2J\x1b]0;title\x07 \u202eevil\u2066x\u2069\nline\tend")
    assert "\x1b" not in text and "\u202e" not in text and "\u2066" not in text
    assert "\n" in text and "\t" in text
    assert sanitize("x" * 50, limit=10) == "x" * 10 + " …"


def test_failure_carries_message_details_and_mistake():
    mistake = Mistake(
        "linear_forward.transposed", Message("W was transposed."), Message("Use W, not W.T.")
    )
    exc = Failure(Message("Z is wrong."), details=["detail as msgid"], mistake=mistake)
    assert exc.message.render("en") == "Z is wrong."
    assert exc.details[0].render("en") == "detail as msgid"
    assert exc.mistake.to_json("en")["fix"]["text"] == "Use W, not W.T."
    assert str(exc) == "Z is wrong."


def test_as_message_rejects_other_types():
    assert as_message("x").msgid == "x"
    with pytest.raises(TypeError):
        as_message(3)


def test_student_problems_have_statuses_and_safe_messages():
    assert NotAttempted("f").status == "not_attempted"
    error = StudentError("ValueError\x1b[31m", "bad\u202e", "Traceback ...")
    assert error.status == "error"
    assert "\x1b" not in error.message().render("en") and "\u202e" not in error.error_message
    assert error.details()[0].render("en").startswith("Where it happened")
    assert CallTimeout(1.5).status == "timeout"
    assert "1.5" in CallTimeout(1.5).message().render("en")
    assert (
        ResourceLimit("memory").message().render("en") == "Your code used more memory than allowed."
    )
    assert WorkerCrashed("signal SIGSEGV").status == "crashed"
    assert "garbage" in ProtocolViolation("garbage").message().render("en")


def test_message_equality_and_json():
    a = Message("Z has shape {shape}.", shape=(3, 2))
    assert a == Message("Z has shape {shape}.", shape=(3, 2))
    assert a != Message("Z has shape {shape}.", shape=(2, 3))
    data = a.to_json("en")
    assert data == {
        "msgid": "Z has shape {shape}.",
        "params": {"shape": "(3, 2)"},
        "text": "Z has shape (3, 2).",
    }
