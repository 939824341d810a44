"""MkDocs hook: put the text direction on ``<html>`` as well as on ``<body>``.

Material sets ``dir="rtl"`` on ``<body>`` only. Declaring it on the root element too lets the
browser place the scrollbar and form controls on the correct side from the first paint, and
tells assistive technology the page direction before any content is read.
"""

import re

from _shared import build_language

DIRECTIONS = {"ar": "rtl", "en": "ltr"}
_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


def add_html_dir(output, direction):
    """Add ``dir="<direction>"`` to the first ``<html ...>`` tag unless it already has one.

    Parameters
    ----------
    output : str
        A whole HTML page.
    direction : {"rtl", "ltr"}
        The direction to declare.

    Returns
    -------
    str
        The page with the attribute added (unchanged when there is no ``<html>`` tag or it
        already declares ``dir``).
    """

    def add(match):
        attrs = match.group(1)
        if re.search(r"\sdir\s*=", attrs):
            return match.group(0)
        return f'<html{attrs} dir="{direction}">'

    return _HTML_TAG.sub(add, output, count=1)


def on_post_page(output, page, config, **kwargs):
    """Declare the build language's direction on ``<html>``."""
    return add_html_dir(output, DIRECTIONS[build_language(config)])
