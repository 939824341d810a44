"""The reference of assignment 2 reproduces the course's published numbers on the real data."""

import contextlib
import io
import re

import numpy as np
import pytest

from course.data import load_data, preprocess
from solutions.c1w4 import cat_classifier as ref

LR = 0.0075


@pytest.fixture(scope="module")
def data(real_data_dir):
    train_x_orig, train_y, test_x_orig, test_y, _classes = load_data(real_data_dir)
    return preprocess(train_x_orig), train_y, preprocess(test_x_orig), test_y


def _run(fit, data, layers, iterations):
    train_x, train_y, _, _ = data
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        params, costs = fit(train_x, train_y, layers, learning_rate=LR, num_iterations=iterations,
                            print_cost=True)
    lines = dict(re.findall(r"Cost after iteration (\d+): (\S+)", printed.getvalue()))
    return params, costs, {int(k): float(v) for k, v in lines.items()}


def _accuracy(params, x, y):
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        p = ref.predict(x, y, params)
    return p, float(printed.getvalue().split("Accuracy:")[1])


def test_deep_scaled_initialiser_seeds_and_scales():
    p = ref.initialize_parameters_deep_scaled([16, 4, 1])
    np.random.seed(1)
    assert p["W1"][0, 0] == pytest.approx(np.random.randn() / 4.0)
    assert p["W2"].shape == (1, 4) and not p["b2"].any()


def test_predict_uses_a_strict_threshold():
    params = {"W1": np.zeros((1, 3)), "b1": np.zeros((1, 1))}  # sigmoid(0) = 0.5 exactly
    with contextlib.redirect_stdout(io.StringIO()):
        p = ref.predict(np.ones((3, 4)), np.zeros((1, 4)), params)
    assert p.shape == (1, 4) and not p.any()


def test_two_layer_first_cost_on_real_data(data):
    _, costs, printed = _run(ref.two_layer_model, data, (12288, 7, 1), 3)
    assert float(costs[0]) == pytest.approx(0.693049735659989, abs=1e-12)
    assert len(costs) == 1 and sorted(printed) == [0, 2]


def test_L_layer_first_cost_on_real_data(data):
    _, costs, printed = _run(ref.L_layer_model, data, [12288, 20, 7, 5, 1], 3)
    assert float(costs[0]) == pytest.approx(0.7717493284237686, abs=1e-12)
    assert printed[2] < printed[0]


@pytest.mark.slow
def test_two_layer_model_full_run_reproduces_the_course(data):
    params, costs, printed = _run(ref.two_layer_model, data, (12288, 7, 1), 2500)
    assert len(costs) == 25
    assert float(costs[0]) == pytest.approx(0.693049735659989, abs=1e-12)
    assert printed[2499] == pytest.approx(0.0442150, abs=5e-7)
    _, train_acc = _accuracy(params, data[0], data[1])
    _, test_acc = _accuracy(params, data[2], data[3])
    assert train_acc == pytest.approx(1.0, abs=1e-9)
    assert test_acc == pytest.approx(0.72, abs=1e-9)


@pytest.mark.slow
def test_L_layer_model_full_run_reproduces_the_course(data):
    params, costs, printed = _run(ref.L_layer_model, data, [12288, 20, 7, 5, 1], 2500)
    assert len(costs) == 25
    assert float(costs[0]) == pytest.approx(0.7717493284237686, abs=1e-12)
    assert printed[2499] == pytest.approx(0.0884399, abs=5e-7)
    _, train_acc = _accuracy(params, data[0], data[1])
    _, test_acc = _accuracy(params, data[2], data[3])
    assert train_acc == pytest.approx(0.9856459330143539, abs=1e-12)
    assert test_acc == pytest.approx(0.8, abs=1e-9)
