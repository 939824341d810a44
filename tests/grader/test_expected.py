"""The public checks' stored expected outputs are lossless and never stale."""

import json
import re

import numpy as np
import pytest

from course.catalog import EXERCISES
from grader.build import expected
from grader.cases import c1w4 as cases
from grader.hidden.c1w4 import _live, mutants
from grader.public.c1w4 import _support
from grader.sandbox import protocol

IDS = [ex.id for ex in EXERCISES]


@pytest.mark.parametrize("exercise_id", IDS)
def test_committed_expected_data_is_up_to_date(exercise_id):
    assert not expected.is_stale(exercise_id), (
        f"{expected.expected_path(exercise_id)} is stale: run `python -m grader.build.expected`"
    )


def test_check_command_reports_up_to_date(capsys):
    assert expected.main(["--check", "linear_forward", "compute_cost"]) == 0
    out = capsys.readouterr().out
    assert "up to date" in out
    # The tolerance is stated where the result is seen.
    assert "rtol 1e-09" in out and "floor 1e-12" in out


def test_unknown_exercise_is_a_bilingual_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        expected.main(["no_such_exercise"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "unknown exercise" in err and "غير معروفة" in err


def test_stored_values_are_bit_exact_and_typed():
    (stored,) = _support.stored_cases("compute_cost", ["course"])
    value = mutants.run(_live.reference("compute_cost"), stored.case.args)[0]
    assert type(stored.expected) is np.ndarray and stored.expected.shape == ()
    assert stored.expected.tobytes() == value.tobytes()
    # The "cost is a Python float" mistake keeps its type through the file.
    assert type(stored.mutants["compute_cost.python_float"]) is float
    assert type(stored.mutants["compute_cost.numpy_scalar"]) is np.float64


def test_stored_inputs_are_the_public_cases():
    for exercise_id in IDS:
        names = [c.name for c in cases.all_public_cases(exercise_id)]
        stored = _support.stored_cases(exercise_id, names)
        for case, s in zip(cases.all_public_cases(exercise_id), stored):
            assert protocol.encode(list(case.args)) == protocol.encode(list(s.case.args))
            assert s.mutants, f"{exercise_id}/{case.name} stores no mistake outputs"


def _write_fresh(tmp_path, monkeypatch, exercise_id):
    monkeypatch.setattr(expected, "expected_path", lambda e: tmp_path / f"{e}.json")
    path = tmp_path / f"{exercise_id}.json"
    path.write_text(expected.render(expected.build(exercise_id)), encoding="utf-8")
    return path


def test_a_changed_value_makes_the_data_stale(tmp_path, monkeypatch):
    path = _write_fresh(tmp_path, monkeypatch, "linear_forward")
    assert not expected.is_stale("linear_forward")
    data = json.loads(path.read_text(encoding="utf-8"))
    value = protocol.decode(data["cases"][0]["expected"])
    value[0][0, 0] += 1e-6
    data["cases"][0]["expected"] = protocol.encode(value)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert expected.is_stale("linear_forward")


def test_last_bit_drift_is_not_stale(tmp_path, monkeypatch):
    # What another NumPy/BLAS build changes: the last digits of printed costs and of arrays.
    path = _write_fresh(tmp_path, monkeypatch, "two_layer_model")
    data = json.loads(path.read_text(encoding="utf-8"))
    (case,) = [c for c in data["cases"] if "Cost after iteration" in c["stdout"]]
    printed = case["stdout"]
    case["stdout"] = re.sub(r"(\d\.\d{12})\d+", lambda m: m.group(1) + "7", printed)
    assert case["stdout"] != printed
    value = protocol.decode(case["expected"])
    before = value[0]["W1"].copy()
    value[0]["W1"] *= 1 + 4e-16
    assert not np.array_equal(before, value[0]["W1"])
    case["expected"] = protocol.encode(value)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert expected.problems("two_layer_model") == []


def test_problems_name_the_case_path_and_index(tmp_path, monkeypatch, capsys):
    path = _write_fresh(tmp_path, monkeypatch, "linear_forward")
    data = json.loads(path.read_text(encoding="utf-8"))
    value = protocol.decode(data["cases"][0]["expected"])
    value[0][0, 1] *= 1 + 1e-8
    data["cases"][0]["expected"] = protocol.encode(value)
    data["cases"][0]["stdout"] += "extra\n"
    path.write_text(json.dumps(data), encoding="utf-8")
    name = data["cases"][0]["name"]
    found = expected.problems("linear_forward")
    assert len(found) == 2, found
    assert found[0].startswith(f"cases[0] {name!r} stdout ")
    assert found[1].startswith(f"cases[0] {name!r} expected[0]: 1 of ")
    assert "first at index [0, 1]" in found[1]
    assert expected.main(["--check", "linear_forward"]) == 1
    out = capsys.readouterr().out
    assert f"stale / قديم: {path}" in out and "first at index [0, 1]" in out


def test_a_changed_mistake_output_or_missing_file_is_stale(tmp_path, monkeypatch):
    path = _write_fresh(tmp_path, monkeypatch, "compute_cost")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["cases"][0]["mutants"].pop("compute_cost.no_mean")
    path.write_text(json.dumps(data), encoding="utf-8")
    assert expected.is_stale("compute_cost")
    path.unlink()
    assert expected.is_stale("compute_cost")


def test_generation_is_deterministic():
    assert expected.render(expected.build("predict")) == expected.render(expected.build("predict"))
