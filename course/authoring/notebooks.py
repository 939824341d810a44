"""Build each assignment's Jupyter notebooks, Arabic and English, from one bilingual source.

بناء دفاتر Jupyter لكل واجب، بالعربية والإنجليزية، من مصدر واحد ثنائي اللغة.

Where things are
----------------
* Source: ``course/<unit>/notebooks/<assignment>.py``, one per assignment (a unit gets notebooks
  by adding these files; nothing here names a unit).
* Built: ``course/<unit>/notebooks/<assignment>.ar.ipynb`` and ``<assignment>.en.ipynb``,
  committed beside their source without outputs (students of a checkout open them at once; a test
  checks they are what the source builds today, comparing content, not bytes). ``amiq release``
  builds them afresh into the bundle and leaves the sources out.

The source format
-----------------
A Python file cut into cells by ``# %% [kind]`` lines (jupytext's "percent" markers, with kinds of
our own). Lines before the first marker are a header and are ignored::

    # %% [markdown] en
    # ## Exercise 3: `linear_forward`
    # Markdown, one comment line per line (a bare ``#`` is an empty line).
    # %% [markdown] ar
    # ## التمرين 3: `linear_forward`
    # %% [code]
    x = 1  # Python, the same in both notebooks
    # %% [setup]
    # %% [example] linear_forward
    # %% [check] linear_forward

* ``markdown en`` must be followed at once by ``markdown ar``: the pair becomes one markdown cell
  in each notebook, so a cell can never exist in one language only. The Arabic text is made to
  render right to left in JupyterLab, Notebook 7 and VS Code (which ignore any site CSS): prose
  goes into ``<div dir="rtl" lang="ar">``, inline code and ``$math$`` into
  ``<span dir="ltr">``, and fenced code blocks and ``$$`` display math stay outside the
  ``div``, left to right (:func:`rtl_markdown`).
* ``code`` cells are the same in both notebooks (comments that need both languages carry both).
* ``setup`` becomes the first code cell: autoreload, ``numpy``, ``grader`` and
  :func:`course.notebook.setup` with the notebook's language.
* ``example NAME`` becomes two cells: the exercise's example from
  ``course/<unit>/grading/examples.py`` as the lesson page shows it, run through the
  ``%%exercise`` cell magic, and a markdown cell with what it prints with the reference solution
  (computed when building, never typed).
* ``check NAME`` becomes ``grader.check("<unit>.NAME", lang="<notebook language>")``.

Every exercise of the assignment must have exactly one ``example`` and one ``check``, in course
order (:func:`source_problems`). Nothing from ``solutions/`` is copied: only the printed output of
examples (a test scans every notebook for lines of solution code).

Usage: ``python -m course.authoring.notebooks [--check] [--unit UNIT]`` (see :func:`main`).
"""

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from course.authoring.numbers import same_numbers
from course.i18n import LocalizedError, _, isolate, ngettext

LANGUAGES = ("ar", "en")
SOURCE_FOLDER = "notebooks"
NBFORMAT_MINOR = 5
# Printed numbers of the expected outputs may move in their last digits with the NumPy/BLAS build.
RTOL = 1e-9

_MARKER = re.compile(r"^# %% \[(?P<kind>[a-z]+)\](?:[ \t]+(?P<arg>\S+))?[ \t]*$")
_KINDS = {"markdown", "code", "setup", "example", "check"}
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_EXPECTED_BLOCK = re.compile(r"^```text\n(.*?)^```", re.DOTALL | re.MULTILINE)

SETUP_CODE = """\
%load_ext autoreload
%autoreload 2
import numpy as np
import grader
from course.notebook import setup
setup("{lang}", unit="{unit}")"""
EXAMPLE_MAGIC = "%%exercise {id}\n"
CHECK_CODE = 'grader.check("{id}", lang="{lang}");'
EXPECTED_INTRO = {
    "en": "**Expected output** with a correct solution (on another machine the last digits may "
          "differ slightly):",
    "ar": "**الناتج المتوقَّع** مع حلٍّ صحيح (قد تختلف الخانات الأخيرة قليلًا على جهاز آخر):",
}
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


class NotebookSourceError(LocalizedError, ValueError):
    """A notebook source that breaks the format (file and line in the message)."""


@dataclass(frozen=True)
class SourceCell:
    """One cell of a source file.

    Attributes
    ----------
    kind : {"markdown", "code", "setup", "example", "check"}
    text : dict or str
        ``{"en": ..., "ar": ...}`` for markdown, the code for ``code``, else ``""``.
    arg : str or None
        The exercise name of ``example`` and ``check``.
    line : int
        Line of its marker in the source (for messages).
    """

    kind: str
    text: object
    arg: str = None
    line: int = 0


# ---------------------------------------------------------------------------------- parsing


def _source_error(filename, line, what):
    return NotebookSourceError(lambda: _("{file}, line {line}: {problem}").format(
        file=isolate(filename), line=isolate(line), problem=what()))


def _markdown_body(lines, filename, start):
    out = []
    for offset, line in enumerate(lines, start=start + 1):
        if line == "#":
            out.append("")
        elif line.startswith("# "):
            out.append(line[2:])
        elif not line.strip():
            out.append("")
        else:
            raise _source_error(filename, offset, lambda: _(
                "a markdown cell's lines must start with {prefix}").format(prefix=isolate("# ")))
    return "\n".join(out).strip("\n")


def parse_source(text, filename="<source>"):
    """Cut a notebook source into :class:`SourceCell` objects.

    Parameters
    ----------
    text : str
        The source file's text.
    filename : str
        Named in error messages.

    Returns
    -------
    list of SourceCell
        Markdown pairs merged into one cell with both languages.

    Raises
    ------
    NotebookSourceError
        Unknown kinds, an unpaired markdown cell, an empty one, a body under a generated cell, or
        a missing exercise name.
    """
    raw = []  # (kind, arg, marker line, body lines)
    for number, line in enumerate(text.splitlines(), start=1):
        match = _MARKER.match(line)
        if match:
            raw.append((match["kind"], match["arg"], number, []))
        elif line.startswith("# %%"):
            raise _source_error(filename, number, lambda: _(
                "unknown cell marker; expected {kinds}").format(
                kinds=isolate("# %% [markdown] en|ar, [code], [setup], [example] NAME, "
                              "[check] NAME")))
        elif raw:
            raw[-1][3].append(line)
    cells, pending = [], None
    for kind, arg, number, body in raw:
        if kind not in _KINDS:
            raise _source_error(filename, number, lambda kind=kind: _(
                "unknown cell kind {kind}").format(kind=isolate(kind)))
        if pending is not None and not (kind == "markdown" and arg == "ar"):
            raise _source_error(filename, pending[1], lambda: _(
                "this English markdown cell must be followed at once by its Arabic cell "
                "{marker}").format(marker=isolate("# %% [markdown] ar")))
        if kind == "markdown":
            if arg not in LANGUAGES:
                raise _source_error(filename, number, lambda: _(
                    "a markdown cell needs its language: {choices}").format(
                    choices=isolate("# %% [markdown] en / # %% [markdown] ar")))
            text_ = _markdown_body(body, filename, number)
            if not text_.strip():
                raise _source_error(filename, number, lambda: _("this markdown cell is empty"))
            if arg == "en":
                pending = (text_, number)
                continue
            if pending is None:
                raise _source_error(filename, number, lambda: _(
                    "this Arabic markdown cell has no English cell just before it"))
            cells.append(SourceCell("markdown", {"en": pending[0], "ar": text_}, None, pending[1]))
            pending = None
        elif kind == "code":
            code = "\n".join(body).strip("\n")
            if not code.strip():
                raise _source_error(filename, number, lambda: _("this code cell is empty"))
            cells.append(SourceCell("code", code, None, number))
        else:
            if any(line.strip() for line in body):
                raise _source_error(filename, number, lambda kind=kind: _(
                    "a {kind} cell is generated: leave its body empty").format(kind=isolate(kind)))
            if kind in ("example", "check") and not arg:
                raise _source_error(filename, number, lambda kind=kind: _(
                    "a {kind} cell needs an exercise name").format(kind=isolate(kind)))
            cells.append(SourceCell(kind, "", arg, number))
    if pending is not None:
        raise _source_error(filename, pending[1], lambda: _(
            "this English markdown cell must be followed at once by its Arabic cell "
            "{marker}").format(marker=isolate("# %% [markdown] ar")))
    return cells


def source_problems(cells, unit, assignment):
    """What is wrong with a parsed source for ``assignment`` (empty list when it is fine).

    Checks: one ``setup`` cell before any other code; every exercise of the assignment has one
    ``example`` and then one ``check``, in course order; no other exercise is named.
    """
    problems = []
    kinds = [c.kind for c in cells]
    setups = [i for i, k in enumerate(kinds) if k == "setup"]
    code_like = [i for i, k in enumerate(kinds) if k != "markdown"]
    if len(setups) != 1 or code_like[:1] != setups:
        problems.append("there must be exactly one [setup] cell, before any code")
    wanted = list(assignment.exercises)
    for kind in ("example", "check"):
        named = [c.arg for c in cells if c.kind == kind]
        if named != wanted:
            problems.append(f"[{kind}] cells name {named}, expected {wanted} (course order)")
    position = {(c.kind, c.arg): i for i, c in enumerate(cells) if c.kind in ("example", "check")}
    for name in wanted:
        if ("example", name) in position and ("check", name) in position \
                and position[("example", name)] > position[("check", name)]:
            problems.append(f"the [check] of {name} comes before its [example]")
    return problems


# ---------------------------------------------------------------------------------- RTL


_INLINE_LTR = re.compile(r"(`+)(?:(?!\1).)+?\1|\$(?:[^$\\\n]|\\.)+\$")
_FENCE = re.compile(r"^(```|~~~)")


def _isolate_inline(text):
    return _INLINE_LTR.sub(lambda m: f'<span dir="ltr">{m.group(0)}</span>', text)


def _blocks(text):
    """Split markdown into ``("prose", text)`` and ``("ltr", text)`` blocks.

    LTR blocks are fenced code blocks and ``$$`` display math; everything else is prose.
    """
    blocks, prose, lines, i = [], [], text.split("\n"), 0

    def flush():
        if "\n".join(prose).strip():
            blocks.append(("prose", "\n".join(prose).strip("\n")))
        prose.clear()

    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line.lstrip())
        if fence or line.strip().startswith("$$"):
            flush()
            start = i
            if fence:
                i += 1
                while i < len(lines) and not lines[i].lstrip().startswith(fence.group(1)):
                    i += 1
            elif not (line.strip().endswith("$$") and len(line.strip()) > 2):
                i += 1
                while i < len(lines) and not lines[i].strip().endswith("$$"):
                    i += 1
            blocks.append(("ltr", "\n".join(lines[start:i + 1])))
            i += 1
            continue
        prose.append(line)
        i += 1
    flush()
    return blocks


def rtl_markdown(text):
    """Arabic markdown that renders right to left in JupyterLab, Notebook 7 and VS Code.

    Prose is wrapped in ``<div dir="rtl" lang="ar">`` (blank lines inside, so the markdown in it
    is still parsed); inline code and ``$math$`` in it in ``<span dir="ltr">`` (an element with
    ``dir`` is a bidi isolate, so ``(n_l, 1)`` keeps its order); fenced code and ``$$`` blocks
    stay outside, left to right.

    Parameters
    ----------
    text : str
        Arabic markdown as written in the source.

    Returns
    -------
    str
    """
    out = []
    for kind, block in _blocks(text):
        if kind == "prose":
            out.append(f'<div dir="rtl" lang="ar">\n\n{_isolate_inline(block)}\n\n</div>')
        else:
            out.append(block)
    return "\n\n".join(out)


def ltr_blocks(markdown):
    """The fenced code blocks and display formulas of a markdown text, in order."""
    return [block for kind, block in _blocks(markdown) if kind == "ltr"]


# ---------------------------------------------------------------------------------- building


def source_path(unit_id, assignment_id):
    """``course/<unit>/notebooks/<assignment>.py``."""
    from course.units import unit_dir

    return unit_dir(unit_id) / SOURCE_FOLDER / f"{assignment_id}.py"


def notebook_name(assignment_id, lang):
    """``<assignment>.<lang>.ipynb``."""
    return f"{assignment_id}.{lang}.ipynb"


def notebook_path(unit_id, assignment_id, lang):
    """Where the built notebook is committed: beside its source."""
    return source_path(unit_id, assignment_id).with_name(notebook_name(assignment_id, lang))


def assignments_with_sources(unit_id):
    """The unit's assignments that have a notebook source, in course order."""
    from course.units import get_unit

    return [a for a in get_unit(unit_id).assignments if source_path(unit_id, a.id).is_file()]


def units_with_notebooks():
    """Ids of the installed units with at least one notebook source."""
    from course.units import all_units

    return [u for u in all_units() if assignments_with_sources(u)]


class _Examples(dict):
    """``run_example`` results, computed once per build."""

    def get_example(self, exercise_id):
        from course.authoring.docs_blocks import run_example

        if exercise_id not in self:
            self[exercise_id] = run_example(exercise_id)
        return self[exercise_id]


def _cell_id(index, role):
    # Deterministic ids (nbformat 4.5 requires ids): a rebuild changes nothing that did not change.
    return f"c{index:03d}-{role}"


def expected_markdown(output, lang):
    """The markdown cell that shows an example's expected output in ``lang``."""
    intro = EXPECTED_INTRO[lang]
    if lang == "ar":
        intro = f'<div dir="rtl" lang="ar">\n\n{intro}\n\n</div>'
    body = output if output.endswith("\n") else output + "\n"
    return f"{intro}\n\n```text\n{body}```"


def expected_block(markdown):
    """The printed output inside an expected-output cell (:func:`expected_markdown`); ``""`` when
    the cell has no ``text`` block."""
    match = _EXPECTED_BLOCK.search(markdown)
    return match.group(1) if match else ""


def build_cells(cells, unit_id, lang, examples=None):
    """The notebook cells of a parsed source in one language.

    Returns
    -------
    list of (cell_type, source, amiq metadata)
    """
    examples = examples if examples is not None else _Examples()
    out = []
    for cell in cells:
        if cell.kind == "markdown":
            text = cell.text["en"] if lang == "en" else rtl_markdown(cell.text["ar"])
            out.append(("markdown", text, {"role": "prose"}))
        elif cell.kind == "code":
            out.append(("code", cell.text, {"role": "code"}))
        elif cell.kind == "setup":
            out.append(("code", SETUP_CODE.format(lang=lang, unit=unit_id), {"role": "setup"}))
        elif cell.kind == "example":
            exercise_id = f"{unit_id}.{cell.arg}"
            example = examples.get_example(exercise_id)
            out.append(("code", EXAMPLE_MAGIC.format(id=exercise_id) + example.code.rstrip("\n"),
                        {"role": "example", "exercise": exercise_id}))
            out.append(("markdown", expected_markdown(example.output, lang),
                        {"role": "expected", "exercise": exercise_id}))
        elif cell.kind == "check":
            exercise_id = f"{unit_id}.{cell.arg}"
            out.append(("code", CHECK_CODE.format(id=exercise_id, lang=lang),
                        {"role": "check", "exercise": exercise_id}))
    return out


def build_notebook(unit_id, assignment_id, lang, examples=None):
    """Build one notebook from its source.

    Parameters
    ----------
    unit_id, assignment_id : str
    lang : {"ar", "en"}
    examples : dict, optional
        A cache shared between builds (the examples run once for both languages).

    Returns
    -------
    nbformat.NotebookNode
        Without outputs; ``metadata.amiq = {"unit", "assignment", "lang"}``.

    Raises
    ------
    NotebookSourceError
        The source is malformed or does not cover the assignment's exercises.
    """
    import nbformat
    from nbformat import v4

    from course.units import get_unit

    unit = get_unit(unit_id)
    assignment = next(a for a in unit.assignments if a.id == assignment_id)
    path = source_path(unit_id, assignment_id)
    cells = parse_source(path.read_text(encoding="utf-8"), str(path))
    problems = source_problems(cells, unit, assignment)
    if problems:
        raise NotebookSourceError(lambda: _("{file}: {problems}").format(
            file=isolate(path), problems="; ".join(problems)))
    nb = v4.new_notebook()
    nb.nbformat, nb.nbformat_minor = 4, NBFORMAT_MINOR
    nb.metadata = {
        "kernelspec": dict(KERNELSPEC),
        "language_info": {"name": "python"},
        "amiq": {"unit": unit_id, "assignment": assignment_id, "lang": lang},
    }
    for index, (cell_type, source, meta) in enumerate(
            build_cells(cells, unit_id, lang, examples), start=1):
        make = v4.new_markdown_cell if cell_type == "markdown" else v4.new_code_cell
        nb.cells.append(make(source, id=_cell_id(index, meta["role"]), metadata={"amiq": meta}))
    nbformat.validate(nb)
    return nb


def build_unit(unit_id, examples=None):
    """``{notebook path: NotebookNode}`` of every assignment of the unit that has a source."""
    examples = examples if examples is not None else _Examples()
    return {
        notebook_path(unit_id, a.id, lang): build_notebook(unit_id, a.id, lang, examples)
        for a in assignments_with_sources(unit_id) for lang in LANGUAGES
    }


def notebook_text(nb):
    """The file text of a notebook (nbformat's JSON, ending with a newline)."""
    import nbformat

    return nbformat.writes(nb) + "\n"


# ---------------------------------------------------------------------------------- checks


def _meta(cell):
    return dict(cell.get("metadata", {}).get("amiq", {}))


def differences(committed, built):
    """How a committed notebook differs from a fresh build, by content (empty when current).

    Compared: the notebook's ``amiq`` metadata and kernel, then every cell's type, role, exercise
    and source; an expected-output cell's numbers within :data:`RTOL` (their last digits depend
    on the NumPy build). A committed notebook must also carry no outputs.
    """
    problems = []
    for key in ("amiq", "kernelspec"):
        if committed.metadata.get(key) != built.metadata.get(key):
            problems.append(f"metadata.{key} is {committed.metadata.get(key)!r}, "
                            f"expected {built.metadata.get(key)!r}")
    if len(committed.cells) != len(built.cells):
        problems.append(f"{len(committed.cells)} cells, expected {len(built.cells)}")
    for index, (old, new) in enumerate(zip(committed.cells, built.cells), start=1):
        where = f"cell {index}"
        if old.cell_type != new.cell_type or _meta(old) != _meta(new):
            problems.append(f"{where}: {old.cell_type} {_meta(old)}, expected {new.cell_type} "
                            f"{_meta(new)}")
            continue
        if old.source == new.source:
            pass
        elif _meta(new).get("role") == "expected" and same_numbers(old.source, new.source, RTOL):
            pass
        else:
            problems.append(f"{where} ({_meta(new).get('role')}): source differs")
        if old.cell_type == "code" and (old.get("outputs") or old.get("execution_count")):
            problems.append(f"{where}: committed with outputs; notebooks ship clean")
    return problems


def parity_problems(nb_ar, nb_en):
    """Differences between a notebook's two languages that would mean they drifted.

    The same cells in the same order with the same roles; code cells identical except the
    language of ``setup`` and ``check`` cells; every markdown cell written in its own language
    (Arabic letters in the Arabic one, none in the English one); the same code blocks and display
    formulas in each pair of markdown cells.
    """
    problems = []
    if len(nb_ar.cells) != len(nb_en.cells):
        return [f"{len(nb_ar.cells)} Arabic cells, {len(nb_en.cells)} English cells"]
    for index, (ar, en) in enumerate(zip(nb_ar.cells, nb_en.cells), start=1):
        where = f"cell {index}"
        if ar.cell_type != en.cell_type or _meta(ar) != _meta(en):
            problems.append(f"{where}: {ar.cell_type} {_meta(ar)} / {en.cell_type} {_meta(en)}")
            continue
        if ar.cell_type == "code":
            if _meta(ar).get("role") in ("setup", "check"):
                if ar.source.replace('"ar"', '"<lang>"') != en.source.replace('"en"', '"<lang>"'):
                    problems.append(f"{where}: code differs beyond the language")
            elif ar.source != en.source:
                problems.append(f"{where}: code differs between the languages")
            continue
        if not _ARABIC.search(ar.source) or 'dir="rtl"' not in ar.source:
            problems.append(f"{where}: the Arabic cell has no right-to-left Arabic text")
        if _ARABIC.search(en.source):
            problems.append(f"{where}: the English cell contains Arabic letters")
        if ltr_blocks(ar.source) != ltr_blocks(en.source):
            problems.append(f"{where}: code blocks or display formulas differ between languages")
    return problems


# ---------------------------------------------------------------------------------- writing


def sync(unit_ids=None, check=False):
    """Rebuild (or, with ``check``, only compare) the committed notebooks.

    Parameters
    ----------
    unit_ids : iterable of str, optional
        Default: every unit with a notebook source.
    check : bool
        Write nothing; only report.

    Returns
    -------
    dict
        ``{path: [problems]}`` of the notebooks that were missing or stale (rewritten unless
        ``check``).
    """
    import nbformat

    from course.fileio import write_text

    found = {}
    examples = _Examples()
    for unit_id in (units_with_notebooks() if unit_ids is None else unit_ids):
        for path, built in build_unit(unit_id, examples).items():
            if not path.is_file():
                problems = ["missing"]
            else:
                problems = differences(nbformat.read(path, as_version=4), built)
            if problems:
                found[path] = problems
                if not check:
                    write_text(path, notebook_text(built))
    return found


def main(argv=None, out=None):
    """``python -m course.authoring.notebooks [--check] [--unit UNIT ...]``.

    Builds the notebooks of every unit with sources (or the units given) into
    ``course/<unit>/notebooks/``; with ``--check`` only reports stale ones and exits 1 if any.

    Returns
    -------
    int
        The exit status.
    """
    out = out or sys.stdout
    parser = argparse.ArgumentParser(
        prog="python -m course.authoring.notebooks",
        description=_("Build the course notebooks (Arabic and English) from their sources in "
                      "course/<unit>/notebooks/."))
    parser.add_argument("--check", action="store_true",
                        help=_("only report notebooks that differ from their source; exit 1 if any"))
    parser.add_argument("--unit", action="append", default=None,
                        help=_("a unit to build (repeatable; default: every unit with sources)"))
    args = parser.parse_args(argv)
    try:
        found = sync(args.unit, check=args.check)
    except (NotebookSourceError, LocalizedError, KeyError) as error:
        print(str(error), file=sys.stderr)
        return 2
    for path, problems in found.items():
        print(f"{path}: {'; '.join(problems[:3])}", file=out)
    if args.check:
        if found:
            print(ngettext("{count} notebook is not current; run {command}.",
                           "{count} notebooks are not current; run {command}.",
                           len(found)).format(count=len(found),
                                              command=isolate("python -m course.authoring.notebooks")),
                  file=out)
            return 1
        print(_("The notebooks are current."), file=out)
        return 0
    print(ngettext("{count} notebook written.", "{count} notebooks written.",
                   len(found)).format(count=len(found)), file=out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
