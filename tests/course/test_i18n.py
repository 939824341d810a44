"""Bilingual errors: a message rendered in the current language, then the other one."""

from course import i18n
from course.i18n import LocalizedError, _, both_languages, in_language


def test_localized_error_renders_both_languages_and_restores_the_language(lang):
    lang("en")
    error = LocalizedError(lambda: _("Interrupted."))
    assert str(error) == "Interrupted."
    english, arabic = error.bilingual()
    assert english == "Interrupted." and arabic != english and arabic.strip()
    assert i18n.current_language() == "en"
    with in_language("ar"):
        assert both_languages(lambda: _("Interrupted."))[::-1] == [english, arabic]
    assert i18n.current_language() == "en"


def test_plain_text_error_is_shown_once():
    assert LocalizedError("as is").bilingual() == ["as is"]
