"""The built site in a real browser: Debian's Chromium driven by Playwright, served on 127.0.0.1.

Checks, in both languages: direction (RTL for Arabic), math typeset by the vendored MathJax with
no TeX left over and inline math not reversed, the language switch landing on the same page,
Arabic search, dark mode, and that not a single request leaves localhost. Also: the cheat sheet
(screen, and printed to A4 without the site's menus), the build-time sample images and the
architecture figure, inline code that never breaks across lines inside Arabic text, and
canonical links only when a site URL is configured. Screenshots go to ``out/screenshots/``
(gitignored) for a person to look at.

Needs ``/usr/bin/chromium`` (``apt-get install chromium fonts-noto-core fonts-hosny-amiri``) and
the pip package ``playwright``; never runs ``playwright install``. Skipped when Chromium is
missing, unless ``CI`` is set: then it fails.
"""

import contextlib
import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.missing_tools import require_modules, skip_or_fail

from .conftest import ALT_SITE_URL, REPO_ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = REPO_ROOT / "out" / "screenshots"
LESSON = "c1w4/forward-propagation/"  # an Arabic lesson with inline and display math
ARABIC_QUERY = "الانتشار"


def _require_browser():
    reason = None
    if not CHROMIUM.exists():
        reason = (
            f"{CHROMIUM} not found (apt-get install chromium fonts-noto-core fonts-hosny-amiri)"
        )
    else:
        require_modules(("playwright.sync_api",), extras=("browser",))
    if reason:
        skip_or_fail(f"browser test: {reason}", extras=("browser",))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output clean
        pass


@contextlib.contextmanager
def _serve(folder):
    """Serve ``folder`` on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(site, vendored):
    """Serve the built site on 127.0.0.1 (a free port) for the duration of the module."""
    with _serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def alt_server(alt_site, vendored):
    """Serve the second build (site URL configured, stand-in sample images)."""
    with _serve(alt_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Traffic:
    """Every request a browser context made, and every failed response or page error."""

    def __init__(self, base):
        self.base = base
        self.requests = []
        self.failures = []
        self.errors = []

    def attach(self, context):
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", self._failed)
        context.on("response", self._response)

    def _failed(self, request):
        # A navigation cancels what the old page was still fetching (the speech worker's data).
        if "ERR_ABORTED" not in (request.failure or ""):
            self.failures.append(f"failed {request.url}: {request.failure}")

    def _response(self, response):
        # Material's language selector probes sitemap.xml next to the page; a 404 there is harmless.
        if response.status >= 400 and not response.url.endswith("sitemap.xml"):
            self.failures.append(f"{response.status} {response.url}")

    def off_site(self):
        return [
            url
            for url in self.requests
            if urlparse(url).scheme not in ("data", "blob", "about")
            and urlparse(url).hostname not in ("127.0.0.1", "localhost")
        ]


@pytest.fixture()
def open_page(browser, server):
    """``open_page(path, color_scheme="light", base=server)`` -> page; checks traffic afterwards."""
    contexts = []
    traffic = Traffic(server)

    def _open(path, color_scheme="light", base=None):
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, color_scheme=color_scheme, locale="ar"
        )
        contexts.append(context)
        traffic.attach(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: traffic.errors.append(str(exc)))
        page.goto((base or server) + path, wait_until="load")
        return page

    yield _open, traffic
    for context in contexts:
        context.close()
    assert not traffic.off_site(), "requests left localhost:\n" + "\n".join(traffic.off_site())
    assert not traffic.failures, "failed loads:\n" + "\n".join(traffic.failures)
    assert not traffic.errors, "JavaScript errors:\n" + "\n".join(traffic.errors)


def wait_for_math(page):
    """Wait until MathJax has finished its first typesetting pass."""
    page.wait_for_function(
        "() => window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=30000
    )
    page.evaluate("() => MathJax.startup.promise")


MATH_REPORT = """() => {
  const math = [...document.querySelectorAll('.md-content .arithmatex')];
  const inline = math.filter(el => el.tagName === 'SPAN');
  // An inline formula is reversed when its first top-level term sits to the right of its last
  // one (top-level: children of mjx-math, so accents and scripts do not count).
  const reversed = inline.filter(el => {
    const math = el.querySelector('mjx-container > mjx-math');
    const terms = math ? [...math.children].filter(c => c.getBoundingClientRect().width > 0) : [];
    if (terms.length < 2) return false;
    const first = terms[0].getBoundingClientRect(), last = terms[terms.length - 1].getBoundingClientRect();
    return first.top === last.top && first.left > last.left;
  }).map(el => el.textContent.slice(0, 60));
  const checked = inline.filter(el => {
    const math = el.querySelector('mjx-container > mjx-math');
    return math && [...math.children].filter(c => c.getBoundingClientRect().width > 0).length >= 2;
  }).length;
  const article = document.querySelector('.md-content article');
  return {
    arithmatex: math.length,
    inline: inline.length,
    rendered: math.filter(el => el.querySelector('mjx-container')).length,
    errors: document.querySelectorAll('mjx-merror').length,
    reversed: reversed,
    orderChecked: checked,
    inlineDirections: [...new Set(inline.map(el => getComputedStyle(el).direction))],
    text: article ? article.innerText : '',
  };
}"""


def check_math(page):
    wait_for_math(page)
    report = page.evaluate(MATH_REPORT)
    assert report["arithmatex"] > 0, "no math on the page"
    assert report["rendered"] == report["arithmatex"], report
    assert report["errors"] == 0, "MathJax reported TeX errors (mjx-merror)"
    for leftover in ("\\(", "\\)", "\\[", "\\]", "$$"):
        assert leftover not in report["text"], f"raw TeX {leftover!r} left in the visible text"
    assert report["inlineDirections"] in ([], ["ltr"]), report["inlineDirections"]
    assert not report["reversed"], f"inline math laid out right-to-left: {report['reversed']}"
    return report


def shoot(page, name, full_page=True):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)


def test_arabic_lesson_is_rtl_with_math_rendered(open_page):
    _open, _traffic = open_page
    page = _open(LESSON)
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("document.body.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-content article')).direction")
        == "rtl"
    )
    report = check_math(page)
    assert report["inline"] > 0, "the lesson page should have inline math"
    code_dirs = page.evaluate(
        "[...document.querySelectorAll('.md-content pre code')].map(c => getComputedStyle(c).direction)"
    )
    assert code_dirs and set(code_dirs) == {"ltr"}, code_dirs
    # MathJax's fonts came from the vendored copy, not a CDN.
    fonts = page.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('woff'))"
    )
    assert any("/assets/vendor/mathjax-fonts/" in f for f in fonts), fonts
    shoot(page, "ar-lesson-forward-propagation.png")
    shoot(page, "ar-lesson-forward-propagation-top.png", full_page=False)


def test_english_lesson_is_ltr_with_math_rendered(open_page):
    _open, _traffic = open_page
    page = _open("en/" + LESSON)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    check_math(page)
    shoot(page, "en-lesson-forward-propagation.png", full_page=False)


@pytest.mark.parametrize(
    "path",
    ["", "en/", "c1w4/", "glossary/", "en/glossary/",
     # Week 3: the six backpropagation equations (aligned display math) in both languages.
     "c1w3/backpropagation/", "en/c1w3/backpropagation/"],
)
def test_other_pages_render_cleanly(open_page, path):
    _open, _traffic = open_page
    page = _open(path)
    expected = "ltr" if path.startswith("en/") else "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == expected
    if page.evaluate("document.querySelectorAll('.md-content .arithmatex').length"):
        check_math(page)


def _switch_language(page, lang):
    page.hover(".md-header__option .md-select")
    page.click(f'.md-select__link[hreflang="{lang}"]')
    page.wait_for_load_state("load")


def test_language_switch_lands_on_the_same_page(open_page, server):
    _open, _traffic = open_page
    page = _open(LESSON)
    _switch_language(page, "en")
    assert page.url == server + "en/" + LESSON
    assert page.evaluate("document.documentElement.lang") == "en"
    _switch_language(page, "ar")
    assert page.url == server + LESSON
    assert page.evaluate("document.documentElement.lang") == "ar"


def test_search_finds_an_arabic_term(open_page):
    _open, _traffic = open_page
    page = _open("")
    box = page.locator("input.md-search__input")
    box.click()
    # type() inserts Arabic without key events and Material never searches; fill() + End does.
    box.fill(ARABIC_QUERY)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    results = page.locator(".md-search-result__item")
    assert results.count() > 0
    texts = " ".join(results.all_inner_texts())
    assert "الانتشار" in texts, texts[:500]
    # The previews quote the pages' TeX; mathjax-config.js typesets it as results appear.
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__list').innerText.includes('\\\\(')",
        timeout=15000,
    )
    shoot(page, "ar-search.png", full_page=False)


def test_dark_mode(open_page):
    _open, _traffic = open_page
    page = _open(LESSON, color_scheme="dark")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    check_math(page)
    shoot(page, "ar-lesson-dark.png", full_page=False)


@pytest.mark.slow
def test_every_page_typesets_cleanly(open_page, site, server):
    """All pages, both languages: direction, every formula typeset, no TeX error, none reversed."""
    _open, _traffic = open_page
    paths = sorted(
        p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if p.relative_to(site).parts[0] not in ("assets", "search")
    )
    assert len(paths) > 20, paths
    page = _open("")
    problems = []
    for path in paths:
        url = "" if path == "./" else path
        page.goto(server + url, wait_until="load")
        expected = "ltr" if url.startswith("en/") else "rtl"
        if page.evaluate("getComputedStyle(document.body).direction") != expected:
            problems.append(f"/{url}: direction is not {expected}")
        if page.evaluate("document.querySelectorAll('.md-content .arithmatex').length"):
            try:
                check_math(page)
            except AssertionError as exc:
                problems.append(f"/{url}: {exc}".splitlines()[0])
    assert not problems, "\n".join(problems)


# --- the cheat sheet, on screen and printed ------------------------------------------------------

CHEAT_SHEET = "c1w4/cheat-sheet/"
SAMPLES_PAGE = "c1w4/assignments/cat-classifier/"
BACKWARD_EXERCISE = "c1w4/exercises/L_model_backward/"
LANGUAGES = [("ar", ""), ("en", "en/")]

# What the site shows around the content: none of it may reach the paper.
CHROME = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer")
DISPLAYS = """(selectors) => selectors.map(s => {
  const el = document.querySelector(s);
  return [s, el ? getComputedStyle(el).display : 'absent'];
})"""


def pdf_page_count(pdf):
    """The number of pages of a PDF written by Chromium (one ``/Type /Page`` object per page)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.mark.parametrize("lang, prefix", LANGUAGES)
def test_cheat_sheet_prints_on_one_or_two_a4_pages_without_the_menus(open_page, lang, prefix):
    _open, _traffic = open_page
    page = _open(prefix + CHEAT_SHEET)
    check_math(page)
    shoot(page, f"{lang}-cheat-sheet.png")
    on_screen = dict(page.evaluate(DISPLAYS, list(CHROME) + [".amiq-cheatsheet > .admonition"]))
    assert "absent" not in on_screen.values(), on_screen
    assert on_screen[".md-header"] != "none" and on_screen[".amiq-cheatsheet > .admonition"] != "none"

    page.emulate_media(media="print")
    printed = dict(page.evaluate(DISPLAYS, list(CHROME) + [".amiq-cheatsheet > .admonition"]))
    assert set(printed.values()) == {"none"}, printed
    # Nothing is wider than the paper: at A4's printable width no content overflows sideways.
    page.set_viewport_size({"width": 718, "height": 1000})
    overflow = page.evaluate(
        "() => { const c = document.querySelector('.md-content'); return c.scrollWidth - c.clientWidth; }"
    )
    assert overflow <= 1, f"the printed cheat sheet is {overflow}px wider than the page"
    shoot(page, f"{lang}-cheat-sheet-print.png")
    pdf = page.pdf(format="A4")
    (SCREENSHOTS / f"{lang}-cheat-sheet.pdf").write_bytes(pdf)
    assert 1 <= pdf_page_count(pdf) <= 2, f"{pdf_page_count(pdf)} A4 pages"


def test_pdf_page_count_counts_pages_not_the_page_tree():
    pdf = b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 0 R >>"
    assert pdf_page_count(pdf) == 2


# --- the cat-classifier page: sample images and the architecture figure -------------------------

FIGURES = """() => {
  const grid = document.querySelector('figure.amiq-samples');
  const img = grid.querySelector('img');
  const model = document.querySelector('img[src$="cat-model.svg"]');
  return {
    source: grid.dataset.amiqSource,
    loaded: img.complete && img.naturalWidth > 0,
    natural: [img.naturalWidth, img.naturalHeight],
    shown: [img.clientWidth, img.clientHeight],
    rendering: getComputedStyle(img).imageRendering,
    caption: grid.querySelector('figcaption').innerText,
    model: model && model.complete ? [model.naturalWidth, model.naturalHeight] : null,
    modelSrc: model ? model.src : null,
  };
}"""
CAPTIONS = {
    ("ar", "real"): "من البيانات الحقيقية",
    ("ar", "synthetic"): "صور اصطناعية، لا صور المقرّر",
    ("en", "real"): "from the real data",
    ("en", "synthetic"): "Synthetic images, not the course's photographs",
}
MODEL_WORDS = {"ar": "الطبقة الأولى", "en": "layer 1"}


def _check_figures(page, lang):
    info = page.evaluate(FIGURES)
    assert info["loaded"], info
    assert info["natural"] == [398, 134], info  # 2 rows x 6 images of 64 px with 2 px gaps
    width, height = info["shown"]
    assert width > info["natural"][0] and abs(width / height - 398 / 134) < 0.02, info
    assert info["rendering"] == "pixelated"
    assert CAPTIONS[(lang, info["source"])] in info["caption"], info["caption"]
    assert info["model"] == [1060, 380], info
    svg = page.evaluate("(src) => fetch(src).then(r => r.text())", info["modelSrc"])
    assert MODEL_WORDS[lang] in svg
    return info


@pytest.mark.parametrize("lang, prefix", LANGUAGES)
def test_sample_images_and_the_architecture_figure_are_shown(open_page, lang, prefix):
    _open, _traffic = open_page
    page = _open(prefix + SAMPLES_PAGE)
    check_math(page)
    _check_figures(page, lang)
    page.locator("figure.amiq-samples").screenshot(path=str(SCREENSHOTS / f"{lang}-samples.png"))
    page.locator('img[src$="cat-model.svg"]').screenshot(
        path=str(SCREENSHOTS / f"{lang}-cat-model.png")
    )
    shoot(page, f"{lang}-cat-classifier.png")


@pytest.mark.parametrize("lang, prefix", LANGUAGES)
def test_the_stand_in_samples_are_captioned_as_synthetic(open_page, alt_server, lang, prefix):
    _open, _traffic = open_page
    page = _open(prefix + SAMPLES_PAGE, base=alt_server)
    info = _check_figures(page, lang)
    assert info["source"] == "synthetic"
    page.locator("figure.amiq-samples").screenshot(
        path=str(SCREENSHOTS / f"{lang}-samples-synthetic.png")
    )


# --- inline code inside Arabic text ---------------------------------------------------------------

# Sweeps the width of every paragraph holding the code and counts the line boxes of the code at
# each width (one rectangle per line). With `wrap` the page's no-wrap rule is overridden, which
# shows that the sweep does reach widths where the code would otherwise break.
CODE_LINES = """([text, wrap]) => {
  const codes = [...document.querySelectorAll('.md-content p code')].filter(c => c.textContent === text);
  let style = null;
  if (wrap) {
    style = document.createElement('style');
    style.textContent = '.md-typeset code { white-space: normal !important; }';
    document.head.appendChild(style);
  }
  let most = 0, at = null;
  for (const code of codes) {
    const p = code.closest('p'), before = p.style.width;
    for (let w = 200; w <= 900; w += 2) {
      p.style.width = w + 'px';
      const lines = code.getClientRects().length;
      if (lines > most) { most = lines; at = w; }
    }
    p.style.width = before;
  }
  if (style) style.remove();
  const first = codes[0];
  return {count: codes.length, most: most, at: at,
          marked: codes.every(c => c.classList.contains('amiq-nowrap')),
          direction: first ? getComputedStyle(first).direction : null,
          bidi: first ? getComputedStyle(first).unicodeBidi : null};
}"""
SPLIT_CODE = '"dA" + str(l - 1)'


def test_inline_code_never_breaks_across_lines_in_arabic_text(open_page):
    _open, _traffic = open_page
    page = _open(BACKWARD_EXERCISE)
    kept = page.evaluate(CODE_LINES, [SPLIT_CODE, False])
    assert kept["count"] >= 1, "the exercise page no longer quotes the code in its text"
    assert kept["marked"], kept
    assert kept["direction"] == "ltr" and kept["bidi"] == "isolate", kept
    assert kept["most"] == 1, f"the code breaks across lines at a {kept['at']}px wide paragraph"
    control = page.evaluate(CODE_LINES, [SPLIT_CODE, True])
    assert control["most"] >= 2, "the sweep never reached a width where the code could break"
    # Show the paragraph at a width where it would have broken without the rule.
    paragraph = page.locator("p", has=page.locator("code", has_text=SPLIT_CODE)).first
    paragraph.evaluate(f"(p) => {{ p.style.width = '{control['at']}px'; }}")
    paragraph.screenshot(path=str(SCREENSHOTS / "ar-inline-code-no-wrap.png"))


# --- canonical links -----------------------------------------------------------------------------

CANONICAL = "() => { const l = document.querySelector('link[rel=canonical]'); return l && l.href; }"


@pytest.mark.parametrize("path", [CHEAT_SHEET, "en/" + CHEAT_SHEET, SAMPLES_PAGE, "en/glossary/"])
def test_canonical_links_follow_the_configured_site_url(open_page, alt_server, path):
    _open, _traffic = open_page
    assert _open(path).evaluate(CANONICAL) is None  # no site URL configured: no canonical link
    assert _open(path, base=alt_server).evaluate(CANONICAL) == ALT_SITE_URL + path


# How much wider than the screen the page is; with `normal`, the no-wrap rule is switched off.
PAGE_OVERFLOW = """(normal) => {
  const style = document.createElement('style');
  style.textContent = normal ? '.md-typeset code.amiq-nowrap { white-space: normal !important; }' : '';
  document.head.appendChild(style);
  const overflow = document.scrollingElement.scrollWidth - window.innerWidth;
  const kept = document.querySelectorAll('.md-content code.amiq-nowrap').length;
  style.remove();
  return [overflow, kept];
}"""


@pytest.mark.parametrize(
    "path",
    [
        BACKWARD_EXERCISE,
        "c1w4/exercises/initialize_parameters_deep/",
        "c1w4/exercises/linear_activation_backward/",
        "c1w4/exercises/two_layer_model/",
        CHEAT_SHEET,
    ],
)
def test_keeping_inline_code_together_never_widens_a_phone_page(browser, server, path):
    """On a 375 px wide screen the no-wrap rule adds no horizontal scrolling to Arabic pages."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="ar")
    try:
        page = context.new_page()
        page.goto(server + path, wait_until="load")
        (with_rule, kept), (without_rule, _) = (
            page.evaluate(PAGE_OVERFLOW, False),
            page.evaluate(PAGE_OVERFLOW, True),
        )
        assert kept > 0, "no inline code is kept together on this page"
        assert with_rule <= without_rule, f"the rule widens the page by {with_rule - without_rule}px"
    finally:
        context.close()
