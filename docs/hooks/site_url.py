"""MkDocs hook: no address is invented when the site's URL is not configured.

``site_url`` comes from ``$AMIQ_SITE_URL`` (see ``mkdocs.yml``) and has no default: a made-up
default such as ``http://127.0.0.1:8000/`` would end up in every page's ``rel=canonical`` link
and in the sitemap, telling search engines that the pages live on a developer's machine.

Without ``site_url``, MkDocs gives pages no canonical URL, so Material writes no ``canonical``
link. The sitemap, however, would still be written with ``None`` in place of the address (a
sitemap needs absolute URLs); this hook removes it. With ``site_url`` set, nothing is changed.
"""

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.site_url")

SITEMAP_FILES = ("sitemap.xml", "sitemap.xml.gz")


def remove_sitemaps(site_dir):
    """Delete ``sitemap.xml`` and ``sitemap.xml.gz`` from ``site_dir`` (when they exist).

    Returns
    -------
    list of pathlib.Path
        The files removed.
    """
    removed = []
    for name in SITEMAP_FILES:
        path = Path(site_dir) / name
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def on_post_build(config, **kwargs):
    """Without a configured ``site_url``, drop the sitemap that could only hold broken URLs."""
    if config.get("site_url"):
        return
    if remove_sitemaps(config["site_dir"]):
        log.info(
            "site_url is not set (AMIQ_SITE_URL): no canonical links and no sitemap were written"
        )
