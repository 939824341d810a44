"""The MkDocs hooks: glossary table, message catalogue, <html dir>, marker replacement, language."""

import re
import textwrap
from types import SimpleNamespace

import pytest

from .conftest import REPO_ROOT, load_hook

glossary = load_hook("glossary")
messages = load_hook("messages")
rtl = load_hook("rtl")
shared = load_hook("_shared")


def config_for(lang):
    """A stand-in for the MkDocs config as the i18n plugin leaves it during one language build."""
    return {
        "plugins": {"i18n": SimpleNamespace(current_language=lang)},
        "theme": {"language": "ar"},
    }


# --- build language -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_build_language_follows_the_i18n_plugin(lang):
    assert shared.build_language(config_for(lang)) == lang


def test_build_language_falls_back_to_the_theme_then_arabic():
    assert shared.build_language({"plugins": {}, "theme": {"language": "en"}}) == "en"
    assert shared.build_language({"plugins": {}, "theme": {"language": "fr"}}) == "ar"
    assert shared.build_language({}) == "ar"


# --- marker replacement ---------------------------------------------------------------------


def test_replace_marker_replaces_marker_lines_only_and_renders_once():
    calls = []

    def render():
        calls.append(1)
        return "<table></table>"

    text = "intro `<!-- amiq:x -->` inline\n\n<!-- amiq:x -->\n\n  <!-- amiq:x -->  \nend"
    out = shared.replace_marker(text, "<!-- amiq:x -->", render)
    assert out.count("<table></table>") == 2
    assert "`<!-- amiq:x -->` inline" in out  # a marker quoted in prose stays
    assert len(calls) == 1
    assert "\n\n<table></table>\n\n" in out  # blank lines around: a raw HTML block


def test_replace_marker_leaves_fenced_code_alone():
    text = "```markdown\n<!-- amiq:x -->\n```\n\n<!-- amiq:x -->\n"
    out = shared.replace_marker(text, "<!-- amiq:x -->", lambda: "<p>T</p>")
    assert out.count("<p>T</p>") == 1
    assert out.startswith("```markdown\n<!-- amiq:x -->\n```")


def test_replace_marker_without_marker_does_not_render():
    out = shared.replace_marker("no marker", "<!-- amiq:x -->", lambda: pytest.fail("rendered"))
    assert out == "no marker"


# --- glossary -------------------------------------------------------------------------------


def test_real_glossary_reads_every_row():
    rows = glossary.read_glossary()
    with open(REPO_ROOT / "course" / "glossary.csv", encoding="utf-8") as fh:
        expected = sum(1 for line in fh if line.strip()) - 1
    assert len(rows) == expected
    assert {"en": "learning rate", "ar": "معدّل التعلّم", "note": "alpha"} in rows


def test_glossary_rejects_a_csv_without_the_expected_columns(tmp_path):
    bad = tmp_path / "g.csv"
    bad.write_text("english,arabic\nlayer,الطبقة\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        glossary.read_glossary(bad)
    message = str(info.value)
    assert "expected the columns en, ar, note" in message and "الأعمدة المتوقَّعة" in message


def test_glossary_rejects_an_empty_term(tmp_path):
    bad = tmp_path / "g.csv"
    bad.write_text("en,ar,note\nlayer,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"g\.csv:2"):
        glossary.read_glossary(bad)


def test_arabic_sort_key_ignores_the_article_and_diacritics():
    assert glossary.arabic_sort_key("التدرّج") == "تدرج"
    assert glossary.arabic_sort_key("الشبكة العصبية") == "شبكة عصبية"
    assert glossary.arabic_sort_key("دالة التنشيط") == "دالة تنشيط"
    # A three-letter word starting with "ال" is not an article plus a word.
    assert glossary.arabic_sort_key("الة") == "الة"


ROWS = [
    {"en": "weight", "ar": "الوزن", "note": ""},
    {"en": "bias", "ar": "الانحياز", "note": "vector b of shape (n, 1) <b>"},
    {"en": "cost function", "ar": "دالة التكلفة", "note": ""},
]


def test_arabic_glossary_table_is_arabic_first_in_arabic_order():
    html = glossary.render_table(ROWS, "ar")
    assert re.findall(r"<th>([^<]*)</th>", html) == ["المصطلح العربي", "المصطلح الإنجليزي"]
    arabic = re.findall(r'<td lang="ar">([^<]*)</td>', html)
    assert arabic == ["الانحياز", "دالة التكلفة", "الوزن"]  # ا < د < و once "ال" is ignored
    assert '<td lang="en" dir="ltr">cost function</td>' in html
    assert "vector b" not in html  # English notes are not mixed into the Arabic table


def test_english_glossary_table_is_english_first_with_escaped_notes():
    html = glossary.render_table(ROWS, "en")
    assert re.findall(r"<th>([^<]*)</th>", html) == ["English", "Arabic", "Note"]
    assert re.findall(r'<td lang="en">([^<]*)</td>', html) == ["bias", "cost function", "weight"]
    assert "(n, 1) &lt;b&gt;" in html and "<b>" not in html
    assert '<td lang="ar" dir="rtl">الوزن</td>' in html


def test_glossary_rows_have_unique_anchors():
    rows = glossary.read_glossary()
    ids = re.findall(r'<tr id="([^"]+)"', glossary.render_table(rows, "en"))
    assert len(ids) == len(rows) == len(set(ids))
    assert glossary.term_id("ReLU") == "term-relu"
    assert glossary.term_id("cross-entropy") == "term-cross-entropy"


@pytest.mark.parametrize("lang, header", [("ar", "المصطلح العربي"), ("en", "English")])
def test_glossary_hook_replaces_the_marker_per_build_language(lang, header):
    page = "# G\n\n<!-- amiq:glossary -->\n"
    out = glossary.on_page_markdown(page, page=None, config=config_for(lang), files=None)
    assert "<!-- amiq:glossary -->" not in out
    assert f"<th>{header}</th>" in out
    assert "معدّل التعلّم" in out


# --- message catalogue ------------------------------------------------------------------------

PO = textwrap.dedent("""\
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=UTF-8\\n"
    "Language: ar\\n"
    "Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5);\\n"

    msgid "Expected shape {shape}, got {got}."
    msgstr "الشكل المتوقَّع {shape}، والناتج {got}."

    msgid "{n} check failed."
    msgid_plural "{n} checks failed."
    msgstr[0] "لم يفشل أي فحص."
    msgstr[1] "فشل فحص واحد."
    msgstr[2] "فشل فحصان."
    msgstr[3] "فشلت {n} فحوص."
    msgstr[4] "فشل {n} فحصًا."
    msgstr[5] "فشل {n} فحص."

    msgid "Not translated <yet>"
    msgstr ""

    #, fuzzy
    msgid "A fuzzy one"
    msgstr "ترجمة غير مؤكدة"
    """)


@pytest.fixture()
def locale_dir(tmp_path):
    (tmp_path / "core.po").write_text(PO, encoding="utf-8")
    (tmp_path / "grader.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Line one\\nline two"\nmsgstr "السطر الأول\\nالسطر الثاني"\n',
        encoding="utf-8",
    )
    return tmp_path


def test_read_messages_merges_every_area_in_file_order(locale_dir):
    found = messages.read_messages(locale_dir)
    assert [m["area"] for m in found] == ["core"] * 4 + ["grader"]
    assert found[0]["string"] == "الشكل المتوقَّع {shape}، والناتج {got}."
    assert found[1]["id"] == ("{n} check failed.", "{n} checks failed.")
    assert len(found[1]["string"]) == 6
    assert found[2]["string"] is None  # untranslated
    assert found[3]["string"] is None  # fuzzy translations are not shown as done


@pytest.mark.parametrize(
    "lang, headers, missing, plural_label",
    [
        ("ar", ["المجال", "النص الإنجليزي (msgid)", "الترجمة العربية"], "(لم يُترجَم بعد)", "مثنى"),
        ("en", ["Area", "English (msgid)", "Arabic"], "(not translated yet)", "two"),
    ],
)
def test_messages_table(locale_dir, lang, headers, missing, plural_label):
    html = messages.render_table(messages.read_messages(locale_dir), lang)
    assert re.findall(r"<th>([^<]*)</th>", html) == headers
    assert html.count("<tr><td><code>") == 5
    assert "Expected shape <code>{shape}</code>, got <code>{got}</code>." in html
    assert "الشكل المتوقَّع <code>{shape}</code>" in html
    assert "Not translated &lt;yet&gt;" in html and missing in html
    assert f"{plural_label}:</span> فشل فحصان." in html
    assert "<code>{n}</code> check failed.<br><code>{n}</code> checks failed." in html
    assert "السطر الأول<br>السطر الثاني" in html


def test_latin_runs_in_arabic_messages_are_isolated():
    text = "شغّل الأمر (pip install -e .) على الملف train.h5 و {file}."
    html = messages._text(text, arabic=True)
    assert "(<bdi>pip install -e .</bdi>)" in html
    assert "<bdi>train.h5</bdi> و <code>{file}</code>." in html
    # English text is only escaped: no isolation needed in a left-to-right cell.
    assert "<bdi>" not in messages._text("Run pip install -e . now")


def test_messages_table_without_catalogue(tmp_path):
    assert "لا توجد رسائل" in messages.render_table(messages.read_messages(tmp_path), "ar")
    assert "no messages yet" in messages.render_table([], "en")


def test_messages_hook_reads_the_project_catalogue():
    page = "<!-- amiq:messages -->\n"
    out = messages.on_page_markdown(page, page=None, config=config_for("en"), files=None)
    assert "<!-- amiq:messages -->" not in out
    po_files = sorted(messages.LOCALE_DIR.glob("*.po"))
    if po_files:
        assert out.count("<tr><td><code>") == len(messages.read_messages())
        for path in po_files:
            assert f"<code>{path.stem}</code>" in out
    else:
        assert "no messages yet" in out


# --- <html dir> -------------------------------------------------------------------------------


def test_html_dir_is_added_once():
    page = '<!doctype html>\n<html lang="ar" class="no-js">\n<body dir="rtl"><p>&lt;html&gt;</p></body></html>'
    out = rtl.add_html_dir(page, "rtl")
    assert '<html lang="ar" class="no-js" dir="rtl">' in out
    assert rtl.add_html_dir(out, "rtl") == out
    assert out.count('dir="rtl"') == 2


@pytest.mark.parametrize("lang, direction", [("ar", "rtl"), ("en", "ltr")])
def test_rtl_hook_uses_the_build_language(lang, direction):
    out = rtl.on_post_page(
        f'<html lang="{lang}"><body></body></html>', page=None, config=config_for(lang)
    )
    assert out.startswith(f'<html lang="{lang}" dir="{direction}">')
