"""The public checks' stored expected data: lossless, current, and compared with a tolerance."""

import json

import numpy as np
import pytest

from grader import sources
from grader.build import expected
from grader.sandbox import protocol
from grader_test_support import NAMES


def test_the_committed_files_are_current():
    assert expected.check() == {"c1w4": []}


def test_check_command_reports_up_to_date(capsys):
    assert expected.main(["--check", "--unit", "c1w4"]) == 0
    out = capsys.readouterr().out
    assert "up to date" in out and f"rtol {expected.RTOL:g}" in out


def test_an_unknown_unit_is_a_usage_error_in_both_languages(capsys, lang):
    lang("en")
    with pytest.raises(SystemExit) as info:
        expected.main(["--check", "--unit", "c9w9"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Unknown unit c9w9. Installed units: c1w4." in err
    assert "Unknown unit \u2066c9w9\u2069" in err  # the Arabic rendering follows
    assert "Traceback" not in err


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """Expected data written to (and read from) a temporary folder."""
    monkeypatch.setattr(expected, "expected_path", lambda unit, name: tmp_path / f"{name}.json")

    def write(name):
        path = tmp_path / f"{name}.json"
        path.write_text(expected.render(expected.build("c1w4", name)), encoding="utf-8")
        return path

    return write


def _edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _scale_first_expected(factor):
    def change(data):
        value = protocol.decode(data["cases"][0]["expected"])
        value[0][0, 0] *= factor
        data["cases"][0]["expected"] = protocol.encode(value)

    return change


def test_a_stored_number_moved_beyond_the_tolerance_is_reported(scratch):
    path = scratch("linear_forward")
    assert expected.stale("c1w4", "linear_forward") == []
    _edit(path, _scale_first_expected(1 + 100 * expected.RTOL))
    (difference,) = expected.stale("c1w4", "linear_forward")
    assert difference.startswith("linear_forward.json: value")
    assert "[0, 0]" in difference and f"rtol {expected.RTOL:g}" in difference


def test_a_stored_number_moved_within_the_tolerance_is_not(scratch):
    path = scratch("linear_forward")
    _edit(path, _scale_first_expected(1 + expected.RTOL / 10))
    assert json.loads(path.read_text())["cases"][0]["expected"] != json.loads(
        expected.render(expected.build("c1w4", "linear_forward")))["cases"][0]["expected"]
    assert expected.stale("c1w4", "linear_forward") == []


def test_a_changed_mistake_output_a_printed_cost_or_a_missing_file_is_stale(scratch):
    path = scratch("compute_cost")
    _edit(path, lambda data: data["cases"][0]["mutants"].pop("compute_cost.no_mean"))
    assert expected.stale("c1w4", "compute_cost")
    path = scratch("two_layer_model")
    assert expected.stale("c1w4", "two_layer_model") == []

    def cost(data):
        (case,) = [c for c in data["cases"] if c["name"] == "print"]
        case["stdout"] = case["stdout"].replace("Cost after iteration 0: 0.69", "Cost after "
                                                "iteration 0: 0.68", 1)
        assert "0.68" in case["stdout"]

    _edit(path, cost)
    assert expected.stale("c1w4", "two_layer_model")
    path.unlink()
    assert expected.stale("c1w4", "two_layer_model") == [f"{path}: missing"]


def test_differences_compare_types_shapes_keys_and_lengths_exactly():
    diff = expected.differences
    assert diff(np.ones((2, 1)), np.ones((2,))) == ["value: array float64(2, 1) != float64(2,)"]
    assert diff(np.float64(1.0), 1.0) == ["value: type float64 != float"]
    assert diff({"a": 1, "b": 2}, {"b": 2, "a": 1}) == ["value: keys ['a', 'b'] != ['b', 'a']"]
    assert diff([1, 2], [1, 2, 3]) == ["value: length 2 != 3"]
    assert diff(np.array([1, 2]), np.array([1, 3])) == ["value: values differ"]
    assert diff("a", "b") == ["value: 'a' != 'b'"]
    assert diff(np.array([np.nan]), np.array([np.nan])) == []
    assert len(diff(list(range(20)), [x + 1 for x in range(20)], limit=3)) == 3


def test_write_rewrites_only_changed_files(tmp_path, monkeypatch):
    monkeypatch.setattr(expected, "expected_path", lambda unit, name: tmp_path / f"{name}.json")
    assert expected.write("c1w4", ["compute_cost"]) == [tmp_path / "compute_cost.json"]
    assert expected.write("c1w4", ["compute_cost"]) == []
    assert expected.stale("c1w4", "compute_cost") == []


def test_generation_is_deterministic():
    assert expected.render(expected.build("c1w4", "predict")) == \
        expected.render(expected.build("c1w4", "predict"))


def test_stored_files_name_their_exercise_format_and_arguments():
    for name in NAMES:
        data = json.loads(sources.expected_path("c1w4", name).read_text(encoding="utf-8"))
        assert (data["format"], data["unit"], data["exercise"]) == (sources.FORMAT, "c1w4", name)
        assert data["arg_names"] and data["cases"]
