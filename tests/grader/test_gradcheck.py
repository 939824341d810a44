"""Centred differences are a correct oracle for the course's backward conventions."""

import numpy as np
import pytest

from grader import gradcheck
from grader.cases import c1w4 as cases
from grader.feedback import Failure, Message
from solutions.c1w4 import step_by_step as ref


def test_numerical_gradient_of_a_known_function():
    rng = np.random.default_rng(0)
    point = {"x": rng.standard_normal((2, 3)), "y": rng.standard_normal(4)}

    def objective(points):  # F = sum(x^3) + sum(sin y): dF/dx = 3x^2, dF/dy = cos y
        return [np.sum(p["x"] ** 3) + np.sum(np.sin(p["y"])) for p in points]

    grads = gradcheck.numerical_gradients(point, objective)
    np.testing.assert_allclose(grads["x"], 3 * point["x"] ** 2, rtol=1e-7, atol=1e-8)
    np.testing.assert_allclose(grads["y"], np.cos(point["y"]), rtol=1e-7, atol=1e-8)


def test_perturbations_change_one_element_each():
    point = {"a": np.zeros((2, 2)), "b": np.ones(1)}
    keys, points = gradcheck.perturbations(point, eps=0.5)
    assert len(points) == 2 * (4 + 1)
    for (name, index, sign), p in zip(keys, points):
        moved = {k: np.count_nonzero(p[k] != point[k]) for k in point}
        assert moved == {k: int(k == name) for k in point}
        assert p[name][index] - point[name][index] == sign * 0.5
    assert np.all(point["a"] == 0)  # the base point is untouched


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_layer_convention_matches_the_reference_backward(activation):
    # F = sum(dA * A_out): dA_prev = dF/dA_prev, dW = dF/dW / m, db = dF/db / m.
    (point,) = [p for p in cases.public_gradient_points("linear_activation_backward")
                if p.forward_args[3] == activation]
    case = cases.gradient_case(point)
    dA, cache = case.args[0], case.args[1]
    arrays = gradcheck.layer_point(cache[0])

    def objective(points):
        return [np.sum(dA * ref.linear_activation_forward(p["A_prev"], p["W"], p["b"],
                                                          activation)[0]) for p in points]

    numeric = gradcheck.layer_expected_from_numeric(
        gradcheck.numerical_gradients(arrays, objective), arrays["A_prev"].shape[1]
    )
    dA_prev, dW, db = ref.linear_activation_backward(dA, cache, activation)
    analytic = {"dA_prev": dA_prev, "dW": dW, "db": db}
    gradcheck.compare_gradients(analytic, numeric, against=Message("the reference"))
    for name in analytic:
        assert gradcheck.relative_error(analytic[name], numeric[name])[0] < 1e-7


def test_network_convention_matches_the_reference_L_model_backward():
    (point,) = cases.public_gradient_points("L_model_backward")
    AL, Y, caches = cases.gradient_case(point).args
    calls, plan = gradcheck.network_calls(caches)
    values = [
        gradcheck.cross_entropy_sum(ref.L_model_forward(*args)[0], Y) for _, args, _ in calls
    ]
    numeric = gradcheck.network_numeric(values, plan, caches, Y.shape[1])
    grads = ref.L_model_backward(AL, Y, caches)
    assert set(numeric) == set(grads)  # dA0..dA{L-1}, dW1..dWL, db1..dbL
    gradcheck.compare_gradients(grads, numeric, against=Message("the reference"),
                                order=gradcheck.network_order(len(caches)))
    # The intermediate dA_l really come from the sub-networks, not from dA0 alone.
    assert np.abs(numeric["dA1"]).max() > 0 and np.abs(numeric["dA2"]).max() > 0


def test_network_order_goes_backwards_layer_by_layer():
    assert gradcheck.network_order(2) == ["dA1", "dW2", "db2", "dA0", "dW1", "db1"]


def test_compare_gradients_names_the_gradient_the_index_and_the_error():
    numeric = {"dW": np.array([[1.0, 2.0], [3.0, 4.0]]), "db": np.array([[1.0], [2.0]])}
    analytic = {"dW": numeric["dW"] / 2, "db": numeric["db"].copy()}  # a missing factor
    with pytest.raises(Failure) as info:
        gradcheck.compare_gradients(analytic, numeric, against=Message("your f"))
    text = info.value.message.render("en")
    assert "dW does not match the numerical gradient of your f" in text
    assert "(1, 1)" in text  # the worst index
    assert "5.00e-01" in text  # relative error 2 / 4
    details = " ".join(d.render("en") for d in info.value.details)
    assert "yours 2" in details and "numerical 4" in details


def test_compare_gradients_checks_shapes_before_values():
    numeric = {"db": np.ones((3, 1))}
    with pytest.raises(Failure) as info:
        gradcheck.compare_gradients({"db": np.ones(3)}, numeric, against=Message("f"))
    assert "shape (3,)" in info.value.message.render("en")


def test_relative_error_is_safe_for_zero_gradients():
    assert gradcheck.relative_error(np.zeros(3), np.zeros(3)) == (0.0, (0,))
    error, index = gradcheck.relative_error(np.array([0.0, np.nan]), np.zeros(2))
    assert error == float("inf") and index == (1,)


def test_forward_output_rejects_unusable_forward_results():
    with pytest.raises(Failure):
        gradcheck.forward_output(np.ones((1, 2)), "linear_forward", (1, 2))
    with pytest.raises(Failure):
        gradcheck.forward_output((np.ones((2, 1)), None), "linear_forward", (1, 2))
    out = gradcheck.forward_output((np.ones((1, 2), dtype=int), None), "linear_forward", (1, 2))
    assert out.dtype == float
