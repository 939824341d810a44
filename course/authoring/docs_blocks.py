"""The one writer of generated blocks in the lesson pages (and the check that they are current).

الكاتب الوحيد للكتل المولَّدة في صفحات الدروس (والفحص الذي يتأكّد من حداثتها).

Pages never hold hand-pasted numbers or conventions. A marker names what goes below it:

* ``<!-- amiq:case c1w4.linear_forward -->`` followed by a ```python block: the exercise's example
  (``course/<unit>/grading/examples.py``) as students run it;
* ``<!-- amiq:output c1w4.linear_forward -->`` followed by a ```text block: what that example prints
  with the reference solution;
* ``<!-- amiq:requirement c1w4.compute_cost -->`` ... ``<!-- /amiq:requirement -->``: the
  exercise's one convention (``requirement`` in its check declaration), in the page's language,
  the same text the grader's feedback gives.

``amiq docs sync`` rewrites the blocks (nothing else on the page); ``amiq docs sync --check``
lists stale ones. Printed numbers are compared within a relative tolerance of ``RTOL``: their
last digits depend on the NumPy/BLAS build, so a page is stale only when a number really moved.
"""

import contextlib
import importlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from course.authoring.numbers import same_numbers
from course.units import all_units, resolve

RTOL = 1e-9
CONTENT_DIR = Path(__file__).resolve().parents[2] / "docs" / "content"

_FENCED = re.compile(
    r"(?P<head><!--\s*amiq:(?P<kind>case|output)\s+(?P<id>[\w.]+)\s*-->\s*\n(?:[ \t]*\n)*)"
    r"```(?P<lang>\w+)[^\n]*\n(?P<body>.*?)^```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_ENCLOSED = re.compile(
    r"(?P<head><!--\s*amiq:requirement\s+(?P<id>[\w.]+)\s*-->\n)(?P<body>.*?)"
    r"(?P<tail>^<!--\s*/amiq:requirement\s*-->)",
    re.MULTILINE | re.DOTALL,
)


@dataclass(frozen=True)
class Example:
    """An exercise's example: the snippet shown and what the reference prints."""

    code: str
    output: str


def example_body(exercise):
    return importlib.import_module(f"course.{exercise.unit}.grading.examples").EXAMPLES[
        exercise.name]


def run_example(exercise_id):
    """Run an exercise's example with the reference solution and capture what it prints."""
    ex = resolve(exercise_id)
    body = example_body(ex)
    reference = importlib.import_module(f"solutions.{ex.unit}.{ex.module}")
    namespace = {"np": np, ex.name: getattr(reference, ex.name)}
    buffer = io.StringIO()
    # Fixed print options: the page must not depend on a caller's np.set_printoptions.
    with np.printoptions(precision=8, suppress=False, linewidth=75, legacy=False):
        with contextlib.redirect_stdout(buffer):
            exec(compile(body, f"<example {ex.id}>", "exec"), namespace)  # noqa: S102 - ours
    code = f"import numpy as np\nfrom course.{ex.unit}.{ex.module} import {ex.name}\n\n{body}"
    return Example(code, buffer.getvalue())


def requirement_text(exercise_id, lang):
    """The exercise's declared requirement in ``lang`` (None when it declares none)."""
    from course.i18n import in_language, _

    ex = resolve(exercise_id)
    checks = importlib.import_module(f"course.{ex.unit}.grading.checks").CHECKS
    msgid = next((c.requirement for c in checks if c.name == ex.name), None)
    if msgid is None:
        return None
    with in_language(lang):
        return _(msgid)


def page_language(path):
    """``"en"`` for ``page.en.md``, else ``"ar"`` (the site's default language)."""
    return "en" if Path(path).name.endswith(".en.md") else "ar"


class _Cache(dict):
    def example(self, exercise_id):
        if exercise_id not in self:
            self[exercise_id] = run_example(exercise_id)
        return self[exercise_id]


def render(text, lang, cache=None):
    """The page text with every generated block rewritten."""
    cache = cache if cache is not None else _Cache()

    def fenced(match):
        example = cache.example(match["id"])
        body, fence = (example.code, "python") if match["kind"] == "case" else \
            (example.output, "text")
        return f"{match['head']}```{fence}\n{body}```"

    def enclosed(match):
        text_ = requirement_text(match["id"], lang)
        if text_ is None:
            raise KeyError(f"{match['id']} declares no requirement")
        return f"{match['head']}\n> {text_}\n\n{match['tail']}"

    return _ENCLOSED.sub(enclosed, _FENCED.sub(fenced, text))


def stale(text, lang, cache=None):
    """Why the page's generated blocks are not current (empty when they are)."""
    cache = cache if cache is not None else _Cache()
    problems = []
    for match in _FENCED.finditer(text):
        try:
            example = cache.example(match["id"])
        except (KeyError, ImportError) as error:
            problems.append(f"{match['kind']} block of {match['id']}: {error}")
            continue
        if match["kind"] == "case":
            if match["body"] != example.code or match["lang"] != "python":
                problems.append(f"case block of {match['id']} differs from the example")
        elif match["lang"] != "text" or not same_numbers(match["body"], example.output, RTOL):
            problems.append(f"output block of {match['id']} differs from what the reference "
                            f"prints (numbers compared within rtol {RTOL:g})")
    for match in _ENCLOSED.finditer(text):
        want = requirement_text(match["id"], lang)
        if want is None or match["body"].strip() != f"> {want}":
            problems.append(f"requirement block of {match['id']} is not the declared text")
    return problems


def pages(root=CONTENT_DIR):
    """Every Markdown page under ``root`` that holds a generated block."""
    return [p for p in sorted(Path(root).rglob("*.md"))
            if "amiq:case" in (t := p.read_text(encoding="utf-8")) or "amiq:output" in t
            or "amiq:requirement" in t]


def sync(root=CONTENT_DIR, check=False):
    """Rewrite (or, with ``check``, only inspect) the generated blocks of every page.

    Returns
    -------
    dict
        ``{page path: [problems]}`` of the pages that were stale (and rewritten unless
        ``check``).
    """
    from course.fileio import write_text

    cache = _Cache()
    found = {}
    for page in pages(root):
        text = page.read_text(encoding="utf-8")
        problems = stale(text, page_language(page), cache)
        if problems:
            found[page] = problems
            if not check:
                write_text(page, render(text, page_language(page), cache))
    return found


def exercises_with_examples():
    """Qualified ids of every exercise that has an example, in course order."""
    out = []
    for unit in all_units().values():
        try:
            examples = importlib.import_module(f"course.{unit.id}.grading.examples").EXAMPLES
        except ImportError:
            continue
        out += [ex.id for ex in unit.exercises if ex.name in examples]
    return out
