"""The exercise pages stay in sync with the code: their expected outputs equal what the reference
prints today on the grader's public cases, and their "common mistakes" list the grader's catalogue."""

import contextlib
import io
import re
from pathlib import Path

import numpy as np
import pytest

from course.authoring import exercise_outputs as eo
from course.catalog import EXERCISES

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "docs" / "content" / "c1w4" / "exercises"
IDS = [ex.id for ex in EXERCISES]


@pytest.fixture(scope="module")
def cases():
    return eo.all_cases()


def _pages(exercise_id):
    return [PAGES / f"{exercise_id}.md", PAGES / f"{exercise_id}.en.md"]


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_page_shows_the_current_reference_output(exercise_id, cases):
    case = cases[exercise_id]
    for page in _pages(exercise_id):
        assert page.exists(), f"missing exercise page {page}"
        blocks = eo.read_blocks(page.read_text(encoding="utf-8"))
        # Exactly one snippet and one output, both for this page's own exercise.
        assert [(kind, ex_id, lang) for kind, ex_id, lang, _ in blocks] == [
            ("case", exercise_id, "python"),
            ("output", exercise_id, "text"),
        ], page
        assert blocks[0][3] == case.code, f"{page}: snippet drifted; re-run the generator"
        # Printed numbers within rtol 1e-9, the text around them exactly.
        drifted = eo.output_differences(blocks[1][3], case.output)
        assert not drifted, f"{page}: expected output drifted; re-run the generator: {drifted}"


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_snippet_as_shown_reproduces_the_output(exercise_id, cases):
    # Run the page's code itself (imports included), pointed at the reference instead of the stub.
    case = cases[exercise_id]
    code = case.code.replace("from course.", "from solutions.")
    assert code != case.code
    out = io.StringIO()
    with np.printoptions(precision=8, suppress=False, linewidth=75, legacy=False):
        with contextlib.redirect_stdout(out):
            exec(compile(code, f"<page {exercise_id}>", "exec"), {})
    assert out.getvalue() == case.output


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


def _recorded_calls(exercise_id):
    """Run a page's snippet with a recorder around the reference; return the calls it made."""
    import copy
    import importlib

    ex = next(e for e in EXERCISES if e.id == exercise_id)
    reference = getattr(importlib.import_module(f"solutions.{ex.unit}.{ex.module}"), ex.id)
    calls = []

    def recorder(*args, **kwargs):
        calls.append((copy.deepcopy(args), copy.deepcopy(kwargs)))
        return reference(*args, **kwargs)

    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(eo._BODIES[exercise_id], "<case>", "exec"), {"np": np, ex.id: recorder})
    return calls


@pytest.mark.parametrize("exercise_id", IDS)
def test_snippets_use_the_graders_public_cases(exercise_id):
    # "Expected output" on a page must be the output of a public check's own input, so a student
    # comparing with the page compares with what the public checks test.
    from grader.cases.c1w4 import public_cases

    public = [(case.args, case.kwargs) for case in public_cases(exercise_id)]
    calls = _recorded_calls(exercise_id)
    assert calls, "the snippet never calls the exercise"
    for args, kwargs in calls:
        assert any(_same(args, p_args) and _same(kwargs, p_kwargs) for p_args, p_kwargs in public), (
            f"{exercise_id}: the page's snippet calls it with inputs that are not a public case"
        )


@pytest.mark.parametrize("exercise_id", IDS)
def test_pages_list_exactly_the_graders_named_mistakes(exercise_id):
    # The grader names a catalogued mistake by its id; the page must explain each one, and must not
    # promise a name the grader does not give.
    import re

    from grader.mistakes import mistakes_of

    catalogue = {m.id for m in mistakes_of(exercise_id)}
    assert catalogue, f"{exercise_id} has no catalogued mistakes"
    pattern = re.compile(r"`(" + re.escape(exercise_id) + r"\.\w+)`")
    for page in _pages(exercise_id):
        mentioned = set(pattern.findall(page.read_text(encoding="utf-8")))
        assert mentioned == catalogue, (
            f"{page.name}: missing {sorted(catalogue - mentioned)}, unknown {sorted(mentioned - catalogue)}"
        )


def test_outputs_do_not_depend_on_global_numpy_state():
    first = eo.run_case("linear_forward")
    np.random.seed(123)
    np.random.randn(7)
    with np.printoptions(precision=3, suppress=True):
        second = eo.run_case("linear_forward")
    assert first == second


def test_published_cost_is_on_the_page(cases):
    # The course's published number anchors the generator to the reference.
    assert "cost = 0.2797765635793422\n" in cases["compute_cost"].output


def test_a_stale_page_is_detected(cases):
    page = (PAGES / "linear_forward.md").read_text(encoding="utf-8")
    assert eo.stale_blocks(page, cases) == []
    tampered = page.replace("3.26295337", "3.26295338")  # 3e-9 relative: beyond rtol 1e-9
    assert tampered != page
    problems = eo.stale_blocks(tampered, cases)
    assert problems[0] == "output block of linear_forward differs from the reference"
    assert len(problems) == 2 and "3.26295337" in problems[1] and "3.26295338" in problems[1]


def test_last_digit_drift_of_a_training_cost_is_not_stale(cases):
    # The drift a newer NumPy/BLAS build gives after 150 iterations (…085775 against …085765).
    page = (PAGES / "two_layer_model.en.md").read_text(encoding="utf-8")
    assert eo.stale_blocks(page, cases) == []
    costs = re.findall(r"Cost after iteration \d+: (\d\.\d{14,})", page)
    assert costs, "the page prints no training cost"
    drifted = page
    for cost in costs:
        last = int(cost[-1])
        drifted = drifted.replace(cost, cost[:-1] + str((last + 1) % 10))
    assert drifted != page
    assert eo.stale_blocks(drifted, cases) == []
    # A text change next to the numbers is still a change.
    renamed = page.replace("Cost after iteration", "Cost at iteration")
    assert eo.stale_blocks(renamed, cases)[0] == (
        "output block of two_layer_model differs from the reference"
    )


def test_a_changed_snippet_or_fence_is_stale(cases):
    page = (PAGES / "predict.md").read_text(encoding="utf-8")
    assert eo.stale_blocks(page, cases) == []
    assert eo.stale_blocks(page.replace("np.random.seed(4)", "np.random.seed(5)"), cases)[0] == (
        "case block of predict differs from the reference"
    )
    assert eo.stale_blocks(page.replace("```text", "```console"), cases)[0] == (
        "output block of predict differs from the reference"
    )


def test_check_command_fails_on_a_stale_folder(tmp_path, capsys):
    assert eo.main(["--check", str(PAGES)]) == 0
    page = (PAGES / "compute_cost.en.md").read_text(encoding="utf-8")
    (tmp_path / "compute_cost.en.md").write_text(
        page.replace("0.2797765635793422\n", "0.28\n"), encoding="utf-8"
    )
    assert eo.main(["--check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "output block of compute_cost differs" in out
    assert "rtol 1e-09" in out  # the tolerance is stated where the result is seen


def test_print_command_renders_marked_blocks(capsys):
    assert eo.main(["predict"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("<!-- amiq:case predict -->\n")
    assert [b[:2] for b in eo.read_blocks(printed)] == [("case", "predict"), ("output", "predict")]


def test_unknown_exercise_is_refused_with_a_bilingual_message(capsys):
    assert eo.main(["no_such_exercise"]) == 2
    err = capsys.readouterr().err
    assert "unknown exercise" in err and "تمرين غير معروف" in err
