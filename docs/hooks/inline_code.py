"""MkDocs hook: short inline code with spaces never breaks across lines in Arabic pages.

In a right-to-left paragraph the lines run right to left, so a fragment such as
``"dA" + str(l - 1)`` broken at a space would end one line at the far left and resume at the far
right of the next, far from its first half. On Arabic pages every inline ``<code>`` (outside code
blocks) that holds a space and is at most :data:`MAX_KEPT_TOGETHER` characters long gets the class
``amiq-nowrap``; ``assets/stylesheets/amiq.css`` sets ``white-space: nowrap`` on it.

Longer fragments keep the normal behaviour: forcing them onto one line would push them past the
edge of a phone screen (about 32 code characters fit in its column).
"""

import html
import re

from _shared import build_language

MAX_KEPT_TOGETHER = 32
NOWRAP_CLASS = "amiq-nowrap"
_PRE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.DOTALL | re.IGNORECASE)
_INLINE_CODE = re.compile(r"<code>([^<]*)</code>")


def keep_together(text):
    """Whether an inline code fragment (its HTML-escaped text) should stay on one line."""
    plain = html.unescape(text)
    return " " in plain and len(plain) <= MAX_KEPT_TOGETHER


def mark_inline_code(page_html):
    """Add ``class="amiq-nowrap"`` to the short inline ``<code>`` elements that contain a space.

    Code blocks (``<pre>…</pre>``) and ``<code>`` elements that already carry attributes are
    left alone.

    Parameters
    ----------
    page_html : str
        The rendered content of one page.

    Returns
    -------
    str
        The same HTML with the class added where it applies.
    """

    def mark(match):
        if not keep_together(match.group(1)):
            return match.group(0)
        return f'<code class="{NOWRAP_CLASS}">{match.group(1)}</code>'

    out, last = [], 0
    for block in _PRE_BLOCK.finditer(page_html):
        out.append(_INLINE_CODE.sub(mark, page_html[last : block.start()]))
        out.append(block.group(0))
        last = block.end()
    out.append(_INLINE_CODE.sub(mark, page_html[last:]))
    return "".join(out)


def on_page_content(page_html, page, config, files, **kwargs):
    """Mark the inline code of Arabic pages (English pages wrap left to right as usual)."""
    if build_language(config) != "ar":
        return page_html
    return mark_inline_code(page_html)
