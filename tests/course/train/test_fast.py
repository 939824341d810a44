"""The fast engine gives the course-style reference's results, with and without the m×m trick.

Every comparison trains the reference solution's own model function on the same data and checks
each iteration's cost (relative 1e-9), the recorded costs and the predictions on a training and
a held-out set. Sizes on both sides of the crossover: ``n_x > m`` (the trick applies) and
``n_x <= m`` (the plain algorithm); each method is also forced on the other side, so both are
exact everywhere and the rule only decides speed.
"""

import contextlib
import io

import numpy as np
import pytest

from course.train import fast
from course.train.progress import track_training

RTOL = 1e-9


def _data(n_x, m, seed=0, m_test=20):
    """Inputs in [0, 1) like the cat pixels; labels from a random linear rule (learnable)."""
    rng = np.random.default_rng(seed)
    X = rng.random((n_x, m + m_test))
    w = rng.standard_normal(n_x)
    y = ((w @ (X - 0.5)) > 0).astype(np.float64).reshape(1, -1)
    return X[:, :m], y[:, :m], X[:, m:], y[:, m:]


def _reference(X, Y, model, layers, learning_rate, iterations, test_x, test_y):
    """The reference solution's model: every iteration's cost, the record, both predictions."""
    from solutions.c1w4 import cat_classifier as reference

    fit = reference.two_layer_model if model == "two-layer" else reference.L_layer_model
    with contextlib.redirect_stdout(io.StringIO()), \
            track_training(reference, iterations, show_bar=False) as all_costs:
        parameters, costs = fit(X, Y, list(layers), learning_rate=learning_rate,
                                num_iterations=iterations)
        train_pred = reference.predict(X, Y, parameters)
        test_pred = reference.predict(test_x, test_y, parameters)
    return ([float(np.squeeze(c)) for c in costs], list(all_costs), train_pred, test_pred,
            parameters)


def _assert_same_run(result, ref, X, test_x):
    costs, all_costs, train_pred, test_pred, parameters = ref
    assert len(result.all_costs) == len(all_costs) and len(result.costs) == len(costs)
    np.testing.assert_allclose(result.all_costs, all_costs, rtol=RTOL, atol=0)
    np.testing.assert_allclose(result.costs, costs, rtol=RTOL, atol=0)
    np.testing.assert_array_equal(fast.predict(X, result.parameters), train_pred)
    np.testing.assert_array_equal(fast.predict(test_x, result.parameters), test_pred)
    assert sorted(result.parameters) == sorted(parameters)
    for key, value in parameters.items():
        np.testing.assert_allclose(result.parameters[key], value, rtol=1e-9, atol=1e-12)


# (n_x, m, model, layers, learning rate): n_x > m, n_x == m and n_x < m.
SIZES = [
    pytest.param(300, 40, "two-layer", (300, 7, 1), 0.05, id="wide-two-layer"),
    pytest.param(300, 40, "L-layer", (300, 20, 7, 5, 1), 0.02, id="wide-L-layer"),
    pytest.param(60, 60, "L-layer", (60, 10, 4, 1), 0.05, id="square-L-layer"),
    pytest.param(30, 80, "two-layer", (30, 7, 1), 0.1, id="tall-two-layer"),
    pytest.param(30, 80, "L-layer", (30, 20, 7, 5, 1), 0.05, id="tall-L-layer"),
]


@pytest.mark.parametrize("n_x, m, model, layers, learning_rate", SIZES)
def test_both_methods_match_the_reference(n_x, m, model, layers, learning_rate):
    X, Y, test_x, test_y = _data(n_x, m)
    iterations = 600
    ref = _reference(X, Y, model, layers, learning_rate, iterations, test_x, test_y)
    assert 0 < ref[2].mean() < 1  # the network learnt something: both classes predicted
    for method in fast.METHODS:
        result = fast.fit(X, Y, layers, learning_rate, iterations, model=model, method=method)
        assert result.method == method
        _assert_same_run(result, ref, X, test_x)


@pytest.mark.parametrize("n_x, m, model, layers, learning_rate", SIZES)
def test_auto_follows_the_crossover_rule(n_x, m, model, layers, learning_rate):
    X, Y, _, _ = _data(n_x, m)
    result = fast.fit(X, Y, layers, learning_rate, 600, model=model)
    assert result.method == (fast.GRAM if n_x > m else fast.PLAIN)
    assert result.method == fast.choose_method(n_x, m, layers[1], 600)


def test_crossover_rule():
    # The cat data: 12288 inputs, 209 examples, 20 or 7 first-layer units.
    assert fast.choose_method(12288, 209, 20, 2500) == fast.GRAM
    assert fast.choose_method(12288, 209, 7, 2500) == fast.GRAM
    # As many or more examples than inputs: plain, however long the run.
    assert fast.choose_method(100, 100, 20, 10**6) == fast.PLAIN
    assert fast.choose_method(50, 100, 20, 10**6) == fast.PLAIN
    assert fast.choose_method(101, 100, 20, 10**6) == fast.GRAM
    # A run too short to repay the m×m set-up stays plain; the switch comes where the
    # estimated work of the two methods crosses.
    switch = next(t for t in range(1, 100) if fast.choose_method(12288, 209, 20, t) == fast.GRAM)
    assert 2 <= switch <= 10
    for t in (switch - 1, switch):
        gram = fast.estimated_work(fast.GRAM, 12288, 209, 20, t)
        plain = fast.estimated_work(fast.PLAIN, 12288, 209, 20, t)
        assert (gram < plain) == (t == switch)
    # Per iteration the trick does n_1 m^2 multiply-adds instead of 2 n_1 n_x m.
    per_iteration = (fast.estimated_work(fast.GRAM, 12288, 209, 20, 2)
                     - fast.estimated_work(fast.GRAM, 12288, 209, 20, 1))
    assert per_iteration == 20 * 209 * 209


def test_initial_parameters_are_the_courses():
    from solutions.c1w4.cat_classifier import initialize_parameters_deep_scaled
    from solutions.c1w4.step_by_step import initialize_parameters

    state = np.random.get_state()
    deep = fast.initial_parameters("L-layer", (30, 5, 3, 1))
    two = fast.initial_parameters("two-layer", (30, 4, 1))
    assert np.array_equal(np.random.get_state()[1], state[1])  # the global generator untouched
    for mine, course in ((deep, initialize_parameters_deep_scaled([30, 5, 3, 1])),
                         (two, initialize_parameters(30, 4, 1))):
        assert sorted(mine) == sorted(course)
        for key in course:
            np.testing.assert_array_equal(mine[key], course[key])


def test_cost_lines_and_callback_follow_the_course():
    X, Y, _, _ = _data(40, 10)
    out, seen = io.StringIO(), []
    result = fast.fit(X, Y, (40, 3, 1), 0.01, 201, model="L-layer", print_cost=True,
                      on_cost=seen.append, out=out)
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Cost after iteration 0", "Cost after iteration 100", "Cost after iteration 200"]
    assert float(lines[1].split(": ")[1]) == result.all_costs[100]
    assert seen == result.all_costs and result.costs == result.all_costs[::100]


def test_unknown_method_is_refused():
    X, Y, _, _ = _data(10, 5)
    with pytest.raises(ValueError, match="method"):
        fast.fit(X, Y, (10, 2, 1), 0.1, 2, method="magic")


@pytest.fixture(scope="module")
def cat_data(real_data_dir):
    from course.data import load_data, preprocess

    train_x, train_y, test_x, test_y, _ = load_data(real_data_dir)
    return preprocess(train_x), train_y, preprocess(test_x), test_y


@pytest.mark.parametrize("model, layers", [("two-layer", (12288, 7, 1)),
                                           ("L-layer", (12288, 20, 7, 5, 1))])
def test_real_data_short_run_matches_the_reference(cat_data, model, layers):
    train_x, train_y, test_x, test_y = cat_data
    ref = _reference(train_x, train_y, model, layers, 0.0075, 40, test_x, test_y)
    result = fast.fit(train_x, train_y, layers, 0.0075, 40, model=model, method=fast.GRAM)
    _assert_same_run(result, ref, train_x, test_x)


# The course's published numbers (two-layer and L-layer, learning rate 0.0075, 2500 iterations).
PUBLISHED = {
    "two-layer": {"layers": (12288, 7, 1), "first": 0.693049735659989,
                  "last": 0.04421498215868953, "train": 1.0, "test": 0.72},
    "L-layer": {"layers": (12288, 20, 7, 5, 1), "first": 0.7717493284237686,
                "last": 0.088439943441702, "train": 0.9856459330143539, "test": 0.8},
}


@pytest.mark.slow
@pytest.mark.parametrize("model", ["two-layer", "L-layer"])
def test_real_data_full_run_matches_the_reference_and_the_course(cat_data, model):
    train_x, train_y, test_x, test_y = cat_data
    facts = PUBLISHED[model]
    ref = _reference(train_x, train_y, model, facts["layers"], 0.0075, 2500, test_x, test_y)
    result = fast.fit(train_x, train_y, facts["layers"], 0.0075, 2500, model=model)
    assert result.method == fast.GRAM
    _assert_same_run(result, ref, train_x, test_x)
    assert result.all_costs[0] == pytest.approx(facts["first"], rel=1e-12)
    assert result.all_costs[-1] == pytest.approx(facts["last"], rel=1e-9)
    train_pred = fast.predict(train_x, result.parameters)
    test_pred = fast.predict(test_x, result.parameters)
    assert np.mean(train_pred == train_y) == pytest.approx(facts["train"], abs=1e-12)
    assert np.mean(test_pred == test_y) == pytest.approx(facts["test"], abs=1e-12)
