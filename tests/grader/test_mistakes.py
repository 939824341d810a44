"""The mistake catalogue: one message per mutant, at least three per exercise, all really wrong."""

import ast
import copy
from pathlib import Path

import numpy as np
import pytest

from course.catalog import EXERCISES
from grader import mistakes
from grader.build import submissions
from grader.cases import c1w4 as cases
from grader.compare import matches
from grader.hidden.c1w4 import _live, mutants

IDS = [ex.id for ex in EXERCISES]
ALL_MUTANTS = [(ex, mid) for ex, group in mutants.MUTANTS.items() for mid in group]
ROOT = Path(__file__).resolve().parents[2]


def test_every_exercise_has_at_least_three_mutants():
    for exercise_id in IDS:
        assert len(mutants.mutants_of(exercise_id)) >= 3, exercise_id


def test_catalogue_and_mutants_are_one_to_one():
    with_code = {mid for _, mid in ALL_MUTANTS}
    assert with_code == set(mistakes.MISTAKES)
    for exercise_id in IDS:
        assert [m.id for m in mistakes.mistakes_of(exercise_id)] == list(
            mutants.mutants_of(exercise_id)
        )


def test_messages_are_bilingual():
    for mistake in mistakes.MISTAKES.values():
        for message in (mistake.title, mistake.fix):
            english, arabic = message.render("en"), message.render("ar")
            assert english and arabic and english != arabic, mistake.id


def test_mistakes_module_ships_no_code_of_the_mutants():
    tree = ast.parse((ROOT / "grader" / "mistakes.py").read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
         for alias in node.names}
    assert imported <= {"course.i18n", "grader.feedback"}


def _run(function, case):
    try:
        return mutants.run(function, case.args, case.kwargs)[0]
    except Exception:  # noqa: BLE001 - a mutant that raises is also "different"
        return "raised"


def _mutates(function, case):
    args = copy.deepcopy(list(case.args))
    before = copy.deepcopy(args)
    function(*args, **case.kwargs)
    return any(not _same(a, b) for a, b in zip(args, before))


def _same(a, b):
    if isinstance(a, np.ndarray):
        return np.array_equal(a, b)
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


@pytest.mark.parametrize("exercise_id, mistake_id", ALL_MUTANTS)
def test_each_mutant_differs_from_the_reference_on_public_and_hidden_cases(
    exercise_id, mistake_id
):
    function = mutants.mutants_of(exercise_id)[mistake_id]
    reference = _live.reference(exercise_id)
    rng = np.random.default_rng(2024)
    for label, case_list in (
        ("public", cases.public_cases(exercise_id)),
        ("hidden", cases.hidden_cases(exercise_id, rng)),
    ):
        differs = False
        for case in case_list:
            got = _run(function, case)
            expected = mutants.run(reference, case.args, case.kwargs)[0]
            if isinstance(got, str) or not matches(got, expected):
                differs = True
            elif _mutates(function, case):
                differs = True
        assert differs, f"{mistake_id} looks like the reference on the {label} cases"


@pytest.mark.parametrize("exercise_id, mistake_id", ALL_MUTANTS)
def test_mutant_source_pastes_into_a_valid_submission(exercise_id, mistake_id):
    sources = submissions.mutant_sources(mistake_id)
    reference = submissions.reference_sources()
    changed = [name for name in sources if sources[name] != reference[name]]
    assert len(changed) == 1
    tree = ast.parse(sources[changed[0]])
    names = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert names.count(exercise_id) == 1
    assert not any(n.startswith("_") for n in names)  # the mutant's own name is gone


def test_run_restores_numpy_global_state_and_captures_output():
    np.random.seed(5)
    state = np.random.get_state()[1].copy()
    value, stdout = mutants.run(mutants.mutants_of("predict")["predict.ge_threshold"],
                                cases.public_cases("predict")[0].args)
    assert stdout.startswith("Accuracy: ")
    mutants.run(_live.reference("initialize_parameters"), (3, 2, 1))
    assert np.array_equal(np.random.get_state()[1], state)
