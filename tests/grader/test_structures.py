"""Declared return structures: one generic walk, failing at the first difference with feedback.

Generic structures first (arrays, numbers, sequences, dicts, lists), then c1w4's own: the layer
blame of ``L_model_forward``'s caches and ``L_model_backward``'s grads, and the models' costs.
"""

import copy

import numpy as np
import pytest

from course.c1w4.grading.cases import PUBLIC
from course.c1w4.grading.checks import CHECKS, COST_IS_A_NUMBER, LINEAR_CACHE
from grader.feedback import Failure, Message, Plural
from grader.sources import HiddenData, received
from grader.structures import Anything, Array, Each, Map, Number, Seq

DECLARED = {c.name: c for c in CHECKS}


def _failure(structure, got, expected, name="x", values=True):
    with pytest.raises(Failure) as info:
        structure.check(got, expected, name, values)
    return info.value


def _text(failure):
    return [failure.message.render("en")] + [d.render("en") for d in failure.details]


# ------------------------------------------------------------------------------ generic


def test_array_shape_type_and_values():
    text = _text(_failure(Array(), np.ones(3), np.ones((3, 1)), "Z"))
    assert text[0] == "Z has shape (3,); expected (3, 1)."
    assert "keepdims=True" in text[1]
    text = _text(_failure(Array(), [1.0, 2.0], np.ones(2), "Z"))
    assert text[0].startswith("Z must be a NumPy array (numpy.ndarray), but your code returned")
    assert "differs from the expected values" in _text(_failure(Array(), np.zeros(2),
                                                                np.ones(2), "Z"))[0]
    Array().check(np.zeros(2), np.ones(2), "Z", values=False)  # structure only: fine


def test_array_kinds_accept_labels_as_ints_but_not_booleans():
    Array(kinds="fiu").check(np.array([[1, 0]]), np.array([[1.0, 0.0]]), "p")
    failure = _failure(Array(kinds="fiu"), np.array([[True, False]]), np.array([[1.0, 0.0]]), "p")
    assert "dtype" in failure.message.render("en")
    with pytest.raises(Failure):  # a float result must be a float array by default
        Array().check(np.array([[1, 0]]), np.array([[1.0, 0.0]]), "p")


def test_number_accepts_any_single_number_by_default():
    for got in (0.25, np.float64(0.25), np.array(0.25), np.float32(0.25)):
        Number().check(got, np.array(0.25), "cost")
    text = _text(_failure(Number(), np.array([[0.25]]), np.array(0.25), "cost"))
    assert text == ["cost must be a single number, but it is an array of shape (1, 1).",
                    "Use np.squeeze to drop the dimensions of size 1."]
    assert _text(_failure(Number(), 0.3, 0.25, "cost"))[0] == "cost is 0.3; expected 0.25."


def test_a_number_type_failure_quotes_the_requirement_and_a_value_failure_does_not():
    number = Number(requirement=COST_IS_A_NUMBER)
    for wrong_type in (np.array([[0.25]]), "0.25", [0.25], None):
        text = _text(_failure(number, wrong_type, np.array(0.25), "cost"))
        assert text[-1] == COST_IS_A_NUMBER, text
    text = _text(_failure(number, 0.3, np.array(0.25), "cost"))
    assert COST_IS_A_NUMBER not in text


def test_strict_number_kinds():
    python_float = Number(accept="python-float", requirement="Use float(...).")
    assert _text(_failure(python_float, np.float64(0.2), 0.2, "cost")) == [
        "cost must be a Python float, but your code returned a NumPy scalar of type "
        "numpy.float64.", "Use float(...)."]
    integer = Number(accept="int")
    integer.check(np.int64(3), 3, "n")
    assert "whole number (int)" in _text(_failure(integer, True, 1, "n"))[0]
    assert _text(_failure(integer, 2, 1, "n")) == ["n is 2; expected 1."]
    integer.check(2, 1, "n", values=False)
    with pytest.raises(ValueError):
        Number(accept="complex")


def test_sequences_check_their_length_then_each_item_in_order():
    pair = Seq("the return value (Z, cache)", ("Z", Array()), ("cache", LINEAR_CACHE))
    text = _text(_failure(pair, (np.ones(2),), (np.ones(2), None)))
    assert text[0] == "the return value (Z, cache) must hold 2 items, but it holds 1."
    A, W, b = np.ones((3, 2)), np.ones((1, 3)), np.ones((1, 1))
    expected = (W @ A + b, (A, W, b))
    got = (W @ A + b, (A, W, b.T.copy().reshape(1)))
    assert _text(_failure(pair, got, expected))[0] == \
        "cache[2] (b) has shape (1,); expected (1, 1)."
    ordered = Seq("pair", ("first", Array()), ("second", Array()), order=(1, 0))
    failure = _failure(ordered, (np.zeros(1), np.zeros(1)), (np.ones(1), np.ones(1)))
    assert failure.message.render("en").startswith("second ")  # checked first


def test_dicts_need_exactly_the_expected_keys():
    expected = {"W1": np.ones(2), "b1": np.ones(2)}
    assert _text(_failure(Map(), {"W1": np.ones(2)}, expected, "parameters")) == [
        "parameters has the wrong keys.", "Missing keys: 'b1'.", "Expected exactly: 'W1', 'b1'."]
    extra = _text(_failure(Map(), {**expected, "x": 1}, expected, "parameters"))
    assert extra[1] == "Unexpected keys: 'x'."
    wrong = _failure(Map(), {"W1": np.ones(2), "b1": np.zeros(2)}, expected, "parameters")
    assert wrong.message.render("en").startswith("parameters['b1'] differs")


def test_dict_blame_rewrites_the_first_failure():
    blamed = Map(order=lambda keys: sorted(keys, reverse=True),
                 blame=lambda key, failure: Failure(Message("{key} first", key=key)))
    failure = _failure(blamed, {"a": np.zeros(1), "b": np.zeros(1)},
                       {"a": np.ones(1), "b": np.ones(1)})
    assert failure.message.render("en") == "b first"


def test_lists_check_type_length_and_items():
    each = Each(Number(), kind="costs must be a list, but your code returned {got}.",
                count=lambda n, **params: Plural("costs must hold {n} value, not {got}.",
                                                 "costs must hold {n} values, not {got}.", n,
                                                 **params))
    each.check((1.0, 2.0), [1.0, 2.0], "costs")  # a tuple is a list here
    assert _text(_failure(each, np.array([1.0, 2.0]), [1.0, 2.0], "costs"))[0].startswith(
        "costs must be a list, but your code returned")
    assert _text(_failure(each, [1.0], [1.0, 2.0], "costs"))[0] == \
        "costs must hold 2 values, not 1."
    assert _text(_failure(each, [1.0, 3.0], [1.0, 2.0], "costs"))[0] == \
        "costs[1] is 3; expected 2."


def test_anything_compares_nested_values_and_any_single_number():
    Anything().check([0.5, {"a": np.ones(2)}], [np.float64(0.5), {"a": np.ones(2)}], "x")
    with pytest.raises(Failure):
        Anything().check([0.5, {"a": np.zeros(2)}], [0.5, {"a": np.ones(2)}], "x")


# ------------------------------------------------------------------------------ c1w4's own


def _expected(name, case=0):
    case = PUBLIC[name]()[case]
    return case, received(HiddenData("c1w4").outputs(name, [case])[0][0])


def _check(name, got, expected):
    decl = DECLARED[name]
    with pytest.raises(Failure) as info:
        decl.returns.check(got, expected, decl.result)
    return _text(info.value)


def test_forward_caches_blame_the_layer_whose_output_is_first_wrong():
    _, (AL, caches) = _expected("L_model_forward")
    assert len(caches) == 3
    got = copy.deepcopy(caches)
    (A_prev, W, b), Z = got[1]
    got[1] = ((A_prev + 1.0, W, b), Z)  # layer 1's output, as layer 2 received it
    text = _check("L_model_forward", (AL, got), (AL, caches))
    assert text[0].startswith("The output of layer 1 (A1, kept as A_prev in caches[1]) is the "
                              "first value that differs: caches[1][0][0] (A_prev) differs")
    got = copy.deepcopy(caches)
    (A_prev, W, b), Z = got[2]
    got[2] = ((A_prev, W, b), Z + 1.0)
    text = _check("L_model_forward", (AL, got), (AL, caches))
    assert text[0].startswith("Layer 3 is the first layer that differs: caches[2][1] (Z)")


def test_forward_caches_count_and_type():
    _, (AL, caches) = _expected("L_model_forward")
    assert _check("L_model_forward", (AL, caches[:2]), (AL, caches))[0] == \
        "caches must hold 3 caches, one per layer, but it holds 2."
    assert _check("L_model_forward", (AL, {"c": 1}), (AL, caches))[0].startswith(
        "caches must be a list, but your code returned")
    # The caches are checked before AL: a wrong AL with right caches is still named.
    assert _check("L_model_forward", (AL + 1.0, caches), (AL, caches))[0].startswith(
        "AL differs")


def test_grads_blame_the_first_wrong_layer_going_backwards():
    _, grads = _expected("L_model_backward", case=2)  # 3 layers
    for key, layer in (("dW3", 3), ("dA2", 3), ("db1", 1), ("dA0", 1)):
        got = dict(grads, **{key: grads[key] + 1.0})
        text = _check("L_model_backward", got, grads)
        assert text[0].startswith(f"Going backwards from the output, layer {layer} is the first "
                                  f"layer whose gradients differ: grads['{key}']"), text[0]
    both = dict(grads, dW1=grads["dW1"] + 1.0, dW2=grads["dW2"] + 1.0)
    assert "layer 2 is the first" in _check("L_model_backward", both, grads)[0]
    missing = {k: v for k, v in grads.items() if k != "dA0"}
    assert _check("L_model_backward", missing, grads)[:2] == [
        "grads has the wrong keys.", "Missing keys: 'dA0'."]


def test_model_costs_are_checked_first_with_the_iteration_named():
    _, (parameters, costs) = _expected("two_layer_model")
    assert len(costs) == 3  # iterations 0, 100, 200 of 300
    shifted = list(costs[1:]) + [costs[-1]]
    text = _check("two_layer_model", (parameters, shifted), (parameters, costs))
    assert text[0].startswith("The cost recorded at iteration 0 differs: costs[0] is ")
    every = list(costs) * 100
    assert _check("two_layer_model", (parameters, every), (parameters, costs))[0] == (
        "costs must hold 3 values (one every 100 iterations, from iteration 0), but it holds "
        "300.")
    assert _check("two_layer_model", (parameters, np.array(costs)), (parameters, costs))[0] \
        .startswith("costs must be a list, but your code returned")
    wrong_w = dict(parameters, W1=parameters["W1"] * 2)
    assert _check("two_layer_model", (wrong_w, costs), (parameters, costs))[0].startswith(
        "parameters['W1'] differs")
