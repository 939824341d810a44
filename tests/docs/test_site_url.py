"""docs/hooks/site_url.py and the site_url setting: canonical links only from a configured address."""

import re

from .conftest import ALT_SITE_URL, MKDOCS_YML, load_hook
from .test_build import arabic_pages, page_url

site_url = load_hook("site_url")


def test_remove_sitemaps_deletes_only_the_sitemaps(tmp_path):
    for name in ("sitemap.xml", "sitemap.xml.gz", "index.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    removed = site_url.remove_sitemaps(tmp_path)
    assert sorted(p.name for p in removed) == ["sitemap.xml", "sitemap.xml.gz"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html"]
    assert site_url.remove_sitemaps(tmp_path) == []


def test_a_configured_site_url_keeps_the_sitemap(tmp_path):
    (tmp_path / "sitemap.xml").write_text("x", encoding="utf-8")
    site_url.on_post_build({"site_url": ALT_SITE_URL, "site_dir": str(tmp_path)})
    assert (tmp_path / "sitemap.xml").is_file()
    site_url.on_post_build({"site_url": None, "site_dir": str(tmp_path)})
    assert not (tmp_path / "sitemap.xml").exists()


def test_mkdocs_yml_has_no_made_up_default_address():
    text = MKDOCS_YML.read_text(encoding="utf-8")
    setting = re.search(r"^site_url:.*$", text, re.MULTILINE).group(0)
    assert setting == "site_url: !ENV [AMIQ_SITE_URL, null]"


def _canonical(html):
    found = re.findall(r'<link rel="canonical" href="([^"]*)"', html)
    return found[0] if len(found) == 1 else found


def test_without_a_site_url_no_page_has_a_canonical_link_or_a_local_address(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in html, path
        assert "127.0.0.1:8000" not in html, path
    assert not (site / "sitemap.xml").exists()
    assert not (site / "sitemap.xml.gz").exists()


def test_with_a_site_url_every_page_is_canonical_under_it(alt_site):
    pages = arabic_pages(alt_site)
    assert len(pages) > 20
    for path in pages:
        url = page_url(alt_site, path)
        ar_html = path.read_text(encoding="utf-8")
        en_html = (alt_site / "en" / url / "index.html").read_text(encoding="utf-8")
        assert _canonical(ar_html) == ALT_SITE_URL + url
        assert _canonical(en_html) == ALT_SITE_URL + "en/" + url
    sitemap = (alt_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert ALT_SITE_URL + "c1w4/cheat-sheet/" in locations
    assert all(loc.startswith(ALT_SITE_URL) for loc in locations), locations[:5]
