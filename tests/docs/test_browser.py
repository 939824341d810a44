"""The built site in a real browser: Debian's Chromium driven by Playwright, served on 127.0.0.1.

Checks, in both languages: direction (RTL for Arabic), math typeset by the vendored MathJax with
no TeX left over and inline math not reversed, the language switch landing on the same page,
Arabic search, dark mode, and that not a single request leaves localhost. Screenshots go to
``out/screenshots/`` (gitignored) for a person to look at.

Needs ``/usr/bin/chromium`` (``apt-get install chromium fonts-noto-core fonts-hosny-amiri``) and
the pip package ``playwright``; never runs ``playwright install``. Skipped when Chromium is
missing, unless ``CI`` is set: then it fails.
"""

import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from .conftest import REPO_ROOT

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
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "the pip package playwright is not installed"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run in CI: {reason}")
        pytest.skip(reason)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def server(site, vendored):
    """Serve the built site on 127.0.0.1 (a free port) for the duration of the module."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


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
    """``open_page(path, color_scheme="light")`` -> (page, traffic); checks traffic afterwards."""
    contexts = []
    traffic = Traffic(server)

    def _open(path, color_scheme="light"):
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, color_scheme=color_scheme, locale="ar"
        )
        contexts.append(context)
        traffic.attach(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: traffic.errors.append(str(exc)))
        page.goto(server + path, wait_until="load")
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
