"""Whole submissions as source text: the reference, the unfilled stubs, or one mutant pasted in.

التسليمات كاملةً نصًّا: الحل المرجعي، أو الهياكل غير المحلولة، أو متحوِّر واحد مُدرَج.

A submission is ``{file name: text}`` for a unit's submission modules (for c1w4
``step_by_step.py`` and ``cat_classifier.py``), the same files a student hands in. The out-of-process
tests write these to a folder and grade it with the engine; the in-process runner
(:mod:`grader.build.inprocess`) imports them directly.
"""

import ast
from pathlib import Path

from course.units import get_unit

ROOT = Path(__file__).resolve().parents[2]


def _module_file(module):
    return f"{module}.py"


def reference_sources(unit="c1w4"):
    """The reference modules' text, ``{file name: text}``."""
    folder = ROOT / "solutions" / unit
    return {
        _module_file(m): (folder / _module_file(m)).read_text(encoding="utf-8")
        for m in get_unit(unit).submission_modules
    }


def stub_sources(unit="c1w4"):
    """The unfilled stubs as generated from the reference (not the student's working copy)."""
    from course.authoring.stubs import render_unit

    rendered = render_unit(ROOT / "solutions", unit)
    return {_module_file(m): rendered[_module_file(m)] for m in get_unit(unit).submission_modules}


def replace_function(source, name, new_source):
    """Replace the top-level function ``name`` (decorators included) in a module's source.

    Parameters
    ----------
    source : str
        The module's text.
    name : str
        The function to replace.
    new_source : str
        The replacement ``def`` (any name; it is not renamed here).

    Returns
    -------
    str

    Raises
    ------
    KeyError
        When the module defines no top-level function ``name``.
    """
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            start = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
            end = node.end_lineno
            lines = source.splitlines(keepends=True)
            replacement = new_source if new_source.endswith("\n") else new_source + "\n"
            return "".join(lines[:start]) + replacement + "".join(lines[end:])
    raise KeyError(f"no top-level function {name!r}")


def with_function(sources, name, function_source, unit="c1w4"):
    """``sources`` with exercise ``name``'s function replaced by ``function_source``."""
    filename = _module_file(get_unit(unit).exercise(name).module)
    out = dict(sources)
    out[filename] = replace_function(sources[filename], name, function_source)
    return out


def mutant_sources(mistake_id, unit="c1w4"):
    """The reference submission with one exercise replaced by the mutant of ``mistake_id``."""
    from grader.sources import HiddenData

    name = mistake_id.split(".", 1)[0]
    function = HiddenData(unit).mutants(name)[mistake_id]
    return with_function(reference_sources(unit), name, function.mutant_source, unit)


def write(sources, directory):
    """Write a submission's files into ``directory`` (created if needed); returns the path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in sources.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory
