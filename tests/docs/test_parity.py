"""Every Arabic page and its English twin have the same structure.

Each ``X.md`` (Arabic) and ``X.en.md`` (English) is rendered with the site's own Markdown
extensions, and these are compared:

==================  ===============================================================================
headings            the sequence of heading levels (h1, h2, h2, h3, ...)
display math        the sequence of display formulas, TeX compared exactly (whitespace ignored)
inline math         the *multiset* of inline formulas, TeX compared exactly (whitespace ignored).
                    Exact, not approximate: a translation reorders sentences but keeps every
                    formula; a missing or mistyped formula is a real defect. Order is not compared.
code blocks         the sequence of fenced-code languages (the code itself may differ:
                    comments can be translated)
images              the sequence of image targets (figures localise by file name, so both
                    languages use the same path)
links               the multiset of link targets without their #fragment (heading anchors are
                    language-specific); in-page #links are counted
admonitions         the sequence of admonition / details types (note, tip, warning, ...)
tables              the sequence of table row counts
markers             the ``<!-- amiq:... -->`` markers the hooks replace
==================  ===============================================================================

A failure lists, per page, only the aspects that differ, with both sides.
"""

import re
from collections import Counter
from html.parser import HTMLParser

import markdown
import pytest

from .conftest import CONTENT_DIR, MKDOCS_YML

MARKER = re.compile(r"<!--\s*amiq:[a-z-]+\s*-->")


def twin_pairs():
    """``(arabic_path, english_path)`` for every Arabic page outside the vendored assets."""
    pairs = []
    for ar in sorted(CONTENT_DIR.rglob("*.md")):
        rel = ar.relative_to(CONTENT_DIR)
        if rel.parts[0] == "assets" or ar.name.endswith(".en.md"):
            continue
        pairs.append((ar, ar.with_name(ar.name[: -len(".md")] + ".en.md")))
    return pairs


def _markdown_renderer():
    from mkdocs.config import load_config

    config = load_config(config_file=str(MKDOCS_YML))
    return markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )


class _Structure(HTMLParser):
    """Walks the rendered HTML of one page and records its structural elements."""

    ADMONITION_KINDS = (
        "note",
        "abstract",
        "info",
        "tip",
        "success",
        "question",
        "warning",
        "failure",
        "danger",
        "bug",
        "example",
        "quote",
    )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings = []
        self.display_math = []
        self.inline_math = Counter()
        self.code_blocks = []
        self.images = []
        self.links = Counter()
        self.admonitions = []
        self.tables = []
        self._math = None  # ("display" | "inline", depth, [text])
        self._depth = 0
        self._div_language = []
        self._rows = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag not in ("br", "img", "hr", "input", "meta", "link"):
            self._depth += 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(tag)
        elif "arithmatex" in classes and self._math is None:
            self._math = ("display" if tag == "div" else "inline", self._depth, [])
        elif tag == "div":
            language = next(
                (c[len("language-") :] for c in classes if c.startswith("language-")), None
            )
            self._div_language.append(language)
            if "admonition" in classes:
                self.admonitions.append(self._kind(classes))
        elif tag == "details":
            self.admonitions.append("details:" + self._kind(classes))
        elif tag == "pre":
            language = next((lang for lang in reversed(self._div_language) if lang), "")
            self.code_blocks.append(language or "text")
        elif tag == "img":
            self.images.append(attrs.get("src", ""))
        elif tag == "a" and "headerlink" not in classes:
            href = attrs.get("href") or ""
            if not href.startswith("#__codelineno"):  # line anchors inside code blocks
                self.links[href.split("#")[0] or "#"] += 1
        elif tag == "table":
            self._rows = 0
        elif tag == "tr" and self._rows is not None:
            self._rows += 1
        if tag == "div" and "arithmatex" in classes:
            self._div_language.append(None)

    def handle_endtag(self, tag):
        if self._math is not None and self._depth == self._math[1]:
            kind, _depth, text = self._math
            tex = re.sub(r"\s+", "", "".join(text))
            tex = re.sub(r"^(\\\(|\\\[)|(\\\)|\\\])$", "", tex)
            if kind == "display":
                self.display_math.append(tex)
            else:
                self.inline_math[tex] += 1
            self._math = None
        if tag == "div" and self._div_language:
            self._div_language.pop()
        if tag == "table" and self._rows is not None:
            self.tables.append(self._rows)
            self._rows = None
        if tag not in ("br", "img", "hr", "input", "meta", "link"):
            self._depth -= 1

    def handle_data(self, data):
        if self._math is not None:
            self._math[2].append(data)

    def _kind(self, classes):
        return next((c for c in classes if c in self.ADMONITION_KINDS), "other")

    def summary(self):
        return {
            "headings": self.headings,
            "display math": self.display_math,
            "inline math": self.inline_math,
            "code blocks": self.code_blocks,
            "images": self.images,
            "links": self.links,
            "admonitions": self.admonitions,
            "tables": self.tables,
        }


def structure(text, renderer):
    """The structural summary of one Markdown page (see the module docstring)."""
    renderer.reset()
    parser = _Structure()
    parser.feed(renderer.convert(text))
    summary = parser.summary()
    summary["markers"] = MARKER.findall(text)
    return summary


def describe_difference(aspect, ar, en):
    """A short, readable account of how one aspect differs between the two pages."""
    if isinstance(ar, Counter):
        only_ar = ar - en
        only_en = en - ar
        lines = [f"  {aspect}: Arabic {sum(ar.values())}, English {sum(en.values())}"]
        if only_ar:
            lines.append(f"    only in Arabic:  {dict(only_ar)}")
        if only_en:
            lines.append(f"    only in English: {dict(only_en)}")
        return "\n".join(lines)
    lines = [f"  {aspect}: Arabic {len(ar)}, English {len(en)}"]
    for index in range(max(len(ar), len(en))):
        left = ar[index] if index < len(ar) else "—"
        right = en[index] if index < len(en) else "—"
        if left != right:
            lines.append(f"    #{index + 1}: Arabic {left!r} ≠ English {right!r}")
            if len(lines) > 8:
                lines.append("    ...")
                break
    return "\n".join(lines)


@pytest.fixture(scope="module")
def renderer():
    return _markdown_renderer()


def test_every_page_has_both_languages():
    pages = {p.relative_to(CONTENT_DIR).as_posix() for p in CONTENT_DIR.rglob("*.md")}
    pages = {p for p in pages if not p.startswith("assets/")}
    arabic = {p[: -len(".md")] for p in pages if not p.endswith(".en.md")}
    english = {p[: -len(".en.md")] for p in pages if p.endswith(".en.md")}
    assert not arabic - english, f"Arabic pages without an English twin: {sorted(arabic - english)}"
    assert (
        not english - arabic
    ), f"English pages without an Arabic original: {sorted(english - arabic)}"


@pytest.mark.parametrize(
    "ar_path, en_path",
    twin_pairs(),
    ids=[ar.relative_to(CONTENT_DIR).as_posix() for ar, _ in twin_pairs()],
)
def test_twins_have_the_same_structure(ar_path, en_path, renderer):
    if not en_path.exists():
        pytest.fail(f"{en_path.relative_to(CONTENT_DIR)} is missing")
    ar = structure(ar_path.read_text(encoding="utf-8"), renderer)
    en = structure(en_path.read_text(encoding="utf-8"), renderer)
    differences = [describe_difference(k, ar[k], en[k]) for k in ar if ar[k] != en[k]]
    assert (
        not differences
    ), f"{ar_path.relative_to(CONTENT_DIR)} and {en_path.name} differ in structure:\n" + "\n".join(
        differences
    )


def test_the_comparison_catches_a_changed_page(renderer):
    """The parity check itself: a dropped formula, heading, link or code block is noticed."""
    page = (
        "# T\n\n## A\n\nText $x$ and $y$ [l](a.md).\n\n$$\nZ = W A + b\n$$\n\n"
        "```python\nx = 1\n```\n\n!!! note\n    n\n\n| a |\n|---|\n| 1 |\n\n<!-- amiq:glossary -->\n"
    )
    base = structure(page, renderer)
    assert base["headings"] == ["h1", "h2"]
    assert base["display math"] == ["Z=WA+b"]
    assert base["inline math"] == Counter({"x": 1, "y": 1})
    assert base["code blocks"] == ["python"]
    assert base["links"] == Counter({"a.md": 1})
    assert base["admonitions"] == ["note"]
    assert base["tables"] == [2]
    assert base["markers"] == ["<!-- amiq:glossary -->"]
    changed = {
        "headings": page.replace("## A", "### A"),
        "display math": page.replace("Z = W A + b", "Z = A W + b"),
        "inline math": page.replace("$y$", "$z$"),
        "code blocks": page.replace("```python", "```bash"),
        "links": page.replace("(a.md)", "(b.md)"),
        "admonitions": page.replace("!!! note", "!!! warning"),
        "tables": page.replace("| 1 |\n", "| 1 |\n| 2 |\n"),
        "markers": page.replace("<!-- amiq:glossary -->", ""),
    }
    for aspect, text in changed.items():
        other = structure(text, renderer)
        assert other[aspect] != base[aspect], aspect
        assert describe_difference(aspect, base[aspect], other[aspect]).strip()
    # Whitespace inside formulas and the order of inline formulas do not matter.
    same = structure(
        page.replace("$x$ and $y$", "$y$ and $x$").replace("Z = W A + b", "Z=W  A +b"), renderer
    )
    assert same["inline math"] == base["inline math"]
    assert same["display math"] == base["display math"]
