"""The strict comparator rejects what np.allclose lets through and explains its failures."""

import numpy as np
import pytest

from grader.compare import (
    Tolerance,
    check_array,
    check_keys,
    check_scalar,
    check_sequence,
    check_value,
    describe,
    matches,
)
from grader.feedback import Failure
from grader.sandbox.protocol import Foreign


def _fails(function, *args, **kwargs):
    with pytest.raises(Failure) as info:
        function(*args, **kwargs)
    return info.value


def _text(failure):
    return "\n".join([failure.message.render("en")] + [d.render("en") for d in failure.details])


EXPECTED = np.arange(12, dtype=float).reshape(3, 4) / 7


class AlwaysEqual(np.ndarray):
    """The classic cheat: an ndarray subclass equal to everything."""

    def __eq__(self, other):
        return np.ones(np.shape(other), dtype=bool)


def test_plain_equal_array_passes():
    check_array(EXPECTED.copy(), EXPECTED, "Z")


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
@pytest.mark.parametrize(
    "make, words",
    [
        (lambda: EXPECTED.tolist(), "a list of 3 items"),
        (lambda: None, "None"),
        (lambda: np.asmatrix(EXPECTED), "numpy.matrix"),
        (lambda: np.zeros((3, 4)).view(AlwaysEqual), "ndarray subclass AlwaysEqual"),
        (lambda: Foreign("evil.Rigged", "<Rigged>"), "an object of type evil.Rigged"),
        (lambda: 3.0, "a Python float"),
    ],
)
def test_anything_but_a_plain_ndarray_is_rejected_and_named(make, words):
    failure = _fails(check_array, make(), EXPECTED, "Z")
    text = _text(failure)
    assert "Z must be a NumPy array" in text
    assert words in text


def test_no_broadcasting_column_is_not_vector():
    expected = np.ones(3)
    failure = _fails(check_array, np.ones((3, 1)), expected, "db")
    text = _text(failure)
    assert "(3, 1)" in text and "(3,)" in text
    assert "keepdims" in text  # same size, different shape: the hint names the usual cause


def test_transposed_shape_is_called_transposed():
    failure = _fails(check_array, EXPECTED.T.copy(), EXPECTED, "dW")
    assert "transposed" in _text(failure)


def test_dtype_kind_and_precision():
    assert "dtype int64" in _text(_fails(check_array, EXPECTED.astype(np.int64), EXPECTED, "Z"))
    assert "less precise" in _text(_fails(check_array, EXPECTED.astype(np.float32), EXPECTED, "Z"))
    # Integer predictions are fine where the kinds allow them.
    check_array(np.array([[1, 0]]), np.array([[1.0, 0.0]]), "p", kinds="fiu")
    assert "dtype bool" in _text(
        _fails(check_array, np.array([[True, False]]), np.array([[1.0, 0.0]]), "p", kinds="fiu")
    )


def test_values_false_skips_only_the_values():
    check_array(EXPECTED + 1, EXPECTED, "Z", values=False)
    _fails(check_array, EXPECTED[:2], EXPECTED, "Z", values=False)


def test_non_finite_where_finite_expected_fails():
    got = EXPECTED.copy()
    got[2, 1] = np.nan
    text = _text(_fails(check_array, got, EXPECTED, "A"))
    assert "1 non-finite value" in text and "(2, 1)" in text


def test_expected_nan_and_inf_require_the_same_special_value():
    expected = np.array([1.0, np.nan, np.inf])
    check_array(np.array([1.0, np.nan, np.inf]), expected, "x")
    _fails(check_array, np.array([1.0, 0.0, np.inf]), expected, "x")
    _fails(check_array, np.array([1.0, np.nan, -np.inf]), expected, "x")


def test_tolerance_scales_with_the_magnitude():
    tiny = np.array([2e-9, -3e-9, 5e-9])
    # np.allclose's fixed atol=1e-8 accepts a 100 % error on tiny gradients...
    wrong = tiny * 2
    assert np.allclose(wrong, tiny)
    # ...the scaled tolerance does not.
    _fails(check_array, wrong, tiny, "dW")
    # And an error far below the scale of a big array passes.
    big = np.array([1e6, 2.0, 3.0])
    check_array(big + np.array([0.0, 1e-3, 0.0]), big, "W")
    assert Tolerance().atol(np.zeros(3)) == Tolerance().atol_floor


def test_value_failure_reports_errors_index_and_slice():
    got = EXPECTED.copy()
    got[1, 2] += 0.5
    got[2, 3] += 0.01
    text = _text(_fails(check_array, got, EXPECTED, "dW"))
    assert "differs from the expected values in 2 places out of 12" in text
    assert "Largest absolute error: 0.5 at index (1, 2)" in text
    assert "Largest relative error:" in text
    assert "First wrong index: (1, 2)" in text
    # The aligned expected | yours rows around the first wrong element.
    assert "(1, 2):" in text and "✗ wrong" in text and "(1, 0):" in text
    assert "Tolerance:" in text


def test_zero_d_cost_is_required_when_asked():
    expected = np.array(0.2797765635793422)
    check_scalar(np.array(0.2797765635793422), expected, "cost", require_0d_array=True)
    for value in (0.2797765635793422, np.float64(0.2797765635793422), np.array([[0.27977656]])):
        failure = _fails(check_scalar, value, expected, "cost", require_0d_array=True)
        assert "0-d NumPy array" in _text(failure)


def test_lenient_scalar_accepts_any_single_number_but_not_a_matrix():
    expected = np.array(0.5)
    for value in (0.5, np.float64(0.5), np.array(0.5)):
        check_scalar(value, expected, "cost")
    assert "shape (1, 1)" in _text(_fails(check_scalar, np.array([[0.5]]), expected, "cost"))
    assert "expected 0.5" in _text(_fails(check_scalar, 0.6, expected, "cost"))
    _fails(check_scalar, "0.5", expected, "cost")


def test_dict_keys_are_exact():
    check_keys({"dW1": 1, "db1": 2}, ["dW1", "db1"], "grads")
    text = _text(_fails(check_keys, {"dW1": 1, "dA1": 2}, ["dW1", "db1"], "grads"))
    assert "Missing keys: 'db1'" in text and "Unexpected keys: 'dA1'" in text
    _fails(check_keys, [("dW1", 1)], ["dW1"], "grads")


def test_sequences_accept_tuple_or_list_of_the_right_length():
    check_sequence((1, 2), 2, "x")
    check_sequence([1, 2], 2, "x")
    assert "must hold 3 items" in _text(_fails(check_sequence, (1, 2), 3, "x"))
    assert "must be a tuple of 2 items" in _text(_fails(check_sequence, np.ones(2), 2, "x"))


def test_check_value_walks_nested_structures_in_order():
    cache = ((np.ones((3, 2)), np.ones((1, 3)), np.ones((1, 1))), np.zeros((1, 2)))
    check_value(cache, cache, "cache")
    bad = ((np.ones((3, 2)), np.ones((1, 3)), np.ones((1, 1))), np.ones((1, 2)))
    assert "cache[1]" in _text(_fails(check_value, bad, cache, "cache"))


def test_matches_tells_number_kinds_apart():
    assert matches(0.5, 0.5)
    assert not matches(np.float64(0.5), 0.5)
    assert not matches(np.array(0.5), 0.5)
    assert matches(np.float64(0.5), np.float64(0.5 + 1e-12))
    assert not matches(Foreign("x.Y", ""), np.array(0.5))
    assert matches((np.ones(2), [np.zeros(1)]), (np.ones(2), [np.zeros(1)]))


def test_describe_never_calls_repr_on_foreign_values():
    message = describe(Foreign("evil.Rigged", "\x1b[2Jpwned"))
    assert "pwned" not in message.render("en")


def test_relative_error_is_not_reported_where_zero_is_expected():
    # predict with ">= 0.5": an expected 0 becomes 1. "Relative error 1000" would be noise.
    expected = np.array([[1.0, 0.0, 1.0, 0.0, 0.0, 1.0]])
    got = expected.copy()
    got[0, 1] = 1.0
    failure = _fails(check_array, got, expected, "p", kinds="fiu")
    text = _text(failure)
    assert "Largest relative error" not in text and "1000" not in text
    assert "No relative error is shown" in text
    assert "1 label of 6 differs: 1 where 0 is expected and yours is 1, 0 where 1" in text


def test_relative_error_skips_the_near_zero_entries_only():
    expected = np.array([2.0, 0.0, 4.0])
    got = np.array([3.0, 0.5, 4.0])  # 50 % off at index 0; an expected 0 missed at index 1
    text = _text(_fails(check_array, got, expected, "x"))
    assert "Largest relative error: 0.5 (over the entries not expected to be 0)" in text
    assert "labels" not in text  # not a 0/1 array


def test_arabic_diff_rows_are_isolated_and_direction_free():
    got = EXPECTED.copy()
    got[1, 2] += 0.5
    failure = _fails(check_array, got, EXPECTED, "dW")
    rendered = [d.render("ar") for d in failure.details]
    rows = [r for r in rendered if "|" in r and "\u2066(" in r]
    assert len(rows) == 5
    for row in rows:
        # The index and both columns form one left-to-right isolate; the marker is outside it.
        assert row.startswith("\u2066(") and row.count("\u2066") == 1
        inside = row[1:row.index("\u2069")]
        assert inside.count("|") == 1
    (wrong,) = [r for r in rows if "✗" in r]
    assert "خطأ" in wrong and "←" not in wrong and "<-" not in wrong
    (tolerance,) = [r for r in rendered if "السماحية" in r]
    # The formula is one isolated fragment, with no Arabic words inside it.
    formula = tolerance[tolerance.index("\u2066|") + 1:]
    formula = formula[:formula.index("\u2069")]
    assert formula.startswith("|y - e| <=") and not any("\u0600" <= c <= "\u06ff" for c in formula)
