"""Localised errors render in whichever language is in use; ``in_language`` restores it."""

from course import i18n
from course.i18n import LocalizedError, _, in_language


def test_localized_error_renders_in_the_language_in_use(lang):
    lang("en")
    error = LocalizedError(lambda: _("Interrupted."))
    assert str(error) == "Interrupted."
    with in_language("ar"):
        arabic = error.render()
    assert arabic != "Interrupted." and arabic.strip()
    assert i18n.current_language() == "en" and error.render() == "Interrupted."


def test_plain_text_error_has_no_renderer():
    error = LocalizedError("as is")
    assert str(error) == "as is" and error.render is None
