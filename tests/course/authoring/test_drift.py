"""Comparing regenerated outputs with committed ones: exact structure, numbers within a tolerance."""

import numpy as np
import pytest

from course.authoring.drift import ATOL, RTOL, differences, split_numbers, summarize, text_differences


def test_the_stated_tolerances():
    assert (RTOL, ATOL) == (1e-9, 1e-12)


def test_last_bit_drift_of_a_training_output_is_accepted():
    # The drift seen between two NumPy/BLAS builds after 150 training iterations.
    assert differences(0.025066281845085775, 0.025066281845085765) == []
    stored = np.array([[0.1, -2.5, 3e-7]])
    assert differences(stored, stored * (1 + 3e-16)) == []


def test_a_relative_change_beyond_rtol_is_reported_with_its_place():
    stored = {"W1": np.zeros((2, 3)), "b1": np.array([[1.0], [2.0]])}
    fresh = {"W1": np.zeros((2, 3)), "b1": np.array([[1.0], [2.0 * (1 + 1e-8)]])}
    (problem,) = differences(stored, fresh, path="expected")
    assert problem.startswith("expected['b1']: 1 of 2 elements differ, first at index [1, 0]")
    # Just inside the tolerance passes.
    fresh["b1"][1, 0] = 2.0 * (1 + 0.9e-9)
    assert differences(stored, fresh) == []


def test_values_near_zero_use_the_absolute_floor():
    assert differences(np.array([0.0, 1e-300]), np.array([5e-13, -5e-13])) == []
    assert differences(np.array([0.0]), np.array([2e-12])) != []
    assert differences(0.0, 2e-12, atol=1e-11) == []


def test_nan_and_infinities_must_match_themselves():
    assert differences(np.array([np.nan, np.inf]), np.array([np.nan, np.inf])) == []
    assert differences(np.array([np.inf]), np.array([-np.inf])) != []
    assert differences(float("nan"), 1.0) != []


@pytest.mark.parametrize(
    "stored, fresh, words",
    [
        (np.zeros((3, 1)), np.zeros((3,)), "shape (3, 1) -> (3,)"),
        (np.zeros(2), np.zeros(2, dtype=int), "dtype float64 -> int64"),
        (1.0, np.float64(1.0), "type float -> numpy.float64"),
        (np.float64(1.0), np.array(1.0), "type numpy.float64 -> numpy.ndarray"),
        ([1, 2], [1, 2, 3], "length 2 -> 3"),
        ((1,), [1], "type tuple -> list"),
        ({"a": 1, "b": 2}, {"a": 1, "c": 2}, "keys missing ['b'], new ['c']"),
        ("cat", "dog", "'cat' -> 'dog'"),
        (3, 4, "3 -> 4"),
        (np.array([1, 2]), np.array([1, 3]), "first at index [1]: 2 -> 3"),
        (None, 0.0, "type NoneType -> float"),
    ],
)
def test_structure_and_non_floats_are_exact(stored, fresh, words):
    problems = differences(stored, fresh)
    assert len(problems) == 1 and words in problems[0], problems


def test_precision_within_a_dtype_kind_shows_as_values():
    # float32 and float64 are one kind; the float32 rounding is far beyond rtol.
    stored = np.array([0.1, 0.2])
    assert differences(stored, stored.astype(np.float32)) != []
    assert differences(np.array([0.5, 2.0]), np.array([0.5, 2.0], dtype=np.float32)) == []


def test_nested_paths_name_every_level():
    stored = [{"cases": (np.ones(2), 1.0)}]
    fresh = [{"cases": (np.ones(2), 1.5)}]
    (problem,) = differences(stored, fresh, path="file.json")
    assert problem.startswith("file.json[0]['cases'][1]: 1.0 -> 1.5")


def test_split_numbers_keeps_names_and_types():
    assert split_numbers("W1 = [[ 1.5 -2.]] shape (4, 5) cost 1e-3") == [
        "W1 = [[", 1.5, "", -2.0, "]] shape (", 4, ",", 5, ") cost", 0.001, ""
    ]


def test_printed_text_compares_numbers_within_tolerance():
    stored = "Cost after iteration 149: 0.025066281845085775\nlen(costs) = 2\n"
    assert text_differences(stored, stored.replace("775", "765")) == []
    (problem,) = text_differences(stored, stored.replace("0.025066", "0.025067"))
    assert problem.startswith("line 1:")
    assert text_differences(stored, stored.replace("= 2", "= 3")) != []
    assert text_differences(stored, stored.replace("Cost", "cost")) != []
    assert text_differences(stored, stored.rstrip("\n")) != []
    assert text_differences(stored, stored + "extra\n") != []


def test_numpy_column_padding_is_not_a_text_change():
    # One column printed with a digit less: the padding before the numbers changes.
    assert text_differences("[[ 0.12345678 -1.5       ]]\n", "[[ 0.12345678 -1.5]]\n") == []
    assert text_differences("[[1. 2.]]\n", "[[1.  2.]]\n") == []
    # An integer printed as a float is a change.
    assert text_differences("n = 2\n", "n = 2.0\n") != []


def test_summarize_counts_what_it_leaves_out():
    assert summarize(["a", "b", "c"], limit=2) == ["a", "b", "... and 1 more / وغيرها"]
    assert summarize(["a"], limit=2) == ["a"]
