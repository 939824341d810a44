"""MkDocs hook: ``<!-- amiq:messages -->`` becomes the catalogue of grader and CLI messages.

Every ``course/locale/ar/LC_MESSAGES/*.po`` file (one per area: ``core``, ``grader``,
``grader_checks``, ...) is read with Babel; the table lists each message id (the English text)
next to its Arabic translation, with the area it comes from. Plural messages show the English
singular and plural and all six Arabic forms. ``{placeholders}`` are shown as code.
"""

import html
import re
from pathlib import Path

from _shared import REPO_ROOT, build_language, replace_marker

MARKER = "<!-- amiq:messages -->"
LOCALE_DIR = REPO_ROOT / "course" / "locale" / "ar" / "LC_MESSAGES"

HEADERS = {
    "ar": ("المجال", "النص الإنجليزي (msgid)", "الترجمة العربية"),
    "en": ("Area", "English (msgid)", "Arabic"),
}
# CLDR names of the six Arabic plural forms, in the order of the catalogue's Plural-Forms rule.
PLURAL_FORMS = {
    "ar": ("صفر", "مفرد", "مثنى", "قلة (3–10)", "كثرة (11–99)", "غير ذلك"),
    "en": ("zero", "one", "two", "few (3–10)", "many (11–99)", "other"),
}
NOT_TRANSLATED = {"ar": "(لم يُترجَم بعد)", "en": "(not translated yet)"}
EMPTY = {
    "ar": "لا توجد رسائل في الفهرس بعد.",
    "en": "The catalogue has no messages yet.",
}
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}")
# A run of Latin "words" separated by single spaces, starting with a letter (or dashes and a
# letter): "pip install -e .", "train_catvnoncat.h5", "--lang en", "course/".
_LATIN_RUN = re.compile(
    r"-*[A-Za-z][-A-Za-z0-9_./:=~@+*]*(?: +-*[A-Za-z0-9_.][-A-Za-z0-9_./:=~@+*]*)*"
)


def read_messages(locale_dir=LOCALE_DIR):
    """Read every ``*.po`` file of the Arabic catalogue.

    Parameters
    ----------
    locale_dir : path-like
        The ``LC_MESSAGES`` folder.

    Returns
    -------
    list of dict
        One ``{"area", "id", "string", "context"}`` per message, files in name order and messages
        in file order; ``id`` and ``string`` are tuples for plural messages (``string`` has the six
        Arabic forms). The header entry and obsolete messages are left out.
    """
    from babel.messages.pofile import read_po

    messages = []
    for path in sorted(Path(locale_dir).glob("*.po")):
        with open(path, "rb") as fh:
            catalog = read_po(fh, locale="ar")
        for message in catalog:
            if not message.id:
                continue
            string = message.string
            translated = any(string) if isinstance(string, tuple) else bool(string)
            messages.append(
                {
                    "area": path.stem,
                    "id": message.id,
                    "string": string if translated and not message.fuzzy else None,
                    "context": message.context,
                }
            )
    return messages


def _isolate_latin(text):
    """Escape ``text``, wrapping each Latin run (``pip install -e .``) in ``<bdi>``.

    Inside an Arabic sentence a Latin command with punctuation is otherwise reordered by the bidi
    algorithm (``pip install -e .`` shows as ``. pip install -e``).
    """
    out, last = [], 0
    for match in _LATIN_RUN.finditer(text):
        run, end = match.group(0), match.end()
        if len(run) > 1 and run[-1] in ".," and run[-2] != " ":
            run, end = run[:-1], end - 1  # sentence punctuation belongs to the Arabic sentence
        out.append(html.escape(text[last : match.start()]))
        out.append(f"<bdi>{html.escape(run)}</bdi>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def _text(value, arabic=False):
    """HTML for a message: escaped, placeholders as code, line breaks kept.

    With ``arabic=True`` Latin runs are isolated too (see :func:`_isolate_latin`).
    """
    escape = _isolate_latin if arabic else html.escape
    out, last = [], 0
    for match in _PLACEHOLDER.finditer(value):
        out.append(escape(value[last : match.start()]))
        out.append(f"<code>{html.escape(match.group(0))}</code>")
        last = match.end()
    out.append(escape(value[last:]))
    return "".join(out).replace("\n", "<br>")


def _english_cell(message):
    msgid = message["id"]
    if isinstance(msgid, tuple):
        return "<br>".join(_text(part) for part in msgid)
    return _text(msgid)


def _arabic_cell(message, lang):
    string = message["string"]
    if string is None:
        return html.escape(NOT_TRANSLATED[lang])
    if isinstance(string, tuple):
        labels = PLURAL_FORMS[lang]
        parts = []
        for i, form in enumerate(string):
            label = html.escape(labels[i] if i < len(labels) else str(i))
            parts.append(
                f'<span class="amiq-plural"><span class="amiq-plural-form">{label}:</span> '
                f"{_text(form, arabic=True)}</span>"
            )
        return "".join(parts)
    return _text(string, arabic=True)


def render_table(messages, lang):
    """Render the message catalogue as an HTML table for one page language.

    Parameters
    ----------
    messages : list of dict
        As returned by :func:`read_messages`.
    lang : {"ar", "en"}
        The page language (headers and labels; the messages themselves are always shown in both
        languages).

    Returns
    -------
    str
        A ``<table class="amiq-table amiq-messages">`` block, or a paragraph when empty.
    """
    if not messages:
        return f'<p class="amiq-messages-empty">{html.escape(EMPTY[lang])}</p>'
    head = "".join(f"<th>{html.escape(h)}</th>" for h in HEADERS[lang])
    rows = [
        f"<tr><td><code>{html.escape(m['area'])}</code></td>"
        f'<td lang="en" dir="ltr">{_english_cell(m)}</td>'
        f'<td lang="ar" dir="rtl">{_arabic_cell(m, lang)}</td></tr>'
        for m in messages
    ]
    return (
        '<table class="amiq-table amiq-messages">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Replace the messages marker with the catalogue in the language being built."""
    return replace_marker(
        markdown, MARKER, lambda: render_table(read_messages(), build_language(config))
    )
