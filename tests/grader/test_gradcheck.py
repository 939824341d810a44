"""Centred differences and the gradient comparison (unit-independent)."""

import numpy as np
import pytest

from grader import gradcheck
from grader.feedback import Failure, Message


def test_numerical_gradient_of_a_known_function():
    rng = np.random.default_rng(0)
    point = {"x": rng.standard_normal((2, 3)), "y": rng.standard_normal(4)}

    def objective(points):  # F = sum(x^3) + sum(sin y): dF/dx = 3x^2, dF/dy = cos y
        return [np.sum(p["x"] ** 3) + np.sum(np.sin(p["y"])) for p in points]

    grads = gradcheck.numerical_gradients(point, objective)
    np.testing.assert_allclose(grads["x"], 3 * point["x"] ** 2, rtol=1e-7, atol=1e-8)
    np.testing.assert_allclose(grads["y"], np.cos(point["y"]), rtol=1e-7, atol=1e-8)
    only = gradcheck.numerical_gradients(point, objective, only=["y"])
    assert set(only) == {"y"}


def test_perturbations_change_one_element_each():
    point = {"a": np.zeros((2, 2)), "b": np.ones(1)}
    keys, points = gradcheck.perturbations(point, eps=0.5)
    assert len(points) == 2 * (4 + 1)
    for (name, index, sign), p in zip(keys, points):
        moved = {k: np.count_nonzero(p[k] != point[k]) for k in point}
        assert moved == {k: int(k == name) for k in point}
        assert p[name][index] - point[name][index] == sign * 0.5
    assert np.all(point["a"] == 0)  # the base point is untouched


def test_assemble_turns_objective_values_into_gradients():
    point = {"x": np.array([1.0, 2.0])}
    keys, points = gradcheck.perturbations(point, eps=1e-3)
    values = [float(np.sum(p["x"] ** 2)) for p in points]
    np.testing.assert_allclose(gradcheck.assemble(point, keys, values, eps=1e-3)["x"],
                               [2.0, 4.0], rtol=1e-9)


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


def test_compare_gradients_follows_the_order_given():
    numeric = {"a": np.ones(2), "b": np.ones(2)}
    analytic = {"a": np.zeros(2), "b": np.zeros(2)}
    with pytest.raises(Failure) as info:
        gradcheck.compare_gradients(analytic, numeric, against=Message("f"), order=["b", "a"])
    assert info.value.message.render("en").startswith("b does not match")


def test_compare_gradients_checks_shapes_before_values():
    numeric = {"db": np.ones((3, 1))}
    with pytest.raises(Failure) as info:
        gradcheck.compare_gradients({"db": np.ones(3)}, numeric, against=Message("f"))
    assert "shape (3,)" in info.value.message.render("en")


def test_right_gradients_pass():
    numeric = {"dW": np.array([[1.0, 2.0]])}
    gradcheck.compare_gradients({"dW": numeric["dW"] * (1 + 1e-7)}, numeric,
                                against=Message("f"))


def test_relative_error_is_safe_for_zero_gradients():
    assert gradcheck.relative_error(np.zeros(3), np.zeros(3)) == (0.0, (0,))
    error, index = gradcheck.relative_error(np.array([0.0, np.nan]), np.zeros(2))
    assert error == float("inf") and index == (1,)
