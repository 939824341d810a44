"""The Arabic notebooks render right to left, with code and math left to right, in a real browser.

Each committed notebook is converted to HTML with nbconvert's JupyterLab template (the markup and
CSS JupyterLab and Notebook 7 use for markdown cells) and opened in Debian's Chromium through
Playwright, with every request outside the page refused. Checked, in the Arabic notebook: every
prose block is laid out right to left and its text ends at the right edge; every inline code span or
formula inside it is an isolated left-to-right run whose characters keep their order; fenced code
and expected outputs stay left to right. The English notebook is checked to stay left to right.
Screenshots go to ``out/screenshots/`` (gitignored) for a person to look at.

Needs ``/usr/bin/chromium`` and the pip packages ``playwright`` and ``nbconvert``; skipped when
they are missing, except under CI, where it fails (as the docs' browser test does).
"""

import os
from pathlib import Path

import pytest

from course.authoring import notebooks as nbb
from tests.missing_tools import require_modules, skip_or_fail

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "out" / "screenshots"
MATHJAX = ROOT / "docs" / "content" / "assets" / "vendor" / "mathjax" / "tex-chtml.js"
NOTEBOOKS = [(u, a.id) for u in nbb.units_with_notebooks() for a in nbb.assignments_with_sources(u)]

# Measures the layout: for each prose block, where its lines end; for each LTR span, its direction
# and whether its first character is drawn left of its last one.
LAYOUT_JS = r"""() => {
  const rect = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start); range.setEnd(node, end);
    return range.getBoundingClientRect();
  };
  const textNodes = (el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const out = [];
    while (walker.nextNode()) if (walker.currentNode.textContent.trim()) out.push(walker.currentNode);
    return out;
  };
  const cells = [...document.querySelectorAll('.jp-MarkdownCell .jp-RenderedMarkdown')];
  const blocks = [], spans = [], pres = [];
  for (const cell of cells) {
    for (const div of cell.querySelectorAll('div[dir]')) {
      const box = div.getBoundingClientRect();
      const lines = [...div.querySelectorAll('p, h1, h2, h3, li')].map((el) => {
        const r = el.getBoundingClientRect();
        const nodes = textNodes(el);
        const first = nodes[0];
        const firstChar = first ? rect(first, 0, 1) : r;
        return {tag: el.tagName, direction: getComputedStyle(el).direction,
                right: firstChar.right, left: firstChar.left, boxRight: r.right, boxLeft: r.left};
      });
      blocks.push({dir: div.getAttribute('dir'), direction: getComputedStyle(div).direction,
                   lines});
    }
    for (const span of cell.querySelectorAll('span[dir="ltr"]')) {
      const style = getComputedStyle(span);
      const nodes = textNodes(span);
      let ordered = null;
      if (nodes.length === 1 && nodes[0].textContent.length > 2) {
        const n = nodes[0], len = n.textContent.length;
        const a = rect(n, 0, 1), b = rect(n, len - 1, len);
        if (Math.abs(a.top - b.top) < 2) ordered = a.left < b.left;
      }
      spans.push({text: span.textContent, direction: style.direction,
                  bidi: style.unicodeBidi, ordered});
    }
    for (const pre of cell.querySelectorAll('pre')) {
      pres.push({direction: getComputedStyle(pre).direction});
    }
  }
  const math = [...document.querySelectorAll('.jp-MarkdownCell mjx-container')].map((m) => ({
    display: m.hasAttribute('display'),
    inLtrSpan: !!m.closest('span[dir="ltr"]'),
    inRtlDiv: !!m.closest('div[dir="rtl"]')}));
  const rawTex = [...document.querySelectorAll('.jp-MarkdownCell .jp-RenderedMarkdown')]
    .filter((el) => /\$[^$\s][^$]*\$/.test(el.textContent)).length;
  return {cells: cells.length, blocks, spans, pres, math, rawTex};
}"""


def _require():
    reason = None
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found (apt-get install chromium fonts-noto-core)"
    else:
        require_modules(("playwright.sync_api", "nbconvert", "nbclient"),
                        extras=("browser", "notebook-tests"))
    if reason:
        skip_or_fail(f"notebook browser test: {reason}", extras=("browser", "notebook-tests"))


@pytest.fixture(scope="module")
def browser():
    _require()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM),
                                      args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                                            "--disable-background-networking"])
        try:
            yield chromium
        finally:
            chromium.close()


# MathJax 4 from the docs' vendored copy, configured for the notebooks' $...$ and $$...$$ (nbconvert's
# own configuration is for MathJax 2); the speech worker cannot start from file:// pages.
MATHJAX_CONFIG = """<script>window.MathJax = {
  loader: {paths: {mathjax: "%(vendor)smathjax", fonts: "%(vendor)smathjax-fonts"}},
  tex: {inlineMath: [["$", "$"]], displayMath: [["$$", "$$"]], processEscapes: true},
  output: {linebreaks: {inline: false}},
  options: {menuOptions: {settings: {enrich: false, speech: false, braille: false}}}
};</script>
"""


def _run_setup_cell(nb, folder):
    """Execute the notebook's setup cell in a kernel (as "Run" on the first code cell does)."""
    from nbclient import NotebookClient

    index = next(i for i, c in enumerate(nb.cells) if c.metadata["amiq"]["role"] == "setup")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}})
    with client.setup_kernel(env=env):
        client.execute_cell(nb.cells[index], index)
    return nb


def _html(path, folder, run_setup=False):
    """The notebook as JupyterLab-styled HTML in ``folder`` (vendored MathJax when present)."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(path, as_version=4)
    if run_setup:
        _run_setup_cell(nb, folder)
    exporter = HTMLExporter(template_name="lab")
    if MATHJAX.is_file():
        exporter.mathjax_url = MATHJAX.as_uri()
    body, _ = exporter.from_notebook_node(nb)
    if MATHJAX.is_file():
        loader = f'<script src="{MATHJAX.as_uri()}">'
        assert loader in body
        config = MATHJAX_CONFIG % {"vendor": MATHJAX.parent.parent.as_uri() + "/"}
        body = body.replace(loader, config + loader, 1)
    out = Path(folder) / (Path(path).stem + ("-run" if run_setup else "") + ".html")
    out.write_text(body, encoding="utf-8")
    return out


def _layout(browser, html, screenshot):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="ar")
    outside = []

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(html.as_uri(), wait_until="load")
    if MATHJAX.is_file():
        page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise",
                               timeout=60_000)
        page.evaluate("() => MathJax.startup.promise")
        page.wait_for_timeout(500)
    layout = page.evaluate(LAYOUT_JS)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / screenshot), full_page=False)
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight * 0.55)")
    page.screenshot(path=str(SCREENSHOTS / screenshot.replace(".png", "-middle.png")))
    context.close()
    return layout


def _check_rtl(layout):
    assert layout["cells"] > 10
    rtl = [b for b in layout["blocks"] if b["dir"] == "rtl"]
    assert rtl and all(b["direction"] == "rtl" for b in rtl)
    lines = [line for b in rtl for line in b["lines"]]
    assert lines and all(line["direction"] == "rtl" for line in lines)
    spans = layout["spans"]
    assert spans and all(s["direction"] == "ltr" and s["bidi"] == "isolate" for s in spans)
    measured = [s for s in spans if s["ordered"] is not None]
    assert measured and all(s["ordered"] for s in measured), \
        [s["text"] for s in measured if not s["ordered"]]
    assert layout["pres"] and all(p["direction"] == "ltr" for p in layout["pres"])
    if MATHJAX.is_file():  # typeset: inline formulas in LTR spans, display ones outside the RTL divs
        assert layout["rawTex"] == 0
        inline = [m for m in layout["math"] if not m["display"]]
        display = [m for m in layout["math"] if m["display"]]
        assert inline and all(m["inLtrSpan"] for m in inline)
        assert display and not any(m["inRtlDiv"] for m in display)
    return lines


def _starts_right(line):
    return abs(line["boxRight"] - line["right"]) < 40


@pytest.mark.parametrize("unit_id, assignment_id", NOTEBOOKS)
def test_arabic_markdown_renders_right_to_left_with_ltr_code_and_math(browser, tmp_path, unit_id,
                                                                       assignment_id):
    html = _html(nbb.notebook_path(unit_id, assignment_id, "ar"), tmp_path)
    lines = _check_rtl(_layout(browser, html, f"notebook-{unit_id}-{assignment_id}-ar.png"))
    # Headings and list items start at the right edge even before any cell runs; JupyterLab's own
    # "p { text-align: left }" keeps paragraphs left-aligned until the setup cell's rule applies.
    assert all(_starts_right(line) for line in lines if line["tag"] in ("H1", "H2", "LI")), lines


@pytest.mark.parametrize("unit_id, assignment_id", NOTEBOOKS)
def test_after_the_setup_cell_arabic_paragraphs_are_right_aligned(browser, tmp_path, unit_id,
                                                                   assignment_id):
    html = _html(nbb.notebook_path(unit_id, assignment_id, "ar"), tmp_path, run_setup=True)
    lines = _check_rtl(_layout(browser, html, f"notebook-{unit_id}-{assignment_id}-ar-run.png"))
    paragraphs = [line for line in lines if line["tag"] == "P"]
    assert paragraphs and all(_starts_right(line) for line in paragraphs), paragraphs


@pytest.mark.parametrize("unit_id, assignment_id", NOTEBOOKS)
def test_english_markdown_stays_left_to_right(browser, tmp_path, unit_id, assignment_id):
    html = _html(nbb.notebook_path(unit_id, assignment_id, "en"), tmp_path)
    layout = _layout(browser, html, f"notebook-{unit_id}-{assignment_id}-en.png")
    assert layout["cells"] > 10
    assert layout["blocks"] == [] and layout["spans"] == []
    assert layout["pres"] and all(p["direction"] == "ltr" for p in layout["pres"])
