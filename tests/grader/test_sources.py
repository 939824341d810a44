"""Where checks get inputs and expected outputs: stored public data, or the live reference."""

import json

import numpy as np
import pytest

from course.c1w4.grading.cases import PUBLIC
from grader import sources
from grader.cases import Case
from grader.judging.common import MISSING
from grader.sources import HiddenData, PublicData, StoredCase, received
from grader_test_support import NAMES
from solutions.c1w4 import step_by_step as ref


def test_received_values_are_private_copies_of_the_same_types():
    value = (np.ones((2, 1)), [1, 2.5], {"a": np.float64(0.5)}, "text", None)
    got = received(value)
    assert type(got) is tuple and type(got[1]) is list and type(got[2]["a"]) is np.float64
    np.testing.assert_array_equal(got[0], value[0])
    got[0][0, 0] = 9.0
    assert value[0][0, 0] == 1.0


def test_public_data_holds_every_public_case_of_every_exercise_in_order():
    data = PublicData("c1w4")
    for name in NAMES:
        cases = PUBLIC[name]()
        stored = data.stored(name, [c.name for c in cases])
        for case, s in zip(cases, stored):
            assert s.case.name == case.name
            assert _same(list(s.case.args), list(case.args)), (name, case.name)
            assert _same(s.case.kwargs, case.kwargs)
            assert s.mutants, f"{name}/{case.name} stores no mistake's output"
            assert all(mid.startswith(name + ".") for mid in s.mutants)
        assert data.arg_names(name) == tuple(HiddenData("c1w4").arg_names(name))


def _same(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (type(a) is type(b) and a.shape == b.shape and a.dtype == b.dtype
                and np.array_equal(a, b))
    if isinstance(a, dict):
        return type(b) is dict and list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and a == b


def test_stored_outputs_are_the_reference_outputs_bit_for_bit():
    (stored,) = PublicData("c1w4").stored("compute_cost", ["course"])
    value = ref.compute_cost(*stored.case.args)
    assert type(stored.expected) is np.ndarray and stored.expected.shape == ()
    assert stored.expected.tobytes() == value.tobytes()
    # The (1, 1) mistake keeps its shape through the file.
    assert stored.mutants["compute_cost.not_squeezed"].shape == (1, 1)


def test_gradient_cases_store_the_forward_output_at_their_point():
    (stored,) = PublicData("c1w4").stored("linear_backward", ["gradient"])
    dZ, (A_prev, W, b) = stored.case.args
    np.testing.assert_array_equal(stored.forward, ref.linear_forward(A_prev, W, b)[0])
    (course,) = PublicData("c1w4").stored("linear_backward", ["course"])
    assert course.forward is None


def test_stored_mutant_values_mark_cases_a_mistake_did_not_run_on():
    a = StoredCase(Case("a", ()), 1.0, mutants={"f.x": 2.0, "f.y": 3.0})
    b = StoredCase(Case("b", ()), 1.0, mutants={"f.y": 4.0})
    values = PublicData.mutant_values([a, b])()
    assert values == {"f.x": [2.0, MISSING], "f.y": [3.0, 4.0]}


def test_a_file_of_another_format_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "compute_cost.json"
    data = json.loads(sources.expected_path("c1w4", "compute_cost").read_text())
    data["format"] = sources.FORMAT - 1
    path.write_text(json.dumps(data))
    monkeypatch.setattr(sources, "expected_path", lambda unit, name: tmp_path / f"{name}.json")
    sources._load.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="amiq expected"):
            PublicData("c1w4").stored("compute_cost", ["course"])
    finally:
        sources._load.cache_clear()


# ------------------------------------------------------------------------------ hidden data


def test_hidden_data_finds_reference_and_provided_functions():
    data = HiddenData("c1w4")
    assert data.reference("linear_forward") is ref.linear_forward
    assert data.reference("sigmoid").__module__ == "solutions.c1w4.dnn_helpers"
    assert data.reference("initialize_parameters_deep_scaled").__module__ == \
        "solutions.c1w4.cat_classifier"
    with pytest.raises(KeyError):
        data.reference("nope")
    assert data.arg_names("linear_forward") == ("A", "W", "b")


def test_outputs_copy_the_arguments_capture_prints_and_keep_numpy_state():
    data = HiddenData("c1w4")
    case = PUBLIC["update_parameters"]()[0]
    before = {k: v.copy() for k, v in case.args[0].items()}
    np.random.seed(5)
    state = np.random.get_state()[1].copy()
    ((value, stdout),) = data.outputs("update_parameters", [case])
    assert all(np.array_equal(case.args[0][k], before[k]) for k in before)
    assert np.array_equal(np.random.get_state()[1], state)
    data.outputs("initialize_parameters", [Case("c", (3, 2, 1))])  # reseeds inside
    assert np.array_equal(np.random.get_state()[1], state)
    ((_, printed),) = data.outputs("predict", [PUBLIC["predict"]()[0]])
    assert printed.startswith("Accuracy: ")


def test_mutants_are_the_exercises_own_and_values_are_computed_only_when_asked(monkeypatch):
    from grader import mutate

    data = HiddenData("c1w4")
    mutants = data.mutants("compute_cost")
    assert sorted(mutants) == sorted(m for m in data.catalogue.MUTANTS
                                     if m.startswith("compute_cost."))
    assert data.mutants("compute_cost") is mutants  # built once
    calls = []
    real_run = mutate.run
    monkeypatch.setattr(mutate, "run", lambda *a, **k: calls.append(a) or real_run(*a, **k))
    cases = [PUBLIC["compute_cost"]()[0], Case("broken", (None, None))]
    values = data.mutant_values("compute_cost", cases)
    assert calls == []  # nothing runs until a check has failed and asks
    result = values()
    assert len(calls) == len(mutants) * len(cases)
    assert set(result) == set(mutants)
    for row in result.values():
        assert row[1] is MISSING and row[0] is not MISSING
