"""The Arabic catalogues cover every message id in the code, and nothing else.

Message ids are extracted with Babel from ``course/`` and ``grader/`` (keywords: gettext's,
``N_``, ``Message`` and ``Plural``) and compared with the union of
``course/locale/ar/LC_MESSAGES/*.po``. The instructor-only messages of ``solutions/`` (the quiz
keys' explanations, which state the answers) are compared with ``solutions/locale/``, and must not
be in the shipped catalogues.
"""

import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PO_DIR = ROOT / "course" / "locale" / "ar" / "LC_MESSAGES"
HIDDEN_PO_DIR = ROOT / "solutions" / "locale" / "ar" / "LC_MESSAGES"
KEYWORDS = {**DEFAULT_KEYWORDS, "Message": (1,), "Plural": (1, 2)}
ARABIC_FORMS = 6
# In Arabic the singular and dual forms name the count in words, so they may drop it.
COUNT_FIELDS = {"n", "count"}


def _extract(folders=("course", "grader")):
    found = {}
    for folder in folders:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            key = message if isinstance(message, str) else tuple(message)
            found.setdefault(key, f"{folder}/{filename}:{lineno}")
    return found


def _catalog(po_dir=PO_DIR):
    entries = {}
    for path in sorted(Path(po_dir).glob("*.po")):
        with open(path, "rb") as fh:
            catalog = read_po(fh, locale="ar")
        for message in catalog:
            if message.id:
                entries[message.id if isinstance(message.id, str) else tuple(message.id)] = (
                    path.name,
                    message,
                )
    return entries


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _singular(key):
    return key if isinstance(key, str) else key[0]


def missing_translations(extracted, catalog):
    by_singular = {_singular(k): v for k, v in catalog.items()}
    missing = []
    for key, where in extracted.items():
        entry = by_singular.get(_singular(key))
        if entry is None:
            missing.append(f"{where}: {key!r} (not in any .po)")
            continue
        message = entry[1]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(f"{where}: {key!r} (fuzzy or empty in {entry[0]})")
        elif isinstance(key, tuple) != isinstance(message.id, tuple):
            missing.append(f"{where}: {key!r} (plural mismatch in {entry[0]})")
    return missing


def obsolete_entries(extracted, catalog):
    used = {_singular(k) for k in extracted}
    return [f"{po}: {_singular(k)!r}" for k, (po, _) in catalog.items() if _singular(k) not in used]


def placeholder_problems(catalog):
    bad = []
    for _key, (po, message) in catalog.items():
        if isinstance(message.id, str):
            if message.string and _fields(message.string) != _fields(message.id):
                bad.append(f"{po}: {message.id!r}")
            continue
        allowed = _fields(message.id[1]) | _fields(message.id[0])
        for form in message.string:
            fields = _fields(form)
            if not fields <= allowed or (allowed - fields) - COUNT_FIELDS:
                bad.append(f"{po}: {message.id[0]!r} form {form!r}")
    return bad


def short_plurals(catalog):
    return [
        f"{po}: {message.id[0]!r}"
        for _, (po, message) in catalog.items()
        if isinstance(message.id, tuple)
        and (len(message.string) != ARABIC_FORMS or not all(message.string))
    ]


@pytest.fixture(scope="module")
def extracted():
    return _extract()


@pytest.fixture(scope="module")
def catalog():
    return _catalog()


def test_every_message_has_an_arabic_translation(extracted, catalog):
    missing = missing_translations(extracted, catalog)
    assert not missing, "untranslated message ids:\n" + "\n".join(missing)


def test_no_obsolete_entries(extracted, catalog):
    obsolete = obsolete_entries(extracted, catalog)
    assert not obsolete, "ids no longer in the code:\n" + "\n".join(obsolete)


def test_placeholders_match(catalog):
    bad = placeholder_problems(catalog)
    assert not bad, "placeholders differ between msgid and msgstr:\n" + "\n".join(bad)


def test_plural_entries_have_six_forms(catalog):
    short = short_plurals(catalog)
    assert not short, "Arabic plural entries need 6 forms:\n" + "\n".join(short)


def test_headers_declare_arabic_plural_forms():
    for path in sorted(PO_DIR.glob("*.po")):
        text = path.read_text(encoding="utf-8")
        assert re.search(r"Plural-Forms:\s*nplurals=6;", text), path.name


BROKEN_PO = """msgid ""
msgstr ""
"Language: ar\\n"
"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5);\\n"

#, fuzzy
msgid "Fuzzy {x}"
msgstr "غامض {x}"

msgid "Wrong {name}"
msgstr "خطأ {other}"

msgid "Old message"
msgstr "رسالة قديمة"

msgid "{n} check"
msgid_plural "{n} checks"
msgstr[0] "لا فحوص"
msgstr[1] "فحص واحد"
msgstr[2] "فحصان"
msgstr[3] ""
msgstr[4] "{n} فحصًا"
msgstr[5] "{n} فحص"
"""


def test_the_checks_catch_broken_catalogues(tmp_path):
    (tmp_path / "broken.po").write_text(BROKEN_PO, encoding="utf-8")
    catalog = _catalog(tmp_path)
    extracted = {
        "Fuzzy {x}": "a.py:1",
        "Wrong {name}": "a.py:2",
        "Missing": "a.py:3",
        ("{n} check", "{n} checks"): "a.py:4",
    }
    missing = missing_translations(extracted, catalog)
    assert any("Fuzzy" in m for m in missing) and any("Missing" in m for m in missing)
    assert any("{n} check" in m for m in missing)  # an empty plural form
    assert obsolete_entries(extracted, catalog) == ["broken.po: 'Old message'"]
    assert placeholder_problems(catalog) == ["broken.po: 'Wrong {name}'"]
    assert short_plurals(catalog) == ["broken.po: '{n} check'"]


def test_instructor_only_messages_have_arabic_in_the_hidden_catalogue():
    extracted = _extract(("solutions",))
    hidden = _catalog(HIDDEN_PO_DIR)
    assert extracted, "the quiz keys' explanations are extracted from solutions/"
    assert missing_translations(extracted, hidden) == []
    assert obsolete_entries(extracted, hidden) == []
    assert placeholder_problems(hidden) == []
    assert short_plurals(hidden) == []


def test_no_instructor_only_message_ships(catalog):
    assert not set(_extract(("solutions",))) & set(catalog)
    assert not set(_catalog(HIDDEN_PO_DIR)) & set(catalog)


def test_the_hidden_catalogue_is_read_where_solutions_are_installed():
    from course.i18n import catalogue_dirs, translations

    assert catalogue_dirs("ar")[-1] == HIDDEN_PO_DIR
    some_id = next(iter(_catalog(HIDDEN_PO_DIR)))
    assert translations("ar").gettext(some_id) != some_id
