"""c1w4's public cases reproduce the course's published numbers and never touch NumPy's state."""

import numpy as np
import pytest

from course.c1w4.grading import cases
from grader_test_support import NAMES
from solutions.c1w4 import step_by_step as ref


def _case(name, case_name):
    (case,) = [c for c in cases.PUBLIC[name]() if c.name == case_name]
    return case


def test_every_exercise_has_named_public_cases():
    assert list(cases.PUBLIC) == NAMES
    for name in NAMES:
        names = [c.name for c in cases.PUBLIC[name]()]
        assert names and len(set(names)) == len(names), name


def test_public_cases_reproduce_the_published_outputs():
    Z, _ = ref.linear_forward(*_case("linear_forward", "course").args)
    np.testing.assert_allclose(Z, [[3.26295337, -1.23429987]], rtol=1e-7)

    A, _ = ref.linear_activation_forward(*_case("linear_activation_forward", "sigmoid").args)
    np.testing.assert_allclose(A, [[0.96890023, 0.11013289]], rtol=1e-7)

    AL, caches = ref.L_model_forward(*_case("L_model_forward", "course").args)
    np.testing.assert_allclose(AL, [[0.03921668, 0.70498921, 0.19734387, 0.04728177]],
                               rtol=1e-6)
    assert len(caches) == 3

    cost = ref.compute_cost(*_case("compute_cost", "course").args)
    assert float(cost) == pytest.approx(0.2797765635793422, rel=1e-15)

    _, dW, db = ref.linear_backward(*_case("linear_backward", "course").args)
    np.testing.assert_allclose(db, [[-0.14713786], [-0.11313155], [-0.13209101]], rtol=1e-6)

    _, dW, db = ref.linear_activation_backward(*_case("linear_activation_backward", "relu").args)
    np.testing.assert_allclose(dW, [[0.44513824, 0.37371418, -0.10478989]], rtol=1e-6)

    grads = ref.L_model_backward(*_case("L_model_backward", "course").args)
    np.testing.assert_allclose(grads["db1"], [[-0.22007063], [0.0], [-0.02835349]], atol=1e-8)

    params = ref.update_parameters(*_case("update_parameters", "course").args)
    np.testing.assert_allclose(params["b2"], [[-0.84610769]], rtol=1e-6)

    init = ref.initialize_parameters(*_case("initialize_parameters", "course").args)
    np.testing.assert_allclose(init["W2"], [[0.01744812, -0.00761207]], rtol=1e-6)


def test_public_cases_are_fresh_and_do_not_touch_the_global_rng():
    np.random.seed(123)
    state = np.random.get_state()[1].copy()
    first = cases.PUBLIC["linear_forward"]()[0].args[0]
    first[0, 0] = 99.0  # a check that changes its copy must not affect the next one
    assert cases.PUBLIC["linear_forward"]()[0].args[0][0, 0] != 99.0
    assert np.array_equal(np.random.get_state()[1], state)


def test_the_docstring_forward_pass_equals_the_reference():
    X, params = _case("L_model_forward", "course").args
    AL, caches = cases.forward_pass(X, params)
    ref_AL, ref_caches = ref.L_model_forward(X, params)
    np.testing.assert_allclose(AL, ref_AL, rtol=1e-12)
    for ((A, W, b), Z), ((rA, rW, rb), rZ) in zip(caches, ref_caches):
        np.testing.assert_allclose(Z, rZ, rtol=1e-12)
        np.testing.assert_array_equal(A, rA)


def test_gradient_cases_have_consistent_caches():
    for name, case_name in (("linear_activation_backward", "gradient-relu"),
                            ("L_model_backward", "gradient"),
                            ("L_model_backward", "consistent")):
        case = _case(name, case_name)
        if name == "L_model_backward":
            AL, Y, caches = case.args
            X = caches[0][0][0]
            params = {}
            for l, ((_, W, b), _) in enumerate(caches, start=1):
                params[f"W{l}"], params[f"b{l}"] = W, b
            np.testing.assert_allclose(ref.L_model_forward(X, params)[0], AL, rtol=1e-12)
        elif name == "linear_activation_backward":
            (A_prev, W, b), Z = case.args[1]
            np.testing.assert_array_equal(W @ A_prev + b, Z)
    names = [c.name for c in cases.PUBLIC["linear_activation_backward"]()]
    assert names == ["sigmoid", "relu", "gradient-sigmoid", "gradient-relu"]


def test_public_gradient_points_keep_away_from_relu_kinks():
    (A_prev, W, b), Z = _case("linear_activation_backward", "gradient-relu").args[1]
    assert np.abs(Z).min() >= 1e-3
    _, _, caches = _case("L_model_backward", "gradient").args
    assert all(np.abs(z).min() >= 1e-3 for (_, z) in caches[:-1])


def test_the_predict_tie_case_holds_an_exact_half():
    X, _, params = _case("predict", "tie").args
    probas, _ = ref.L_model_forward(X, params)
    assert np.any(probas == 0.5)


def test_model_cases_print_only_when_asked_and_stop_at_a_few_hundred_iterations():
    values, loud = cases.PUBLIC["two_layer_model"]()
    assert values.kwargs["print_cost"] is False and loud.kwargs["print_cost"] is True
    assert values.kwargs["num_iterations"] == 300 and loud.kwargs["num_iterations"] == 150
