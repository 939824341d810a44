"""The code of c1w4's catalogued mistakes: every edit applies, every mutant really is wrong."""

import ast
import copy

import numpy as np
import pytest

from course.c1w4.grading.cases import PUBLIC
from grader import mutate
from grader.build import submissions
from grader.compare import matches
from grader.sources import HiddenData
from solutions.c1w4.grading.mutants import MUTANTS

DATA = HiddenData("c1w4")
RAISED = object()  # matches nothing


def _name(mistake_id):
    return mistake_id.split(".", 1)[0]


def test_every_edit_applies_exactly_once_and_compiles():
    built = {}
    for mistake_id, edit in MUTANTS.items():
        # build() applies each replacement in turn and raises EditError unless its text occurs
        # exactly once at that point.
        reference = DATA.reference(_name(mistake_id))
        source = mutate.function_source(reference)
        built[mistake_id] = mutate.build(reference, edit, mistake_id)
        assert built[mistake_id].mutant_source != source
    assert len(built) == len(MUTANTS) == 57


def _run(function, case):
    try:
        return mutate.run(function, case.args, case.kwargs)[0]
    except Exception:  # noqa: BLE001 - a mutant that raises is also "different"
        return RAISED


def _changes_its_inputs(function, case):
    args = copy.deepcopy(list(case.args))
    before = copy.deepcopy(args)
    function(*args, **case.kwargs)
    return not matches(args, before)


@pytest.mark.parametrize("mistake_id", list(MUTANTS))
def test_each_mutant_differs_from_the_reference_on_a_public_or_hidden_case(mistake_id):
    name = _name(mistake_id)
    function = DATA.mutants(name)[mistake_id]
    reference = DATA.reference(name)
    cases = PUBLIC[name]() + DATA.cases(name, np.random.default_rng(2024))
    differs = [c.name for c in cases
               if not matches(_run(function, c), mutate.run(reference, c.args, c.kwargs)[0])]
    if mistake_id == "update_parameters.in_place":
        # Same values; what is wrong is that params changes: the hidden "inputs" check.
        assert differs == []
        assert all(_changes_its_inputs(function, c) for c in cases)
        assert not any(_changes_its_inputs(reference, c) for c in cases)
    else:
        assert differs, f"{mistake_id} gives the reference's outputs on every case"


@pytest.mark.parametrize("mistake_id", list(MUTANTS))
def test_mutant_source_pastes_into_a_valid_submission(mistake_id):
    name = _name(mistake_id)
    sources = submissions.mutant_sources(mistake_id)
    reference = submissions.reference_sources()
    changed = [f for f in sources if sources[f] != reference[f]]
    assert len(changed) == 1
    tree = ast.parse(sources[changed[0]])
    names = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert names.count(name) == 1
    assert not any(n.startswith("_") for n in names)  # nothing but the one function changed
