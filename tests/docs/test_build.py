"""The site builds strictly, Arabic at the root (right-to-left), English under /en/, nothing off-site.

Third-party bundles (Material's JavaScript, MathJax) contain CDN addresses as *defaults* that our
configuration overrides (MathJax's font path) or that never trigger (Material's mermaid loader:
no page has a diagram, checked below). Their requests are checked in a real browser by
``test_browser.py``; here the HTML, all CSS and our own JavaScript are scanned statically.
"""

import json
import re
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

from .conftest import CONTENT_DIR, DOCS_DIR, REPO_ROOT, VENDOR_FILES, load_hook

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
CDN_HOSTS = (
    "cdn.jsdelivr.net",
    "unpkg.com",
    "cdnjs.cloudflare.com",
    "fonts.googleapis.com",
    "fonts.gstatic.com",
    "ajax.googleapis.com",
    "code.jquery.com",
    "polyfill.io",
    "esm.sh",
    "cdn.skypack.dev",
)
# Attributes that make the browser fetch something (unlike <a href>, which waits for a click).
LOADING_ATTRS = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}


def arabic_pages(site):
    return sorted(
        p
        for p in site.rglob("index.html")
        if p.relative_to(site).parts[0] not in ("en", "assets", "search")
    )


def page_url(site, path):
    """``c1w4/forward-propagation/`` for ``<site>/c1w4/forward-propagation/index.html``."""
    rel = path.parent.relative_to(site).as_posix()
    return "" if rel == "." else rel + "/"


class _Loads(HTMLParser):
    """Collects the URLs a page makes the browser load, with inline style url()s."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and (attrs.get("rel") or "") in ("canonical", "alternate"):
            return  # metadata for crawlers, never fetched by the page
        for name in LOADING_ATTRS.get(tag, ()):
            value = attrs.get(name)
            if value:
                self.urls.extend(part.strip().split(" ")[0] for part in value.split(","))
        if attrs.get("style"):
            self.urls.extend(css_urls(attrs["style"]))


def css_urls(css):
    found = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css)
    found += re.findall(r"@import\s+['\"]([^'\"]+)['\"]", css)
    return found


def off_site(url):
    parsed = urlparse(url)
    if parsed.scheme in ("", "data", "blob"):
        return False
    if parsed.scheme in ("http", "https") or url.startswith("//"):
        return parsed.hostname not in LOCAL_HOSTS
    return parsed.scheme not in ("mailto",)


def test_strict_build_passes(site_build):
    assert site_build.returncode == 0, "mkdocs build --strict failed:\n" + site_build.output[-5000:]
    assert (site_build.site / "index.html").is_file()
    assert (site_build.site / "en" / "index.html").is_file()


def test_arabic_pages_are_rtl_at_the_root(site):
    pages = arabic_pages(site)
    assert len(pages) >= 5, pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert re.search(r'<html[^>]*\blang="ar"', html), f'{path}: <html lang="ar"> missing'
        assert re.search(r'<html[^>]*\bdir="rtl"', html), f'{path}: <html dir="rtl"> missing'
        assert re.search(r'<body[^>]*\bdir="rtl"', html), f'{path}: <body dir="rtl"> missing'


def test_every_arabic_page_has_its_english_twin_under_en(site):
    for path in arabic_pages(site):
        url = page_url(site, path)
        twin = site / "en" / url / "index.html"
        assert twin.is_file(), f"no English page for /{url} (expected /en/{url})"
        html = twin.read_text(encoding="utf-8")
        assert re.search(r'<html[^>]*\blang="en"', html), f'{twin}: <html lang="en"> missing'
        assert re.search(r'<body[^>]*\bdir="ltr"', html), f'{twin}: <body dir="ltr"> missing'


def test_language_switcher_links_to_the_same_page(site):
    for path in arabic_pages(site):
        url = page_url(site, path)
        ar_html = path.read_text(encoding="utf-8")
        en_html = (site / "en" / url / "index.html").read_text(encoding="utf-8")
        to_en = re.search(r'<a href="([^"]*)" hreflang="en" class="md-select__link"', ar_html)
        to_ar = re.search(r'<a href="([^"]*)" hreflang="ar" class="md-select__link"', en_html)
        assert to_en and to_ar, f"/{url}: language switcher missing"
        # Resolve the relative (or absolute) href against the page's own URL.
        base_ar = "http://127.0.0.1:8000/" + url
        base_en = "http://127.0.0.1:8000/en/" + url
        assert urlparse(urljoin(base_ar, to_en.group(1))).path == "/en/" + url
        assert urlparse(urljoin(base_en, to_ar.group(1))).path == "/" + url


def test_pages_load_nothing_from_other_hosts(site):
    problems = []
    for path in sorted(site.rglob("*.html")):
        parser = _Loads()
        parser.feed(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(site)}: {u}" for u in parser.urls if off_site(u)]
    for path in sorted(site.rglob("*.css")):
        urls = css_urls(path.read_text(encoding="utf-8", errors="replace"))
        problems += [f"{path.relative_to(site)}: {u}" for u in urls if off_site(u)]
    assert not problems, "resources loaded from other hosts:\n" + "\n".join(problems)


def test_no_cdn_host_in_html_css_or_our_javascript(site):
    ours = [
        site / "assets" / "javascripts" / p.name
        for p in (CONTENT_DIR / "assets" / "javascripts").glob("*.js")
    ]
    files = list(site.rglob("*.html")) + list(site.rglob("*.css")) + ours
    hits = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        hits += [f"{path.relative_to(site)}: {host}" for host in CDN_HOSTS if host in text]
    assert not hits, "CDN hosts referenced:\n" + "\n".join(hits)


def test_no_page_triggers_materials_cdn_loaders(site):
    # Material fetches mermaid from a CDN when a page has a diagram; we have none (or would vendor it).
    for path in site.rglob("*.html"):
        assert 'class="mermaid"' not in path.read_text(encoding="utf-8"), path


def test_vendored_assets_are_shipped(site, vendored):
    for name in VENDOR_FILES:
        assert (site / "assets" / "vendor" / name).is_file(), f"{name} not in the built site"
    config = (site / "assets" / "javascripts" / "mathjax-config.js").read_text(encoding="utf-8")
    assert "fonts:" in config and "mathjax-fonts" in config  # MathJax's font path is overridden


def test_theme_font_is_off(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html
    assert "assets/stylesheets/fonts.css" in html


def test_search_index_covers_both_languages(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {"ar", "en"} <= set(index["config"]["lang"])
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("en/") for loc in locations)
    assert any(loc and not loc.startswith("en/") for loc in locations)
    arabic_text = " ".join(
        doc["text"] for doc in index["docs"] if not doc["location"].startswith("en/")
    )
    assert "الانتشار" in arabic_text


def test_glossary_table_is_rendered_in_both_languages(site):
    import csv

    with open(REPO_ROOT / "course" / "glossary.csv", encoding="utf-8") as fh:
        terms = list(csv.DictReader(fh))
    ar_html = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    en_html = (site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    for html in (ar_html, en_html):
        assert "amiq:glossary" not in html
        assert html.count('class="amiq-table amiq-glossary"') == 1
    for term in terms:
        assert term["ar"] in ar_html and term["ar"] in en_html, term
    assert "<th>المصطلح العربي</th>" in ar_html and "<th>English</th>" in en_html


def test_math_is_left_for_mathjax_in_arithmatex_markup(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<span class="arithmatex">\\(' in html
    assert '<div class="arithmatex">\\[' in html


def test_figures_are_localised(site):
    ar_svg = site / "assets" / "figures" / "cost-curves.svg"
    en_svg = site / "en" / "assets" / "figures" / "cost-curves.svg"
    assert ar_svg.is_file() and en_svg.is_file()
    assert "التكلفة" in ar_svg.read_text(encoding="utf-8")
    assert "cost" in en_svg.read_text(encoding="utf-8")
    # Both home pages point at "their" figure with the same relative path.
    assert 'src="assets/figures/cost-curves.svg"' in (site / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'src="assets/figures/cost-curves.svg"' in (site / "en" / "index.html").read_text(
        encoding="utf-8"
    )


def test_missing_translation_falls_back_with_a_banner_in_its_own_direction(tmp_path):
    """A page without an English twin is served under /en/ in Arabic, marked, and kept RTL."""
    docs = tmp_path / "content"
    docs.mkdir()
    (docs / "index.md").write_text("# الرئيسية\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Home\n", encoding="utf-8")
    (docs / "only-ar.md").write_text("# صفحة عربية فقط\n\nنص عربي.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(f"""\
            site_name: t
            site_url: http://127.0.0.1:8000/
            docs_dir: content
            theme: {{name: material, custom_dir: {DOCS_DIR / "overrides"}, font: false, language: ar}}
            plugins:
              - i18n:
                  docs_structure: suffix
                  fallback_to_default: true
                  reconfigure_material: true
                  languages:
                    - {{locale: ar, name: العربية, default: true, build: true}}
                    - {{locale: en, name: English, build: true}}
            """),
        encoding="utf-8",
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(tmp_path / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    fallback = (tmp_path / "site" / "en" / "only-ar" / "index.html").read_text(encoding="utf-8")
    assert "amiq-fallback" in fallback and "not translated into English yet" in fallback
    assert '<div dir="rtl" lang="ar">' in fallback
    original = (tmp_path / "site" / "only-ar" / "index.html").read_text(encoding="utf-8")
    assert "amiq-fallback" not in original


# --- generated sample images, the architecture figure, the cheat sheet -------------------------

samples_hook = load_hook("samples")
SAMPLES_PAGE = "c1w4/assignments/cat-classifier/"


def _sample_figure(site, lang_prefix):
    """``(source, image path in the site)`` of the sample grid on the cat-classifier page."""
    url = lang_prefix + SAMPLES_PAGE
    html = (site / url / "index.html").read_text(encoding="utf-8")
    figure = re.search(
        r'<figure class="amiq-samples" data-amiq-source="(\w+)">\s*<img [^>]*src="([^"]+)"', html
    )
    assert figure, f"/{url}: no sample figure"
    target = urlparse(urljoin("http://127.0.0.1:8000/" + url, figure.group(2))).path
    return figure.group(1), site / target.lstrip("/")


def _pixels(path):
    from matplotlib.image import imread

    return (imread(path)[..., :3] * 255).round().astype("uint8")


def test_sample_grid_is_drawn_at_build_time_from_the_data_it_names(site):
    import numpy as np

    expected = samples_hook.sample_grid(mode="auto")  # the build's own search, same folders
    for prefix in ("", "en/"):
        source, image = _sample_figure(site, prefix)
        assert source == expected["source"], prefix
        assert image.is_file(), image
        assert np.array_equal(_pixels(image), expected["image"])
    # Generated into the site only: the content folder holds no copy of the images.
    assert not list(CONTENT_DIR.rglob("cat-samples*.png"))


def test_sample_grid_falls_back_to_the_labelled_stand_in(alt_site):
    import numpy as np

    x, y = samples_hook.synthetic_train()
    stand_in = samples_hook.tile(samples_hook.pick_samples(x, y))
    for prefix, words in (("", "صور اصطناعية، لا صور المقرّر"), ("en/", "Synthetic images")):
        source, image = _sample_figure(alt_site, prefix)
        assert source == "synthetic"
        assert np.array_equal(_pixels(image), stand_in)
        html = (alt_site / prefix / SAMPLES_PAGE / "index.html").read_text(encoding="utf-8")
        assert words in html


def test_architecture_figure_is_localised_and_matches_the_model(site):
    import xml.etree.ElementTree as ET

    ar = (site / "assets" / "diagrams" / "cat-model.svg").read_text(encoding="utf-8")
    en = (site / "en" / "assets" / "diagrams" / "cat-model.svg").read_text(encoding="utf-8")
    for svg in (ar, en):
        ET.fromstring(svg)  # well-formed
        for shape in ("(20, 12288)", "(7, 20)", "(5, 7)", "(1, 5)", "= 12288", "64 × 64 × 3"):
            assert shape in svg, shape
    assert "الطبقة الأولى" in ar and "طبقة الإخراج" in ar and "layer 1" not in ar
    assert "layer 1" in en and "output layer" in en and "الطبقة" not in en
    for prefix in ("", "en/"):
        html = (site / prefix / SAMPLES_PAGE / "index.html").read_text(encoding="utf-8")
        assert 'src="../../../assets/diagrams/cat-model.svg"' in html


def test_cheat_sheet_exists_in_both_languages_and_is_linked_from_the_week(site):
    for prefix in ("", "en/"):
        overview = (site / prefix / "c1w4" / "index.html").read_text(encoding="utf-8")
        assert 'href="cheat-sheet/"' in overview, prefix
        sheet = (site / prefix / "c1w4" / "cheat-sheet" / "index.html").read_text(encoding="utf-8")
        assert 'class="amiq-cheatsheet"' in sheet
        for tex in (
            r"dW^{[l]} = \frac{1}{m}\, dZ^{[l]} A^{[l-1]\top}",
            r"dA^{[l-1]} = W^{[l]\top} dZ^{[l]}",
            r"(n^{[l]}, n^{[l-1]})",
            r"\sqrt{2 / n^{[l-1]}}",
            "((A_prev, W, b), Z)",
        ):
            assert tex in sheet, (prefix, tex)
