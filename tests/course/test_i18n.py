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


def test_the_instructor_only_catalogue_is_read_only_where_solutions_are_installed(monkeypatch):
    import sys

    from course.i18n import LOCALE_DIR, catalogue_dirs, hidden_locale_dir

    assert hidden_locale_dir() is not None and len(catalogue_dirs("ar")) == 2
    monkeypatch.setitem(sys.modules, "solutions", None)  # as in a student bundle
    assert hidden_locale_dir() is None
    assert catalogue_dirs("ar") == [LOCALE_DIR / "ar" / "LC_MESSAGES"]
