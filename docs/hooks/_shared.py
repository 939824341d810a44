"""Helpers shared by the Amiq MkDocs hooks (not a hook itself: it is not listed in mkdocs.yml).

Each hook replaces an HTML-comment marker in a page's Markdown with generated HTML. Markers are
comments, so a page read outside the site (or before the hook runs) shows nothing broken.
"""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("ar", "en")
DEFAULT_LANGUAGE = "ar"


def build_language(config):
    """The language of the current build: ``"ar"`` (default, site root) or ``"en"`` (``/en/``).

    mkdocs-static-i18n builds the site once per language and keeps the one being built in
    ``current_language``; with ``reconfigure_material`` the theme language follows it too.

    Parameters
    ----------
    config : mkdocs.config.defaults.MkDocsConfig or dict
        The MkDocs configuration handed to the hook.

    Returns
    -------
    str
        ``"ar"`` or ``"en"``.
    """
    plugins = config.get("plugins") or {}
    i18n = plugins.get("i18n") if hasattr(plugins, "get") else None
    lang = getattr(i18n, "current_language", None)
    if lang is None:
        theme = config.get("theme")
        lang = theme.get("language") if theme is not None and hasattr(theme, "get") else None
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def replace_marker(markdown, marker, render):
    """Replace every line that holds only ``marker`` by ``render()`` (called once, lazily).

    The generated HTML is surrounded by blank lines so Markdown treats it as a raw HTML block.
    Markers inside fenced code blocks are left alone (they document the marker, not use it).

    Parameters
    ----------
    markdown : str
        The page source.
    marker : str
        The exact marker, e.g. ``"<!-- amiq:glossary -->"``.
    render : callable
        ``render() -> str``, the HTML that replaces the marker.

    Returns
    -------
    str
        The page source with the markers replaced (unchanged when there is no marker).
    """
    if marker not in markdown:
        return markdown
    html = None
    fence = (
        None  # the opening fence while inside a fenced code block (a marker there is an example)
    )
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip()
        if fence is None and stripped[:3] in ("```", "~~~"):
            fence = stripped[:3]
        elif fence is not None and stripped.startswith(fence):
            fence = None
        elif fence is None and stripped == marker:
            if html is None:
                html = render()
            lines[i] = "\n" + html + "\n"
    return "\n".join(lines)
