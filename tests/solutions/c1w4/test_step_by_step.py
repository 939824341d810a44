"""The reference of assignment 1 reproduces the course's published values and is self-consistent."""

import copy

import numpy as np
import pytest

from solutions.c1w4 import step_by_step as ref


def test_compute_cost_published_example_is_a_0d_array():
    cost = ref.compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))
    assert isinstance(cost, np.ndarray) and cost.shape == ()
    assert cost == pytest.approx(0.2797765635793422, abs=1e-15)


def test_initialize_parameters_published_values():
    p = ref.initialize_parameters(3, 2, 1)
    np.testing.assert_allclose(
        p["W1"], [[0.01624345, -0.00611756, -0.00528172], [-0.01072969, 0.00865408, -0.02301539]],
        atol=5e-9,
    )
    np.testing.assert_allclose(p["W2"], [[0.01744812, -0.00761207]], atol=5e-9)
    assert p["b1"].shape == (2, 1) and not p["b1"].any()
    assert p["b2"].shape == (1, 1) and not p["b2"].any()


def test_initialize_parameters_deep_published_first_values():
    p = ref.initialize_parameters_deep([5, 4, 3])
    assert sorted(p) == ["W1", "W2", "b1", "b2"]
    np.testing.assert_allclose(p["W1"][0], [0.01788628, 0.0043651, 0.00096497, -0.01863493,
                                            -0.00277388], atol=5e-9)
    np.testing.assert_allclose(p["W1"][3], [-0.00404677, -0.0054536, -0.01546477, 0.00982367,
                                            -0.01101068], atol=5e-9)
    np.testing.assert_allclose(p["W2"][2], [-0.00768836, -0.00230031, 0.00745056, 0.01976111],
                               atol=5e-9)
    assert p["b1"].shape == (4, 1) and p["b2"].shape == (3, 1)


def test_initialisers_reseed_themselves():
    np.random.seed(123)
    a = ref.initialize_parameters_deep([4, 3, 1])
    np.random.rand(7)
    b = ref.initialize_parameters_deep([4, 3, 1])
    np.testing.assert_array_equal(a["W2"], b["W2"])


def _network(seed=0, dims=(4, 3, 2, 1), m=5):
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = rng.normal(size=(dims[l], dims[l - 1]))
        params[f"b{l}"] = rng.normal(size=(dims[l], 1))
    X = rng.normal(size=(dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    return params, X, Y


def test_forward_shapes_and_cache_layout():
    params, X, _ = _network()
    AL, caches = ref.L_model_forward(X, params)
    assert AL.shape == (1, 5) and len(caches) == 3
    (A_prev, W, b), Z = caches[1]
    assert A_prev.shape == (3, 5) and W is params["W2"] and Z.shape == (2, 5)
    assert np.all((AL > 0) & (AL < 1))


def test_L_model_backward_matches_numerical_gradients():
    params, X, Y = _network()
    AL, caches = ref.L_model_forward(X, params)
    grads = ref.L_model_backward(AL, Y, caches)
    eps = 1e-6
    for name in ("W1", "b1", "W3", "b3"):
        numeric = np.zeros_like(params[name])
        for idx in np.ndindex(params[name].shape):
            plus, minus = copy.deepcopy(params), copy.deepcopy(params)
            plus[name][idx] += eps
            minus[name][idx] -= eps
            numeric[idx] = (ref.compute_cost(ref.L_model_forward(X, plus)[0], Y)
                            - ref.compute_cost(ref.L_model_forward(X, minus)[0], Y)) / (2 * eps)
        np.testing.assert_allclose(grads["d" + name], numeric, rtol=1e-5, atol=1e-8)
    assert sorted(k for k in grads if k.startswith("dA")) == ["dA0", "dA1", "dA2"]
    assert grads["dA0"].shape == X.shape


def test_update_parameters_returns_new_dict_without_mutating():
    params, X, Y = _network()
    before = copy.deepcopy(params)
    AL, caches = ref.L_model_forward(X, params)
    grads = ref.L_model_backward(AL, Y, caches)
    new = ref.update_parameters(params, grads, 0.1)
    assert new is not params
    for key in params:
        np.testing.assert_array_equal(params[key], before[key])
    np.testing.assert_allclose(new["W2"], before["W2"] - 0.1 * grads["dW2"])


@pytest.mark.parametrize("fn", [ref.linear_activation_forward])
def test_unknown_activation_is_a_bilingual_error(fn):
    with pytest.raises(ValueError, match="sigmoid.*relu") as info:
        fn(np.ones((2, 1)), np.ones((1, 2)), np.ones((1, 1)), "tanh")
    assert "دالة التنشيط" in str(info.value)
