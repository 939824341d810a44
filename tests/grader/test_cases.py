"""Public cases reproduce the course's published numbers; hidden cases are non-square and seeded."""

import numpy as np
import pytest

from course.catalog import EXERCISES
from grader.cases import c1w4 as cases
from solutions.c1w4 import step_by_step as ref

IDS = [ex.id for ex in EXERCISES]


def _case(exercise_id, name):
    (case,) = [c for c in cases.public_cases(exercise_id) if c.name == name]
    return case


def test_every_exercise_has_public_and_hidden_cases():
    rng = np.random.default_rng(1)
    for exercise_id in IDS:
        assert cases.public_cases(exercise_id)
        assert cases.hidden_cases(exercise_id, rng)


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
    first = cases.public_cases("linear_forward")[0].args[0]
    first[0, 0] = 99.0  # a check that mutates its copy must not affect the next one
    assert cases.public_cases("linear_forward")[0].args[0][0, 0] != 99.0
    assert np.array_equal(np.random.get_state()[1], state)


@pytest.mark.parametrize("seed", range(20))
def test_hidden_layer_cases_are_non_square(seed):
    rng = np.random.default_rng(seed)
    (case,) = cases.hidden_cases("linear_forward", rng)
    A, W, b = case.args
    n_prev, m = A.shape
    n = W.shape[0]
    assert len({n_prev, m, n}) == 3
    assert W.shape == (n, n_prev) and b.shape == (n, 1)

    (case,) = cases.hidden_cases("L_model_forward", rng)
    X, params = case.args
    L = len(params) // 2
    dims = [X.shape[0]] + [params["W" + str(l)].shape[0] for l in range(1, L + 1)]
    assert X.shape[1] not in dims  # the batch size differs from every layer size
    assert 2 <= L <= 4


def test_hidden_cases_are_deterministic_for_a_seed():
    for exercise_id in IDS:
        a = cases.hidden_cases(exercise_id, np.random.default_rng(7))
        b = cases.hidden_cases(exercise_id, np.random.default_rng(7))
        assert repr(a) == repr(b)


def test_predict_cases_contain_an_exact_tie():
    for case in [_case("predict", "tie")] + cases.hidden_cases("predict",
                                                               np.random.default_rng(3)):
        X, _, params = case.args
        probas, _ = ref.L_model_forward(X, params)
        assert np.any(probas == 0.5)


def test_forward_pass_equals_the_reference():
    (case,) = cases.hidden_cases("L_model_forward", np.random.default_rng(5))
    AL, caches = cases.forward_pass(*case.args)
    ref_AL, ref_caches = ref.L_model_forward(*case.args)
    np.testing.assert_array_equal(AL, ref_AL)
    for (lin, Z), (ref_lin, ref_Z) in zip(caches, ref_caches):
        np.testing.assert_array_equal(Z, ref_Z)


@pytest.mark.parametrize("exercise_id", sorted(cases.FORWARD_OF))
def test_gradient_points_keep_away_from_relu_kinks(exercise_id):
    rng = np.random.default_rng(11)
    points = cases.public_gradient_points(exercise_id) + [
        p for _ in range(10) for p in cases.hidden_gradient_points(exercise_id, rng)
    ]
    for point in points:
        case = cases.gradient_case(point)
        if exercise_id == "L_model_backward":
            assert cases.relu_margin(case.args[2]) >= 1e-3
        elif exercise_id == "linear_activation_backward":
            assert np.abs(case.args[1][1]).min() >= 1e-3


def test_activation_gradient_points_cover_both_activations():
    points = cases.hidden_gradient_points("linear_activation_backward",
                                          np.random.default_rng(0))
    assert sorted(p.forward_args[3] for p in points) == ["relu", "sigmoid"]


def test_all_public_cases_add_gradient_cases_for_backward_exercises():
    names = [c.name for c in cases.all_public_cases("linear_activation_backward")]
    assert names == ["sigmoid", "relu", "gradient-sigmoid", "gradient-relu"]
    assert [c.name for c in cases.all_public_cases("linear_forward")] == ["course", "wide"]
