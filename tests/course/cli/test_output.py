"""The one printer: the chosen language, and for errors the other language after it."""

import io

import pytest

from course import i18n
from course.cli.output import say_error, texts
from course.i18n import LocalizedError, _
from grader.feedback import Message, N_


def _printed(function, *args, **kwargs):
    buffer = io.StringIO()
    function(*args, file=buffer, **kwargs)
    return buffer.getvalue().splitlines()


@pytest.mark.parametrize("message", [
    lambda: _("Interrupted."),
    LocalizedError(lambda: _("Interrupted.")),
    Message(N_("Interrupted.")),
])
@pytest.mark.parametrize("lang, first, second", [("en", "Interrupted.", "أُوقِف التنفيذ."),
                                                 ("ar", "أُوقِف التنفيذ.", "Interrupted.")])
def test_every_kind_of_message_is_printed_in_both_languages(lang, message, first, second,
                                                            monkeypatch):
    monkeypatch.setattr(i18n, "_current", lang)
    assert _printed(say_error, message, prefix=False) == [first, second]
    assert texts(message) == [first]
    assert i18n.current_language() == lang  # restored after the other language


def test_errors_get_the_translated_prefix(lang):
    lang("ar")
    lines = _printed(say_error, LocalizedError(lambda: _("Interrupted.")))
    assert lines == ["خطأ: أُوقِف التنفيذ.", "error: Interrupted."]


def test_several_grader_messages_print_one_line_each_per_language(lang):
    from grader.runner.engine import GradingError

    lang("en")
    error = GradingError(Message(N_("{path} is not a folder."), path="x"),
                         Message(N_("Expected a folder holding {files}."), files="a.py"))
    lines = _printed(say_error, error)
    assert lines[:2] == ["error: x is not a folder.", "Expected a folder holding a.py."]
    assert len(lines) == 4 and lines[2].startswith("خطأ: ") and "a.py" in lines[3]


def test_plain_text_is_printed_once(lang):
    lang("en")
    assert _printed(say_error, "as is") == ["error: as is"]
    assert _printed(say_error, LocalizedError("as is"), prefix=False) == ["as is"]
    assert texts("as is", both=True) == ["as is"]
