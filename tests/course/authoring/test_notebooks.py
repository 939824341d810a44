"""The notebook builder: the source format, right-to-left Arabic, what each notebook holds, the two
languages' parity, the committed notebooks' currency and the absence of solution code."""

import copy
import re
from pathlib import Path

import nbformat
import pytest

from course.authoring import notebooks as nbb
from course.authoring.docs_blocks import run_example
from course.authoring.numbers import parse_numbers, same_numbers
from course.authoring.release import published_lines, solution_only_lines
from course.units import get_unit

ROOT = Path(__file__).resolve().parents[3]
UNITS = nbb.units_with_notebooks()
NOTEBOOKS = [(u, a.id) for u in UNITS for a in nbb.assignments_with_sources(u)]


@pytest.fixture(scope="module")
def built():
    """``{(unit, assignment, lang): NotebookNode}`` built once from the sources."""
    examples = nbb._Examples()
    return {(u, a, lang): nbb.build_notebook(u, a, lang, examples)
            for u, a in NOTEBOOKS for lang in nbb.LANGUAGES}


def _cells(nb, role=None):
    return [c for c in nb.cells if role is None or c.metadata["amiq"]["role"] == role]


# ------------------------------------------------------------------------------ source format


SOURCE = """\
# header, ignored
# %% [markdown] en
# # Title
#
# Text with `code`.
# %% [markdown] ar
# # العنوان
# %% [setup]
# %% [code]
x = 1

# %% [example] linear_forward
# %% [check] linear_forward
"""


def test_a_source_is_cut_into_cells_with_paired_languages():
    cells = nbb.parse_source(SOURCE)
    assert [(c.kind, c.arg) for c in cells] == [
        ("markdown", None), ("setup", None), ("code", None), ("example", "linear_forward"),
        ("check", "linear_forward")]
    assert cells[0].text == {"en": "# Title\n\nText with `code`.", "ar": "# العنوان"}
    assert cells[2].text == "x = 1"


@pytest.mark.parametrize("text, line, words", [
    ("# %% [markdown] en\n# only English\n# %% [code]\nx = 1\n", 1, "Arabic cell"),
    ("# %% [markdown] ar\n# عربي\n", 1, "no English cell"),
    ("# %% [markdown] en\n# English\n", 1, "Arabic cell"),
    ("# %% [markdown]\n# text\n", 1, "its language"),
    ("# %% [markdown] en\n# a\nnot a comment\n# %% [markdown] ar\n# ب\n", 3, "must start with"),
    ("# %% [picture]\n", 1, "unknown cell kind"),
    ("# %% picture\n", 1, "unknown cell marker"),
    ("# %% [setup]\nimport os\n", 1, "leave its body empty"),
    ("# %% [check]\n", 1, "needs an exercise name"),
    ("# %% [code]\n\n", 1, "code cell is empty"),
])
def test_malformed_sources_name_the_line_and_the_problem(text, line, words, lang):
    lang("en")
    with pytest.raises(nbb.NotebookSourceError) as info:
        nbb.parse_source(text, "src.py")
    assert f"src.py, line {line}:" in str(info.value)
    assert words in str(info.value)
    lang("ar")
    with pytest.raises(nbb.NotebookSourceError) as info:
        nbb.parse_source(text, "src.py")
    assert "السطر" in str(info.value)


def test_source_problems_require_setup_and_every_exercise_in_order():
    unit = get_unit("c1w4")
    assignment = unit.assignments[0]
    good = nbb.parse_source("# %% [setup]\n" + "".join(
        f"# %% [example] {n}\n# %% [check] {n}\n" for n in assignment.exercises))
    assert nbb.source_problems(good, unit, assignment) == []
    swapped = [good[0], good[2], good[1], *good[3:]]
    assert any("before its [example]" in p for p in nbb.source_problems(swapped, unit, assignment))
    missing = [c for c in good if c.arg != "linear_forward"]
    assert any("[example] cells name" in p for p in nbb.source_problems(missing, unit, assignment))
    no_setup = good[1:]
    assert any("[setup]" in p for p in nbb.source_problems(no_setup, unit, assignment))


# ------------------------------------------------------------------------------ right to left


def test_arabic_prose_is_wrapped_right_to_left_and_code_and_math_stay_left_to_right():
    text = ("## التمرين `linear_forward`\n\nالشكل `(n_l, 1)` والصيغة $Z = WA + b$.\n\n"
            "```python\nZ = W @ A\n```\n\n$$\nZ^{[l]} = W^{[l]} A^{[l-1]}\n$$\n\nنص أخير.")
    out = nbb.rtl_markdown(text)
    # Prose in RTL divs with blank lines inside (so the markdown in them is still parsed).
    divs = re.findall(r'<div dir="rtl" lang="ar">\n\n(.*?)\n\n</div>', out, re.DOTALL)
    assert len(divs) == 2
    assert '<span dir="ltr">`(n_l, 1)`</span>' in divs[0]
    assert '<span dir="ltr">$Z = WA + b$</span>' in divs[0]
    assert '<span dir="ltr">`linear_forward`</span>' in divs[0]
    assert divs[1] == "نص أخير."
    # Code blocks and display math outside any div, untouched.
    outside = re.sub(r'<div dir="rtl" lang="ar">.*?</div>', "", out, flags=re.DOTALL)
    assert "```python\nZ = W @ A\n```" in outside
    assert "$$\nZ^{[l]} = W^{[l]} A^{[l-1]}\n$$" in outside
    assert nbb.ltr_blocks(out) == nbb.ltr_blocks(text) == [
        "```python\nZ = W @ A\n```", "$$\nZ^{[l]} = W^{[l]} A^{[l-1]}\n$$"]


# ------------------------------------------------------------------------------ contents


@pytest.mark.parametrize("unit_id", ["c1w3", "c1w4"])
def test_every_assignment_of_the_unit_has_a_source(unit_id):
    assert unit_id in UNITS
    assert [a.id for a in nbb.assignments_with_sources(unit_id)] == \
        [a.id for a in get_unit(unit_id).assignments]


@pytest.mark.parametrize("unit_id, assignment_id", NOTEBOOKS)
@pytest.mark.parametrize("lang", nbb.LANGUAGES)
def test_a_notebook_walks_through_its_exercises_in_order(built, unit_id, assignment_id, lang):
    nb = built[(unit_id, assignment_id, lang)]
    nbformat.validate(nb)
    assert nb.metadata["amiq"] == {"unit": unit_id, "assignment": assignment_id, "lang": lang}
    assert nb.metadata["kernelspec"]["language"] == "python"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].metadata["amiq"]["role"] == "setup"
    assert f'setup("{lang}", unit="{unit_id}")' in code[0].source
    assert "%autoreload 2" in code[0].source
    unit = get_unit(unit_id)
    names = next(a for a in unit.assignments if a.id == assignment_id).exercises
    ids = [f"{unit_id}.{n}" for n in names]
    roles = [(c.metadata["amiq"]["role"], c.metadata["amiq"].get("exercise"))
             for c in nb.cells if c.metadata["amiq"]["role"] in ("example", "expected", "check")]
    assert roles == [(r, i) for i in ids for r in ("example", "expected", "check")]
    for cell in _cells(nb, "check"):
        assert cell.source == f'grader.check("{cell.metadata["amiq"]["exercise"]}", lang="{lang}");'
    assert len({c.id for c in nb.cells}) == len(nb.cells)


@pytest.mark.parametrize("unit_id, assignment_id", NOTEBOOKS)
def test_examples_import_the_students_functions_and_show_the_references_output(
        built, unit_id, assignment_id):
    for lang in nbb.LANGUAGES:
        nb = built[(unit_id, assignment_id, lang)]
        examples = _cells(nb, "example")
        expected = _cells(nb, "expected")
        for example, shown in zip(examples, expected):
            exercise_id = example.metadata["amiq"]["exercise"]
            ex = get_unit(unit_id).exercise(exercise_id)
            reference = run_example(exercise_id)
            assert example.source.splitlines()[0] == f"%%exercise {exercise_id}"
            assert f"from course.{unit_id}.{ex.module} import {ex.name}" in example.source
            assert "solutions" not in example.source
            block = re.search(r"```text\n(.*?)```", shown.source, re.DOTALL).group(1)
            assert same_numbers(block, reference.output, rtol=1e-12)
            assert parse_numbers(block)[1], "an expected output with no number in it"


@pytest.mark.parametrize("unit_id, assignment_id", NOTEBOOKS)
def test_both_languages_have_the_same_cells(built, unit_id, assignment_id):
    assert nbb.parity_problems(built[(unit_id, assignment_id, "ar")],
                               built[(unit_id, assignment_id, "en")]) == []


def test_parity_notices_drift_between_the_languages(built):
    ar, en = built[NOTEBOOKS[0] + ("ar",)], built[NOTEBOOKS[0] + ("en",)]
    code = next(i for i, c in enumerate(en.cells) if c.metadata["amiq"]["role"] == "example")
    prose = next(i for i, c in enumerate(en.cells) if c.metadata["amiq"]["role"] == "prose")
    drifted = copy.deepcopy(en)
    drifted.cells[code].source += "\nprint('only in English')"
    assert any("code differs" in p for p in nbb.parity_problems(ar, drifted))
    drifted = copy.deepcopy(en)
    drifted.cells[prose].source += "\n\nكلمة"
    assert any("Arabic letters" in p for p in nbb.parity_problems(ar, drifted))
    drifted = copy.deepcopy(ar)
    drifted.cells[prose].source = "English only"
    assert any("right-to-left" in p for p in nbb.parity_problems(drifted, en))
    drifted = copy.deepcopy(en)
    del drifted.cells[prose]
    assert nbb.parity_problems(ar, drifted)


# ------------------------------------------------------------------------------ currency


@pytest.mark.parametrize("unit_id, assignment_id", NOTEBOOKS)
@pytest.mark.parametrize("lang", nbb.LANGUAGES)
def test_committed_notebooks_are_what_the_source_builds(built, unit_id, assignment_id, lang):
    path = nbb.notebook_path(unit_id, assignment_id, lang)
    assert path.is_file(), f"{path} missing: run python -m course.authoring.notebooks"
    committed = nbformat.read(path, as_version=4)
    problems = nbb.differences(committed, built[(unit_id, assignment_id, lang)])
    assert problems == [], f"{path.name} is stale ({problems[:3]}): run python -m course.authoring.notebooks"


_DECIMAL = re.compile(r"[-+]?\d+\.\d+(?:e[-+]?\d+)?")


@pytest.mark.parametrize("unit_id, assignment_id", NOTEBOOKS)
def test_currency_compares_numbers_within_a_tolerance_and_catches_real_changes(
        built, unit_id, assignment_id):
    fresh = built[(unit_id, assignment_id, "en")]
    # The first expected output with a decimal number in it (some print only integers).
    index = next(i for i, c in enumerate(fresh.cells)
                 if c.metadata["amiq"]["role"] == "expected" and _DECIMAL.search(c.source))
    text = fresh.cells[index].source
    last = list(_DECIMAL.finditer(text))[-1]

    def with_number(value):
        changed = copy.deepcopy(fresh)
        changed.cells[index].source = text[:last.start()] + repr(value) + text[last.end():]
        return changed

    value = float(last.group(0))
    assert nbb.differences(with_number(value * (1 + 1e-12) or 1e-15), fresh) == []
    assert nbb.differences(with_number(value + 0.5), fresh) != []
    executed = copy.deepcopy(fresh)
    setup = next(c for c in executed.cells if c.metadata["amiq"]["role"] == "setup")
    setup.outputs = [nbformat.v4.new_output("stream", text="Ready.\n")]
    assert any("outputs" in p for p in nbb.differences(executed, fresh))


def test_the_check_mode_of_the_command_reports_current_notebooks(capsys):
    assert nbb.main(["--check"]) == 0
    assert capsys.readouterr().out.strip()


# ------------------------------------------------------------------------------ no solutions


def _all_lines(nb, roles=None):
    """Stripped lines of the cells of ``roles`` (all cells by default); an expected-output cell
    counts without its printed block (see :func:`test_no_notebook_contains_a_line_of_solution_code`)."""
    lines = set()
    for cell in nb.cells:
        role = cell.metadata.get("amiq", {}).get("role")
        if roles is not None and role not in roles:
            continue
        text = cell.source
        if role == "expected":
            before, _, after = text.partition("```text\n" + nbb.expected_block(text))
            text = before + after
        lines |= {line.strip() for line in text.splitlines()}
    return lines


@pytest.mark.parametrize("unit_id, assignment_id", NOTEBOOKS)
@pytest.mark.parametrize("lang", nbb.LANGUAGES)
def test_no_notebook_contains_a_line_of_solution_code(unit_id, assignment_id, lang):
    secret = solution_only_lines(ROOT / "solutions")
    assert secret, "no solution lines found: the scan would prove nothing"
    nb = nbformat.read(nbb.notebook_path(unit_id, assignment_id, lang), as_version=4)
    # Allowed, as the release allows them: an example cell's lines that are the lesson pages'
    # examples (they may call an exercise as a solution line does: ``A2, cache =
    # forward_propagation(X, parameters)``), and what an example prints, shown in the expected-
    # output cells (``n_h = 4`` is printed output). Nothing else may repeat a solution line.
    strict = {"prose", "setup", "code", "expected", "check"}
    assert {c.metadata["amiq"]["role"] for c in nb.cells} <= strict | {"example"}
    assert not sorted(_all_lines(nb, strict) & secret)
    published = published_lines(ROOT / "course", [unit_id])
    assert not sorted((_all_lines(nb, {"example"}) & secret) - published)


def test_the_solution_scan_would_catch_a_leak(built):
    secret = sorted(solution_only_lines(ROOT / "solutions"))
    leaky = copy.deepcopy(built[NOTEBOOKS[0] + ("en",)])
    leaky.cells.append(nbformat.v4.new_code_cell("    " + secret[0],
                                                 metadata={"amiq": {"role": "code"}}))
    assert _all_lines(leaky, {"code"}) & set(secret)
    # A published example line is a leak anywhere but in an example cell.
    published = sorted(set(secret) & published_lines(ROOT / "course", UNITS))
    assert published, "no example repeats a solution line: the exemption is never exercised"
    leaky.cells.append(nbformat.v4.new_markdown_cell(f"```python\n{published[0]}\n```",
                                                     metadata={"amiq": {"role": "prose"}}))
    assert published[0] in _all_lines(leaky, {"prose"}) & set(secret)
    # An expected-output cell's printed block is exempt, the rest of the cell is not.
    expected = nbb.expected_markdown(f"{secret[0]}\n", "en")
    assert nbb.expected_block(expected) == f"{secret[0]}\n"
    leaky.cells.append(nbformat.v4.new_markdown_cell(expected, metadata={"amiq": {"role": "expected"}}))
    assert secret[0] not in _all_lines(leaky, {"expected"})
    leaky.cells[-1].source = secret[0] + "\n\n" + expected
    assert secret[0] in _all_lines(leaky, {"expected"})
