"""Generated blocks in the lesson pages stay current, and each exercise's requirement is the same
text in the reference docstring, on the page (both languages) and in the grader's feedback.

Printed numbers are compared within the writer's tolerance (never byte for byte): their last
digits depend on the NumPy/BLAS build.
"""

import contextlib
import copy
import importlib
import io
import re
import shutil

import numpy as np
import pytest

from course.authoring import docs_blocks
from course.authoring.docs_blocks import CONTENT_DIR, RTOL, requirement_text, run_example, stale
from course.units import all_units, resolve

IDS = [ex.id for unit in all_units().values() for ex in unit.exercises]
PAGES = CONTENT_DIR / "c1w4" / "exercises"  # the unit-specific examples below are c1w4's


def _pages(exercise_id):
    ex = resolve(exercise_id)
    folder = CONTENT_DIR / ex.unit / "exercises"
    return [folder / f"{ex.name}.md", folder / f"{ex.name}.en.md"]


def test_every_pages_generated_blocks_are_current():
    assert docs_blocks.sync(check=True) == {}


def test_every_exercise_has_an_example_on_both_of_its_pages():
    assert docs_blocks.exercises_with_examples() == IDS
    for exercise_id in IDS:
        for page in _pages(exercise_id):
            text = page.read_text(encoding="utf-8")
            kinds = re.findall(r"<!--\s*amiq:(case|output)\s+([\w.]+)\s*-->", text)
            assert kinds == [("case", exercise_id), ("output", exercise_id)], page


def test_a_number_moved_beyond_the_tolerance_is_reported_and_within_it_is_not():
    page = PAGES / "linear_forward.en.md"
    text = page.read_text(encoding="utf-8")
    assert stale(text, "en") == []
    assert "3.26295337" in text
    moved = text.replace("3.26295337", "3.26295338")  # 3e-9 relative: beyond 1e-9
    assert stale(moved, "en") == [
        f"output block of c1w4.linear_forward differs from what the reference prints (numbers "
        f"compared within rtol {RTOL:g})"]
    printed = run_example("c1w4.compute_cost").output
    value = float(re.search(r"cost = (\S+)", printed).group(1))
    close = printed.replace(repr(value), repr(value * (1 + RTOL / 10)))
    assert close != printed
    cost_page = (PAGES / "compute_cost.en.md").read_text(encoding="utf-8")
    assert stale(cost_page.replace(printed, close), "en") == []


def test_edited_snippets_and_requirements_are_reported():
    text = (PAGES / "compute_cost.en.md").read_text(encoding="utf-8")
    snippet = text.replace("AL = np.array([[0.8, 0.9, 0.4]])", "AL = np.array([[0.8, 0.9, 0.5]])")
    assert stale(snippet, "en") == ["case block of c1w4.compute_cost differs from the example"]
    requirement = text.replace("a `(1, 1)` array is not.", "a `(1, 1)` array is fine.")
    assert requirement != text
    assert stale(requirement, "en") == [
        "requirement block of c1w4.compute_cost is not the declared text"]


def test_sync_rewrites_only_the_stale_blocks(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(PAGES, root / "c1w4" / "exercises")
    page = root / "c1w4" / "exercises" / "linear_forward.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("3.26295337", "9.99999999"), encoding="utf-8")
    found = docs_blocks.sync(root, check=True)
    assert list(found) == [page]
    assert "9.99999999" in page.read_text(encoding="utf-8")  # check only: untouched
    docs_blocks.sync(root)
    rewritten = page.read_text(encoding="utf-8")
    assert "9.99999999" not in rewritten and docs_blocks.sync(root, check=True) == {}
    before = text.split("<!-- amiq:case")[0]
    assert rewritten.split("<!-- amiq:case")[0] == before  # the prose is untouched


@pytest.mark.parametrize("name", ["predict.md", "compute_cost.en.md"])
def test_rendering_a_current_page_changes_nothing_but_last_digits(name):
    from course.authoring.numbers import same_numbers

    text = (PAGES / name).read_text(encoding="utf-8")
    rendered = docs_blocks.render(text, docs_blocks.page_language(PAGES / name))
    assert same_numbers(rendered, text, RTOL)
    assert stale(rendered, docs_blocks.page_language(PAGES / name)) == []


def test_examples_do_not_depend_on_global_numpy_state():
    first = run_example("c1w4.linear_forward")
    np.random.seed(123)
    np.random.randn(7)
    with np.printoptions(precision=3, suppress=True):
        second = run_example("linear_forward")
    assert first == second


def test_the_snippet_as_shown_reproduces_the_output():
    # Run the page's code itself (imports included), pointed at the reference.
    for exercise_id in IDS:
        example = run_example(exercise_id)
        code = example.code.replace("from course.", "from solutions.")
        assert code != example.code
        out = io.StringIO()
        with np.printoptions(precision=8, suppress=False, linewidth=75, legacy=False):
            with contextlib.redirect_stdout(out):
                exec(compile(code, f"<page {exercise_id}>", "exec"), {})  # noqa: S102
        assert out.getvalue() == example.output, exercise_id


def test_published_cost_is_on_the_page():
    # The course's published number anchors the examples to the reference.
    assert "cost = 0.2797765635793422\n" in run_example("c1w4.compute_cost").output


def _same(a, b):
    """Deep equality of call arguments: arrays by value and shape, containers element-wise."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and np.array_equal(a, b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("exercise_id", IDS)
def test_snippets_call_the_exercise_on_a_public_case(exercise_id):
    # A student comparing with the page compares with what the public checks test.
    ex = resolve(exercise_id)
    public = importlib.import_module(f"course.{ex.unit}.grading.cases").PUBLIC[ex.name]()
    reference = getattr(importlib.import_module(f"solutions.{ex.unit}.{ex.module}"), ex.name)
    calls = []

    def recorder(*args, **kwargs):
        calls.append((copy.deepcopy(args), copy.deepcopy(kwargs)))
        return reference(*args, **kwargs)

    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(docs_blocks.example_body(ex), "<case>", "exec"),  # noqa: S102
             {"np": np, ex.name: recorder})
    assert calls, "the snippet never calls the exercise"
    for args, kwargs in calls:
        assert any(_same(args, c.args) and _same(kwargs, c.kwargs) for c in public), (
            f"{exercise_id}: the page's snippet calls it with inputs that are not a public case")


@pytest.mark.parametrize("exercise_id", IDS)
def test_pages_list_exactly_the_graders_named_mistakes(exercise_id):
    ex = resolve(exercise_id)
    mistakes = importlib.import_module(f"course.{ex.unit}.grading.mistakes").MISTAKES
    catalogue = {m for m in mistakes if m.startswith(ex.name + ".")}
    assert catalogue, f"{exercise_id} has no catalogued mistakes"
    pattern = re.compile(r"`(" + re.escape(ex.name) + r"\.\w+)`")
    for page in _pages(exercise_id):
        mentioned = set(pattern.findall(page.read_text(encoding="utf-8")))
        assert mentioned == catalogue, (
            f"{page.name}: missing {sorted(catalogue - mentioned)}, "
            f"unknown {sorted(mentioned - catalogue)}")


# --------------------------------------------------------------------------------------------
# Requirements (issue 8 section 5): docstring, page and grader feedback say the same thing.
# --------------------------------------------------------------------------------------------


def _declared():
    out = []
    for unit in all_units().values():
        checks = importlib.import_module(f"course.{unit.id}.grading.checks").CHECKS
        out += [(f"{unit.id}.{c.name}", c) for c in checks if c.requirement]
    return out


REQUIRED = [exercise_id for exercise_id, _ in _declared()]


def _normalised(text):
    return " ".join(text.split())


def _as_in_docstrings(text):
    """``text`` with reST inline literals (````x````, as numpydoc docstrings write them) as
    Markdown's ```x``` (as the declarations and pages write them), whitespace normalised."""
    return _normalised(text.replace("``", "`"))


def test_requirements_are_declared():
    assert REQUIRED, "no exercise declares a requirement"
    assert "c1w4.compute_cost" in REQUIRED


@pytest.mark.parametrize("exercise_id", REQUIRED)
def test_the_reference_docstring_quotes_the_requirement(exercise_id):
    ex = resolve(exercise_id)
    function = getattr(importlib.import_module(f"solutions.{ex.unit}.{ex.module}"), ex.name)
    stub = getattr(importlib.import_module(f"course.{ex.unit}.{ex.module}"), ex.name)
    for lang in ("en", "ar"):
        quoted = _as_in_docstrings(requirement_text(exercise_id, lang))
        assert quoted in _as_in_docstrings(function.__doc__), lang
        assert quoted in _as_in_docstrings(stub.__doc__), lang


@pytest.mark.parametrize("exercise_id", REQUIRED)
def test_both_lesson_pages_show_the_requirement_in_their_language(exercise_id):
    for page in _pages(exercise_id):
        lang = docs_blocks.page_language(page)
        text = page.read_text(encoding="utf-8")
        blocks = re.findall(r"<!--\s*amiq:requirement\s+" + re.escape(exercise_id)
                            + r"\s*-->\n(.*?)^<!--\s*/amiq:requirement\s*-->", text,
                            re.MULTILINE | re.DOTALL)
        assert len(blocks) == 1, page
        assert _normalised(blocks[0]) == _normalised("> " + requirement_text(exercise_id, lang))


@pytest.mark.parametrize("exercise_id", REQUIRED)
def test_the_arabic_page_quotes_an_arabic_requirement(exercise_id):
    arabic = requirement_text(exercise_id, "ar")
    assert arabic != requirement_text(exercise_id, "en")
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic)


def _numbers_with_requirement(structure, found):
    """Every structure inside ``structure`` that carries a ``requirement``."""
    from grader.structures import Each, Map, Seq

    if getattr(structure, "requirement", None):
        found.append(structure)
    if isinstance(structure, Seq):
        for _, item in structure.items:
            _numbers_with_requirement(item, found)
    elif isinstance(structure, (Map, Each)):
        _numbers_with_requirement(structure.item, found)
    return found


def test_a_structure_quotes_only_its_exercises_own_requirement():
    for exercise_id, decl in _declared():
        for structure in _numbers_with_requirement(decl.returns, []):
            assert structure.requirement == decl.requirement, exercise_id


WRONG_TYPES = {"a (1, 1) array": "    return np.array([[0.28]])\n",
               "a list": "    return [0.28]\n",
               "a string": "    return '0.28'\n"}


@pytest.mark.parametrize("wrong", sorted(WRONG_TYPES))
def test_the_graders_type_feedback_quotes_the_requirement(wrong):
    from grader.build import inprocess
    from grader_test_support import with_body

    report = inprocess.run_checks(with_body("compute_cost", WRONG_TYPES[wrong]),
                                  ["compute_cost"], hidden=True)
    english = requirement_text("c1w4.compute_cost", "en")
    assert report.outcomes and report.score() == 0
    for outcome in report.outcomes:
        details = [d.render("en") for d in outcome.details]
        assert english in details, (outcome.id, details)
        arabic = [d.render("ar") for d in outcome.details]
        assert requirement_text("c1w4.compute_cost", "ar") in arabic


QUIZ_PAGES = [CONTENT_DIR / unit / name for unit in ("c1w3", "c1w4")
              for name in ("quiz.md", "quiz.en.md")]


@pytest.mark.parametrize("page", QUIZ_PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_quiz_pages_hold_the_generated_practice_quiz(page):
    text = page.read_text(encoding="utf-8")
    unit = page.parent.name
    assert f"<!-- amiq:quiz {unit} -->" in text and page in docs_blocks.pages()
    assert stale(text, docs_blocks.page_language(page)) == []


def test_an_edited_practice_answer_is_stale_and_sync_restores_it(tmp_path):
    page = tmp_path / "c1w4" / "quiz.en.md"
    page.parent.mkdir()
    original = (CONTENT_DIR / "c1w4" / "quiz.en.md").read_text(encoding="utf-8")
    edited = re.sub(r"(\?\?\? note \"Answer\"\n\n    )`\d+`", r"\1`12345`", original, count=1)
    assert edited != original
    page.write_text(edited, encoding="utf-8")
    assert docs_blocks.sync(tmp_path, check=True) == {
        page: ["quiz block of c1w4 is not the generated practice quiz"]}
    docs_blocks.sync(tmp_path)
    assert docs_blocks.sync(tmp_path, check=True) == {}
    assert page.read_text(encoding="utf-8").split("<!-- amiq:quiz")[0] == \
        original.split("<!-- amiq:quiz")[0]  # the prose is untouched
