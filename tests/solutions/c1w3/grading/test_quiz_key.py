"""c1w3's quiz key: its numbers and claims are what the reference implementation and NumPy produce
(every unit's key is checked complete and consistent in ../../test_quiz_keys.py)."""

import numpy as np
import pytest

from course.quiz.questions import questions
from course.quiz.variants import variant
from grader.quiz import expected_answer, load_key
from solutions.c1w3 import planar_classifier as ref

UNIT = "c1w3"
KEY = load_key(UNIT)
QUESTIONS = {q.id: q for q in questions(UNIT)}
STUDENTS = [f"s{n}" for n in range(40)]


def _answer(qid, student):
    drawn = variant(UNIT, QUESTIONS[qid], student)
    return drawn.params, expected_answer(QUESTIONS[qid], drawn, KEY[qid])


def _parameters(n_x, n_h, scale=None):
    np.random.seed(2)
    parameters = ref.initialize_parameters(n_x, n_h, 1)
    if scale is not None:
        parameters = {k: (v / 0.01 * scale if k.startswith("W") else v)
                      for k, v in parameters.items()}
    return parameters


@pytest.mark.parametrize("student", STUDENTS)
def test_shapes_and_counts_match_the_reference_network(student):
    params, answer = _answer("w1_shape", student)
    assert answer == _parameters(params["n_x"], params["n_h"])["W1"].shape
    params, answer = _answer("param_count", student)
    assert answer == sum(v.size for v in _parameters(params["n_x"], params["n_h"]).values())
    params, answer = _answer("a1_shape", student)
    X = np.random.default_rng(0).normal(size=(params["n_x"], params["m"]))
    _A2, cache = ref.forward_propagation(X, _parameters(params["n_x"], params["n_h"]))
    assert answer == cache["A1"].shape


@pytest.mark.parametrize("student", STUDENTS)
def test_derivatives_match_centred_differences(student):
    h = 1e-6
    params, answer = _answer("tanh_derivative", student)
    z = np.arctanh(params["a"])
    assert answer == pytest.approx((np.tanh(z + h) - np.tanh(z - h)) / (2 * h), abs=1e-8)
    params, answer = _answer("sigmoid_derivative", student)
    z = np.log(params["a"] / (1 - params["a"]))
    sigmoid = lambda t: 1 / (1 + np.exp(-t))  # noqa: E731
    assert answer == pytest.approx((sigmoid(z + h) - sigmoid(z - h)) / (2 * h), abs=1e-8)


@pytest.mark.parametrize("student", STUDENTS)
def test_the_update_step_is_the_reference_update(student):
    params, answer = _answer("update_step", student)
    one = lambda value: np.array([[value]])  # noqa: E731
    parameters = {"W1": one(params["w"]), "b1": one(0.0), "W2": one(0.0), "b2": one(0.0)}
    grads = {"dW1": one(params["dw"]), "db1": one(0.0), "dW2": one(0.0), "db2": one(0.0)}
    updated = ref.update_parameters(parameters, grads, learning_rate=params["alpha"])
    assert answer == pytest.approx(updated["W1"][0, 0], abs=1e-12)


def _train(parameters, X, Y, steps=20):
    for _ in range(steps):
        _A2, cache = ref.forward_propagation(X, parameters)
        grads = ref.backward_propagation(parameters, cache, X, Y)
        parameters = ref.update_parameters(parameters, grads)
    return parameters


def test_zero_weights_keep_the_hidden_units_identical_and_random_ones_do_not():
    assert KEY["zero_init"].correct == {"identical_units"}
    assert {"zero_biases", "small_weights"} == KEY["initialisation"].correct
    rng = np.random.default_rng(3)
    X, Y = rng.normal(size=(2, 30)), (rng.random((1, 30)) > 0.5).astype(float)
    zeros = {k: np.zeros_like(v) for k, v in _parameters(2, 4).items()}
    trained = _train(zeros, X, Y)
    assert np.allclose(trained["W1"], trained["W1"][:1])  # every row (unit) the same
    random_w = _parameters(2, 4)  # random W1, zero biases
    assert not np.allclose(_train(random_w, X, Y)["W1"], _train(random_w, X, Y)["W1"][:1])
    _A2, small = ref.forward_propagation(X * 10, _parameters(2, 4))
    _A2, large = ref.forward_propagation(X * 10, _parameters(2, 4, scale=10.0))
    assert np.mean(1 - small["A1"] ** 2) > 0.9 > 0.2 > np.mean(1 - large["A1"] ** 2)


def test_column_i_of_A1_is_example_i():
    assert KEY["vectorisation"].correct == {"example"}
    X = np.random.default_rng(4).normal(size=(3, 5))
    parameters = _parameters(3, 4)
    _A2, whole = ref.forward_propagation(X, parameters)
    _A2, third = ref.forward_propagation(X[:, 2:3], parameters)
    assert np.allclose(whole["A1"][:, 2:3], third["A1"])


def test_the_network_has_two_layers_of_parameters():
    assert KEY["layer_count"].correct == {"two_without_input"}
    assert len(_parameters(2, 4)) // 2 == 2
