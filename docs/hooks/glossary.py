"""MkDocs hook: ``<!-- amiq:glossary -->`` becomes the Arabic ↔ English glossary table.

The terms come from ``course/glossary.csv`` (columns ``en, ar, note``), the one list that docs,
notebooks and grader messages share. The Arabic page shows Arabic then English, sorted in Arabic
order; the English page shows English, Arabic and the note, sorted in English order. Every row
has the id ``term-<english-slug>``, so any page can link ``glossary.md#term-learning-rate``.
"""

import csv
import html
import re
import unicodedata

from _shared import REPO_ROOT, build_language, replace_marker

MARKER = "<!-- amiq:glossary -->"
GLOSSARY_CSV = REPO_ROOT / "course" / "glossary.csv"

HEADERS = {
    "ar": ("المصطلح العربي", "المصطلح الإنجليزي"),
    "en": ("English", "Arabic", "Note"),
}


def read_glossary(path=GLOSSARY_CSV):
    """Read the glossary CSV.

    Parameters
    ----------
    path : path-like
        A UTF-8 CSV with the header ``en,ar,note``.

    Returns
    -------
    list of dict
        One ``{"en", "ar", "note"}`` dict per term, in file order.

    Raises
    ------
    ValueError
        Bilingual message when a column is missing or a row has an empty term.
    """
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"en", "ar", "note"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(
                f"{path}: expected the columns en, ar, note; missing {sorted(missing)} / "
                f"الأعمدة المتوقَّعة en وar وnote؛ الناقص: {sorted(missing)}"
            )
        rows = []
        for number, row in enumerate(reader, start=2):
            en, ar = (row["en"] or "").strip(), (row["ar"] or "").strip()
            if not en or not ar:
                raise ValueError(
                    f"{path}:{number}: every row needs an English and an Arabic term / "
                    f"يحتاج كل سطر إلى مصطلح إنجليزي ومصطلح عربي"
                )
            rows.append({"en": en, "ar": ar, "note": (row["note"] or "").strip()})
    return rows


def term_id(english):
    """The row anchor of a term: ``"learning rate"`` -> ``"term-learning-rate"``."""
    return "term-" + re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-")


# NFD turns آ/أ/إ into a bare alef plus a combining mark (dropped below); alef wasla does not
# decompose, so map it by hand.
_ALEF_FORMS = str.maketrans({"\u0671": "\u0627"})


def arabic_sort_key(term):
    """Dictionary order for Arabic terms: ignore diacritics and the leading article ``ال``."""
    bare = "".join(c for c in unicodedata.normalize("NFD", term) if not unicodedata.combining(c))
    bare = bare.translate(_ALEF_FORMS)
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in bare.split()]
    return " ".join(words)


def render_table(rows, lang):
    """Render the glossary as an HTML table for one page language.

    Parameters
    ----------
    rows : list of dict
        As returned by :func:`read_glossary`.
    lang : {"ar", "en"}
        The page language.

    Returns
    -------
    str
        A ``<table class="amiq-table amiq-glossary">`` block.
    """
    e = html.escape
    if lang == "ar":
        ordered = sorted(rows, key=lambda r: arabic_sort_key(r["ar"]))
        head = "".join(f"<th>{e(h)}</th>" for h in HEADERS["ar"])
        body = [
            f'<tr id="{term_id(r["en"])}"><td lang="ar">{e(r["ar"])}</td>'
            f'<td lang="en" dir="ltr">{e(r["en"])}</td></tr>'
            for r in ordered
        ]
    else:
        ordered = sorted(rows, key=lambda r: r["en"].casefold())
        head = "".join(f"<th>{e(h)}</th>" for h in HEADERS["en"])
        body = [
            f'<tr id="{term_id(r["en"])}"><td lang="en">{e(r["en"])}</td>'
            f'<td lang="ar" dir="rtl">{e(r["ar"])}</td><td>{e(r["note"])}</td></tr>'
            for r in ordered
        ]
    return (
        '<table class="amiq-table amiq-glossary">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"
    )


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Replace the glossary marker with the table in the language being built."""
    return replace_marker(
        markdown, MARKER, lambda: render_table(read_glossary(), build_language(config))
    )
