"""The checks' messages are all in Arabic, in grader_checks.po, with the glossary's terms."""

import csv
import re
import string
from pathlib import Path

import numpy as np
import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from grader.compare import check_array
from grader.feedback import Failure

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "course" / "locale" / "ar" / "LC_MESSAGES" / "grader_checks.po"
KEYWORDS = {**DEFAULT_KEYWORDS, "Message": (1,), "Plural": (1, 2)}
# The modules whose messages grader_checks.po translates: the generic checking code of grader/
# and every unit's grading declarations (course/<unit>/grading/).
MINE = ("grader/compare.py", "grader/gradcheck.py", "grader/declare.py", "grader/structures.py",
        "grader/judging/", "grader/cases.py", "grader/sources.py", "grader/mutate.py",
        "grader/plan.py", "grader/build/")


def _extracted():
    found = {}
    for folder in ("grader", "course"):
        for filename, _line, message, _c, _ctx in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            path = f"{folder}/{filename}"
            if path.startswith(MINE) or "/grading/" in path:
                found[message if isinstance(message, str) else tuple(message)] = path
    return found


def test_the_extraction_sees_the_checks_and_the_units_grading_messages():
    sources = set(_extracted().values())
    assert {"grader/compare.py", "grader/structures.py", "grader/judging/common.py",
            "course/c1w4/grading/mistakes.py", "course/c1w4/grading/checks.py"} <= sources


@pytest.fixture(scope="module")
def catalog():
    with open(PO, "rb") as fh:
        return {m.id if isinstance(m.id, str) else tuple(m.id): m
                for m in read_po(fh, locale="ar") if m.id}


def test_po_header_declares_the_six_arabic_plural_forms():
    text = PO.read_text(encoding="utf-8")
    assert re.search(r"Plural-Forms: nplurals=6; plural=\(n ?== ?0 \? 0 : n ?== ?1 \? 1", text)
    assert "Language: ar" in text


def test_every_checks_message_is_translated_and_nothing_is_obsolete(catalog):
    extracted = _extracted()
    missing = [k for k in extracted if k not in catalog]
    assert not missing, f"untranslated: {missing}"
    empty = [k for k, m in catalog.items()
             if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,))]
    assert not empty, f"empty or fuzzy: {empty}"
    obsolete = [k for k in catalog if k not in extracted]
    assert not obsolete, f"no longer used: {obsolete}"


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_placeholders_survive_translation(catalog):
    for key, message in catalog.items():
        if isinstance(key, str):
            assert _fields(message.string) == _fields(key), key
        else:
            assert len(message.string) == 6, key
            allowed = _fields(key[0]) | _fields(key[1])
            for form in message.string:
                # Singular and dual forms may name the count in words.
                assert _fields(form) <= allowed and allowed - _fields(form) <= {"n"}, key


def test_glossary_terms_are_used():
    with open(ROOT / "course" / "glossary.csv", encoding="utf-8") as fh:
        glossary = {row["en"]: row["ar"] for row in csv.DictReader(fh)}
    with open(PO, "rb") as fh:
        entries = [m for m in read_po(fh, locale="ar") if m.id and isinstance(m.id, str)]
    checked = 0
    for term in ("gradient check", "numerical gradient", "tolerance", "relative error",
                 "absolute error", "output layer", "gradient ascent"):
        stems = [w[2:] if w.startswith("ال") else w for w in glossary[term].split()]
        for message in entries:
            if re.search(rf"\b{term}", message.id, flags=re.I):
                checked += 1
                assert all(s in message.string for s in stems), (term, message.string)
    assert checked >= 7


def test_arabic_feedback_isolates_ltr_fragments():
    try:
        check_array(np.ones((3, 1)), np.ones(3), "db")
    except Failure as failure:
        text = failure.message.render("ar")
    assert "\u2066(3, 1)\u2069" in text and "\u2066db\u2069" in text
    assert "الشكل" in text or "شكل" in text
