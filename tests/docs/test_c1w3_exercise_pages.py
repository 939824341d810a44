"""The Week 3 exercise pages show what their snippets print with the reference solution.

Each page ``docs/content/c1w3/exercises/<id>.md`` (and its ``.en.md`` twin) has one snippet marked
``<!-- amiq:case c1w3.<id> -->`` and its output marked ``<!-- amiq:output c1w3.<id> -->``. The
snippet is run against the reference (``course.`` imports pointed at ``solutions.``) and its output
compared with the page: the text between the numbers exactly, the numbers within a relative
tolerance of 1e-6 (the pages print 8 significant digits; the last one may differ between BLAS
builds), never byte for byte.
"""

import contextlib
import io
import re

import numpy as np
import pytest

from .conftest import CONTENT_DIR

PAGES = CONTENT_DIR / "c1w3" / "exercises"
GRADED = ("layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
          "backward_propagation", "update_parameters", "nn_model", "predict")

_BLOCK = re.compile(
    r"<!--\s*amiq:(case|output)\s+([\w.]+)\s*-->\s*\n(?:[ \t]*\n)*```(\w+)[^\n]*\n(.*?)^```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


def _blocks(page):
    return [m.groups() for m in _BLOCK.finditer(page.read_text(encoding="utf-8"))]


def _run(code):
    out = io.StringIO()
    with np.printoptions(precision=8, suppress=False, linewidth=75, legacy=False):
        with contextlib.redirect_stdout(out):
            exec(compile(code.replace("from course.", "from solutions."), "<page>", "exec"), {})
    return out.getvalue()


def _split(text):
    """``(text with every number replaced by #, [numbers])``."""
    return _NUMBER.sub("#", text), [float(n) for n in _NUMBER.findall(text)]


def test_every_graded_function_has_a_page_in_both_languages():
    names = {p.name for p in PAGES.glob("*.md")}
    assert names == {f"{n}.md" for n in GRADED} | {f"{n}.en.md" for n in GRADED}


@pytest.mark.parametrize("name", GRADED)
@pytest.mark.parametrize("suffix", [".md", ".en.md"])
def test_page_output_is_what_the_reference_prints(name, suffix):
    page = PAGES / f"{name}{suffix}"
    blocks = _blocks(page)
    assert [(kind, ident, lang) for kind, ident, lang, _ in blocks] == [
        ("case", f"c1w3.{name}", "python"),
        ("output", f"c1w3.{name}", "text"),
    ], page
    code, shown = blocks[0][3], blocks[1][3]
    assert f"from course.c1w3.planar_classifier import {name}\n" in code
    printed = _run(code)
    shown_text, shown_numbers = _split(shown)
    printed_text, printed_numbers = _split(printed)
    assert shown_text == printed_text, f"{page.name}: the output's text drifted"
    np.testing.assert_allclose(shown_numbers, printed_numbers, rtol=1e-6, atol=1e-12,
                               err_msg=f"{page.name}: the output's numbers drifted")


@pytest.mark.parametrize("name", GRADED)
def test_both_languages_show_the_same_snippet(name):
    # Comments may be translated; the code and the output may not differ.
    def strip_comments(code):
        return [line.split("#")[0].rstrip() for line in code.splitlines()]

    ar, en = _blocks(PAGES / f"{name}.md"), _blocks(PAGES / f"{name}.en.md")
    assert strip_comments(ar[0][3]) == strip_comments(en[0][3])
    (ar_text, ar_numbers), (en_text, en_numbers) = _split(ar[1][3]), _split(en[1][3])
    assert ar_text == en_text
    np.testing.assert_allclose(ar_numbers, en_numbers, rtol=1e-12, atol=0)
