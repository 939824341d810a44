"""c1w4's hidden cases: non-square, reproducible from their generator, away from ReLU kinks."""

import numpy as np
import pytest

from grader_test_support import NAMES
from solutions.c1w4 import step_by_step as ref
from solutions.c1w4.grading import hidden_cases as hidden


def test_every_exercise_has_hidden_cases_and_backward_ones_gradient_cases():
    assert list(hidden.HIDDEN) == NAMES
    assert set(hidden.GRADIENT) == {"linear_backward", "linear_activation_backward",
                                    "L_model_backward"}
    rng = np.random.default_rng(1)
    for name in NAMES:
        assert hidden.HIDDEN[name](rng), name


@pytest.mark.parametrize("seed", range(20))
def test_layer_and_network_cases_are_non_square(seed):
    rng = np.random.default_rng(seed)
    (case,) = hidden.HIDDEN["linear_forward"](rng)
    A, W, b = case.args
    n_prev, m = A.shape
    n = W.shape[0]
    assert len({n_prev, m, n}) == 3
    assert W.shape == (n, n_prev) and b.shape == (n, 1)

    (case,) = hidden.HIDDEN["L_model_forward"](rng)
    X, params = case.args
    L = len(params) // 2
    dims = [X.shape[0]] + [params["W" + str(l)].shape[0] for l in range(1, L + 1)]
    assert X.shape[1] not in dims  # the batch size differs from every layer size
    assert 2 <= L <= 4


def test_hidden_cases_are_reproducible_from_the_generator():
    for name in NAMES:
        a = hidden.HIDDEN[name](np.random.default_rng(7))
        b = hidden.HIDDEN[name](np.random.default_rng(7))
        assert repr(a) == repr(b), name
        c = hidden.HIDDEN[name](np.random.default_rng(8))
        assert repr(a) != repr(c), name


@pytest.mark.parametrize("seed", range(10))
def test_predict_cases_have_a_tie_and_both_labels(seed):
    (case,) = hidden.HIDDEN["predict"](np.random.default_rng(seed))
    X, _, params = case.args
    probas, _ = ref.L_model_forward(X, params)
    assert np.any(probas == 0.5)
    labels = probas > 0.5
    assert labels.any() and not labels.all()  # neither zeros nor ones is an answer


@pytest.mark.parametrize("name", sorted(hidden.GRADIENT))
def test_gradient_points_keep_away_from_relu_kinks(name):
    rng = np.random.default_rng(11)
    for _ in range(10):
        for case in hidden.GRADIENT[name](rng):
            if name == "L_model_backward":
                caches = case.args[2]
                assert all(np.abs(z).min() >= hidden.MARGIN for (_, z) in caches[:-1])
            else:
                (A_prev, W, b) = case.args[1][0] if name != "linear_backward" else case.args[1]
                assert np.abs(W @ A_prev + b).min() >= hidden.MARGIN


def test_activation_gradient_points_cover_both_activations():
    cases = hidden.GRADIENT["linear_activation_backward"](np.random.default_rng(0))
    assert sorted(c.args[2] for c in cases) == ["relu", "sigmoid"]
