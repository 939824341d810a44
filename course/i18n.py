"""Bilingual messages (Arabic and English) through gettext catalogs.

الرسائل ثنائية اللغة (العربية والإنجليزية) عبر فهارس gettext.

Message ids are the English text; the ``.po`` files in ``course/locale/ar/LC_MESSAGES/`` hold the
Arabic (one file per area). They are compiled in memory with Babel when first needed, so an editable checkout never runs
with a stale ``.mo``. Placeholders use ``str.format`` names (``{shape}``), because Arabic dual and
singular forms often drop the number.

Use::

    from course.i18n import _, ngettext, isolate
    print(_("Expected shape {shape}.").format(shape=isolate("(3, 2)")))
"""

import gettext
import io
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "amiq"
LOCALE_DIR = Path(__file__).with_name("locale")
LANGUAGES = ("ar", "en")
DEFAULT_LANGUAGE = "ar"

# Unicode bidi isolates: LRI ... PDI keeps an LTR run (a shape, a number, an identifier) in one
# piece inside an RTL sentence, so "(12288, 209)" never flips to "(209 ,12288)".
LRI = "\u2066"
PDI = "\u2069"

_current = None


def resolve_language(lang=None):
    """Pick the message language.

    Parameters
    ----------
    lang : {"ar", "en"} or None
        An explicit choice wins. Otherwise ``AMIQ_LANG``, then the locale variables
        (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, ``LANGUAGE``); default Arabic.

    Returns
    -------
    str
        ``"ar"`` or ``"en"``.

    Raises
    ------
    ValueError
        A bilingual message when ``lang`` is not a supported language.
    """
    if lang is not None:
        code = str(lang).strip().lower()
        if code not in LANGUAGES:
            raise ValueError(
                f"unsupported language {lang!r}: expected 'ar' or 'en' / "
                f"لغة غير مدعومة {lang!r}: المتوقَّع 'ar' أو 'en'"
            )
        return code
    for var in ("AMIQ_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        code = value.split(":")[0].split("_")[0].split(".")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def hidden_locale_dir():
    """``solutions/locale``: catalogues of instructor-only messages, or None where not installed.

    Some messages must not ship to students (the quiz key's explanations state the answers), so
    their Arabic lives beside the reference solutions and is read only where those are installed.
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec("solutions")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0]) / "locale"
    return folder if folder.is_dir() else None


def catalogue_dirs(lang):
    """The ``LC_MESSAGES`` folders read for ``lang``: the public one, then the hidden one if any."""
    folders = [LOCALE_DIR / lang / "LC_MESSAGES"]
    hidden = hidden_locale_dir()
    if hidden is not None and (hidden / lang / "LC_MESSAGES").is_dir():
        folders.append(hidden / lang / "LC_MESSAGES")
    return folders


@lru_cache(maxsize=None)
def translations(lang):
    """Return a ``gettext`` translations object for ``lang`` ("ar" or "en").

    Every ``*.po`` file in ``course/locale/<lang>/LC_MESSAGES/`` is read and merged (one file per
    area: ``core.po``, ``grader.po``, ...), so areas can be translated independently; so are the
    instructor-only catalogues of ``solutions/locale/`` where the reference is installed
    (:func:`catalogue_dirs`).
    """
    if lang == "en":
        return gettext.NullTranslations()
    po_paths = [path for folder in catalogue_dirs(lang) for path in sorted(folder.glob("*.po"))]
    if not po_paths:
        return gettext.NullTranslations()
    # Compile the .po files in memory: Babel is a core dependency and this keeps .mo files out
    # of git, so an edited catalogue is never shadowed by a stale compiled one.
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = Catalog(locale=lang, domain=DOMAIN)
    for path in po_paths:
        with open(path, "rb") as fh:
            part = read_po(fh, locale=lang, domain=DOMAIN)
        for message in part:
            if message.id and message.string and not message.fuzzy:
                merged[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, merged, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def set_language(lang=None):
    """Set the process-wide message language and return it (``"ar"`` or ``"en"``)."""
    global _current
    _current = resolve_language(lang)
    return _current


def current_language():
    """The language in use (resolved from the environment on first use)."""
    global _current
    if _current is None:
        _current = resolve_language(None)
    return _current


def _(message):
    """Translate ``message`` (an English message id) into the current language."""
    return translations(current_language()).gettext(message)


def ngettext(singular, plural, n):
    """Translate a message with a count; Arabic uses its six CLDR plural forms."""
    return translations(current_language()).ngettext(singular, plural, n)


def N_(message):
    """Mark ``message`` for extraction without translating it now (translate later with ``_``)."""
    return message


def isolate(text):
    """Wrap a left-to-right fragment (shape, number, identifier, formula) in bidi isolates.

    Only done for Arabic output; English output is returned unchanged.
    """
    text = str(text)
    if current_language() == "ar":
        return f"{LRI}{text}{PDI}"
    return text


def text_direction(lang=None):
    """``"rtl"`` for Arabic, ``"ltr"`` for English (for HTML the tools emit)."""
    return "rtl" if resolve_language(lang or current_language()) == "ar" else "ltr"


def other_language(lang=None):
    """The supported language that is not ``lang`` (default: not the current one)."""
    lang = lang or current_language()
    return "en" if lang == "ar" else "ar"


class in_language:
    """Context manager: render messages in ``lang`` for a while, then restore the language."""

    def __init__(self, lang):
        self.lang = resolve_language(lang)

    def __enter__(self):
        global _current
        self._previous, _current = _current, self.lang
        return self.lang

    def __exit__(self, *exc_info):
        global _current
        _current = self._previous
        return False


class LocalizedError(Exception):
    """An error whose message can be rendered in either language.

    Give the message as a function of no argument that builds it with :func:`_`; ``str(error)``
    is the current language and ``render`` builds it again in whichever language is in use, so
    the command line's printer (:mod:`course.cli.output`) shows it in both (the project's rule:
    bad input gets a bilingual error). A plain string is accepted too (then shown as is).
    """

    def __init__(self, message, *args):
        self.render = message if callable(message) else None
        super().__init__(message() if callable(message) else message, *args)
