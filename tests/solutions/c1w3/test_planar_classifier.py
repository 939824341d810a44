"""The Week 3 reference reproduces every expected output the course publishes.

Expected numbers are the course's (its notebook's "Expected output" cells and its public tests),
never values printed by this code. The inputs are the unit's graded public cases
(``course/c1w3/grading/cases.py``), so these tests also check that the cases named ``course`` are
the course's own inputs. Arrays printed with 8 decimals are compared within half a unit
of the 8th decimal (``atol=5e-9``), or within ``rtol=5e-8`` where the course prints them in
scientific notation; costs printed with ``%f`` (6 decimals) within ``5e-7``.
"""

import contextlib
import copy
import io
import re

import numpy as np
import pytest

from course.c1w3.grading.cases import PUBLIC
from solutions.c1w3 import planar_classifier as ref

EIGHT_DECIMALS = 5e-9
SIX_DECIMALS = 5e-7


def _public_case(exercise, name="course"):
    """The public case ``name`` of ``exercise``, built afresh (its arrays are new copies)."""
    return next(case for case in PUBLIC[exercise]() if case.name == name)


def _backward_public_test_case():
    """The course's public test of backward_propagation (not a graded case): all drawn after
    seed 1, ``X`` (3, 7), ``Y`` (1, 7) booleans, ``W1`` (9, 3), ``W2`` (1, 9), then a random cache
    ``A1, A2, Z1, Z2`` in that order."""
    np.random.seed(1)
    X = np.random.randn(3, 7)
    Y = np.random.randn(1, 7) > 0
    parameters = {"W1": np.random.randn(9, 3), "W2": np.random.randn(1, 9),
                  "b1": np.zeros((9, 1)), "b2": np.zeros((1, 1))}
    cache = {"A1": np.random.randn(9, 7), "A2": np.random.randn(1, 7),
             "Z1": np.random.randn(9, 7), "Z2": np.random.randn(1, 7)}
    return parameters, cache, X, Y


def _printed(fn, *args, **kwargs):
    """Call ``fn`` and return ``(result, {iteration: cost})`` parsed from what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        result = fn(*args, **kwargs)
    costs = re.findall(r"Cost after iteration (\d+): (\S+)", out.getvalue())
    return result, {int(i): float(c) for i, c in costs}


# Exercise 1: layer_sizes ------------------------------------------------------------------------

def test_layer_sizes_published_case():
    X, Y = _public_case("layer_sizes").args
    sizes = ref.layer_sizes(X, Y)
    assert type(sizes) is tuple and sizes == (5, 4, 2)


def test_layer_sizes_second_public_case_continues_the_same_draws():
    np.random.seed(1)  # the course case's two draws, then the public test draws two more arrays
    for drawn, given in zip((np.random.randn(5, 3), np.random.randn(2, 3)),
                            _public_case("layer_sizes").args):
        np.testing.assert_array_equal(drawn, given)
    X, Y = np.random.randn(7, 5), np.random.randn(5, 5)
    assert ref.layer_sizes(X, Y) == (7, 4, 5)


# Exercise 2: initialize_parameters --------------------------------------------------------------

def test_initialize_parameters_published_values():
    case = _public_case("initialize_parameters")
    assert case.seed == 2
    np.random.seed(case.seed)
    p = ref.initialize_parameters(*case.args)
    np.testing.assert_allclose(p["W1"], [[-0.00416758, -0.00056267],
                                         [-0.02136196, 0.01640271],
                                         [-0.01793436, -0.00841747],
                                         [0.00502881, -0.01245288]], rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(p["W2"], [[-0.01057952, -0.00909008, 0.00551454, 0.02292208]],
                               rtol=0, atol=EIGHT_DECIMALS)
    assert p["b1"].shape == (4, 1) and not p["b1"].any()
    assert p["b2"].shape == (1, 1) and not p["b2"].any()


def test_initialize_parameters_public_case_3_5_2():
    np.random.seed(2)
    p = ref.initialize_parameters(3, 5, 2)
    np.testing.assert_allclose(p["W1"], [[-0.00416758, -0.00056267, -0.02136196],
                                         [0.01640271, -0.01793436, -0.00841747],
                                         [0.00502881, -0.01245288, -0.01057952],
                                         [-0.00909008, 0.00551454, 0.02292208],
                                         [0.00041539, -0.01117925, 0.00539058]],
                               rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(p["W2"], [[-5.96159700e-03, -1.91304965e-04, 1.17500122e-02,
                                          -7.47870949e-03, 9.02525097e-05],
                                         [-8.78107893e-03, -1.56434170e-03, 2.56570452e-03,
                                          -9.88779049e-03, -3.38821966e-03]], rtol=5e-8, atol=0)
    assert p["b1"].shape == (5, 1) and p["b2"].shape == (2, 1)


def test_initialize_parameters_does_not_seed_itself():
    # Week 3's convention (unlike Week 4's): two calls in a row give different weights.
    np.random.seed(2)
    first = ref.initialize_parameters(2, 4, 1)
    second = ref.initialize_parameters(2, 4, 1)
    assert not np.allclose(first["W1"], second["W1"])


# Exercise 3: forward_propagation ----------------------------------------------------------------

def test_forward_propagation_published_output():
    X, parameters = _public_case("forward_propagation").args
    A2, cache = ref.forward_propagation(X, parameters)
    np.testing.assert_allclose(A2, [[0.21292656, 0.21274673, 0.21295976]],
                               rtol=0, atol=EIGHT_DECIMALS)
    assert sorted(cache) == ["A1", "A2", "Z1", "Z2"] and cache["A2"] is A2
    # The public test's cache values.
    np.testing.assert_allclose(cache["Z1"], [[1.7386459, 1.74687437, 1.74830797],
                                             [-0.81350569, -0.73394355, -0.78767559],
                                             [0.29893918, 0.32272601, 0.34788465],
                                             [-0.2278403, -0.2632236, -0.22336567]],
                               rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(cache["A1"], [[0.9400694, 0.94101876, 0.94118266],
                                             [-0.67151964, -0.62547205, -0.65709025],
                                             [0.29034152, 0.31196971, 0.33449821],
                                             [-0.22397799, -0.25730819, -0.2197236]],
                               rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(cache["Z2"], [[-1.30737426, -1.30844761, -1.30717618]],
                               rtol=0, atol=EIGHT_DECIMALS)
    # The course's earlier notebook printed the four means instead.
    means = [cache[k].mean() for k in ("Z1", "A1", "Z2", "A2")]
    np.testing.assert_allclose(means, [0.26281864019752443, 0.09199904522700109,
                                       -1.3076660128732143, 0.21287768171914198], rtol=1e-12)


# Exercise 4: compute_cost -----------------------------------------------------------------------

def test_compute_cost_published_value_is_a_python_float():
    A2, Y = _public_case("compute_cost").args
    cost = ref.compute_cost(A2, Y)
    assert type(cost) is float
    assert cost == pytest.approx(0.6930587610394646, abs=1e-15)


def test_compute_cost_public_case_of_five():
    A2, Y = _public_case("compute_cost", "five").args
    cost = ref.compute_cost(A2, Y)
    assert type(cost) is float
    assert cost == pytest.approx(0.5447066599017815, abs=1e-15)


@pytest.mark.parametrize("dtype", [bool, np.uint8, np.float64])
def test_compute_cost_accepts_the_label_dtypes_of_the_course(dtype):
    A2, Y = _public_case("compute_cost").args
    cost = ref.compute_cost(A2, Y.astype(dtype))
    assert type(cost) is float and cost == pytest.approx(0.6930587610394646, abs=1e-15)


# Exercise 5: backward_propagation ---------------------------------------------------------------

def test_backward_propagation_published_output():
    grads = ref.backward_propagation(*_public_case("backward_propagation").args)
    np.testing.assert_allclose(grads["dW1"], [[0.00301023, -0.00747267],
                                              [0.00257968, -0.00641288],
                                              [-0.00156892, 0.003893],
                                              [-0.00652037, 0.01618243]],
                               rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(grads["db1"], [[0.00176201], [0.00150995], [-0.00091736],
                                              [-0.00381422]], rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(grads["dW2"], [[0.00078841, 0.01765429, -0.00084166, -0.01022527]],
                               rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(grads["db2"], [[-0.16655712]], rtol=0, atol=EIGHT_DECIMALS)


def test_backward_propagation_public_case():
    grads = ref.backward_propagation(*_backward_public_test_case())
    np.testing.assert_allclose(grads["dW1"], [[-0.24468458, -0.24371232, 0.15959609],
                                              [0.7370069, -0.64785999, 0.23669823],
                                              [0.47936123, -0.01516428, 0.01566728],
                                              [0.03361075, -0.0930929, 0.05581073],
                                              [0.52445178, -0.03895358, 0.09180612],
                                              [-0.17043596, 0.13406378, -0.20952062],
                                              [0.76144791, -0.41766018, 0.02544078],
                                              [0.22164791, -0.33081645, 0.19526915],
                                              [0.25619969, -0.09561825, 0.05679075]],
                               rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(grads["db1"].ravel(),
                               [0.1463639, -0.33647992, -0.51738006, -0.07780329, -0.57889514,
                                0.28357278, -0.39756864, -0.10510329, -0.13443244],
                               rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(grads["dW2"], [[-0.35768529, 0.22046323, -0.29551566, -0.12202786,
                                               0.18809552, 0.13700323, 0.35892872, -0.02220353,
                                               -0.03976687]], rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(grads["db2"], [[-0.78032466]], rtol=0, atol=EIGHT_DECIMALS)
    assert grads["db1"].shape == (9, 1) and grads["dW1"].shape == (9, 3)


def test_backward_propagation_matches_numerical_gradients():
    # Self-consistency on a fresh network: the analytic gradients are the cost's derivatives.
    rng = np.random.default_rng(7)
    X = rng.normal(size=(2, 6))
    Y = rng.random((1, 6)) > 0.5
    params = {"W1": rng.normal(size=(3, 2)), "b1": rng.normal(size=(3, 1)),
              "W2": rng.normal(size=(1, 3)), "b2": rng.normal(size=(1, 1))}
    _, cache = ref.forward_propagation(X, params)
    grads = ref.backward_propagation(params, cache, X, Y)
    eps = 1e-6
    for name in params:
        numeric = np.zeros_like(params[name])
        for idx in np.ndindex(params[name].shape):
            plus, minus = copy.deepcopy(params), copy.deepcopy(params)
            plus[name][idx] += eps
            minus[name][idx] -= eps
            numeric[idx] = (ref.compute_cost(ref.forward_propagation(X, plus)[0], Y)
                            - ref.compute_cost(ref.forward_propagation(X, minus)[0], Y)) / (2 * eps)
        np.testing.assert_allclose(grads["d" + name], numeric, rtol=1e-5, atol=1e-9)


# Exercise 6: update_parameters ------------------------------------------------------------------

def test_update_parameters_published_output_with_the_default_rate():
    parameters, grads = _public_case("update_parameters").args
    new = ref.update_parameters(parameters, grads)  # learning_rate defaults to 1.2
    np.testing.assert_allclose(new["W1"], [[-0.00643025, 0.01936718],
                                           [-0.02410458, 0.03978052],
                                           [-0.01653973, -0.02096177],
                                           [0.01046864, -0.05990141]], rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(new["b1"], [[-1.02420756e-06], [1.27373948e-05], [8.32996807e-07],
                                           [-3.20136836e-06]], rtol=5e-8, atol=0)
    np.testing.assert_allclose(new["W2"], [[-0.01041081, -0.04463285, 0.01758031, 0.04747113]],
                               rtol=0, atol=EIGHT_DECIMALS)
    np.testing.assert_allclose(new["b2"], [[0.00010457]], rtol=0, atol=EIGHT_DECIMALS)


def test_update_parameters_leaves_its_input_alone():
    parameters, grads = _public_case("update_parameters").args
    before = copy.deepcopy(parameters)
    new = ref.update_parameters(parameters, grads, learning_rate=0.5)
    assert new is not parameters
    for key in before:
        np.testing.assert_array_equal(parameters[key], before[key])
    np.testing.assert_allclose(new["W2"], before["W2"] - 0.5 * grads["dW2"])


# Exercise 7: nn_model ---------------------------------------------------------------------------

def test_nn_model_published_costs_and_parameters():
    case = _public_case("nn_model")
    assert case.args[2] == 4 and case.kwargs == {"num_iterations": 10000, "print_cost": True}
    parameters, costs = _printed(ref.nn_model, *case.args, **case.kwargs)
    assert sorted(costs) == list(range(0, 10000, 1000))
    # The notebook prints these (and elides 3000-7000).
    published = {0: 0.693198, 1000: 0.000219, 2000: 0.000108, 8000: 0.000027, 9000: 0.000024}
    for iteration, value in published.items():
        assert costs[iteration] == pytest.approx(value, abs=SIX_DECIMALS), iteration
    expected = {
        "W1": [[0.56305445, -1.03925886], [0.7345426, -1.36286875],
               [-0.72533346, 1.33753027], [0.74757629, -1.38274074]],
        "b1": [[-0.22240654], [-0.34662093], [0.33663708], [-0.35296113]],
        "W2": [[1.82196893, 3.09657075, -2.98193564, 3.19946508]],
        "b2": [[0.21344644]],
    }
    for key, value in expected.items():
        np.testing.assert_allclose(parameters[key], value, rtol=0, atol=EIGHT_DECIMALS,
                                   err_msg=key)


def test_nn_model_seeds_itself_with_3():
    X, Y, _n_h = _public_case("nn_model").args
    np.random.seed(123)
    a = ref.nn_model(X, Y, 2, num_iterations=3)
    np.random.rand(5)
    b = ref.nn_model(X, Y, 2, num_iterations=3)
    np.testing.assert_array_equal(a["W1"], b["W1"])
    # ... and the seed is 3: zero iterations leave the seed-3 initialisation.
    untrained = ref.nn_model(X, Y, 2, num_iterations=0)
    np.random.seed(3)
    np.testing.assert_array_equal(untrained["W1"], np.random.randn(2, 2) * 0.01)


def test_nn_model_prints_nothing_by_default():
    X, Y, _n_h = _public_case("nn_model").args
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ref.nn_model(X, Y, 3, num_iterations=20)
    assert out.getvalue() == ""


# Exercise 8: predict ----------------------------------------------------------------------------

def test_predict_published_output():
    predictions = ref.predict(*_public_case("predict").args)
    assert predictions.dtype == bool and predictions.shape == (1, 3)
    np.testing.assert_array_equal(predictions, [[True, False, True]])
    # The earlier notebook printed the mean of the predictions: 0.666666666667.
    assert np.mean(predictions) == pytest.approx(0.666666666667, abs=5e-13)


def test_predict_uses_a_strict_threshold():
    params = {"W1": np.zeros((2, 2)), "b1": np.zeros((2, 1)),
              "W2": np.zeros((1, 2)), "b2": np.zeros((1, 1))}  # sigmoid(0) = 0.5 exactly
    assert not ref.predict(params, np.ones((2, 4))).any()
