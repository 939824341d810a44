"""Hidden cases of unit c1w3: random non-square inputs drawn from each check's keyed generator.

الحالات المخفية للوحدة c1w3: مُدخلات عشوائية غير مربّعة تُسحب من مولِّد كل فحص.
"""

import numpy as np

from course.c1w3.grading.cases import forward_cache, gradient_case
from grader.cases import Case


def distinct(rng, count, low=2, high=9):
    """``count`` different integers in ``[low, high]``."""
    return [int(v) for v in rng.choice(np.arange(low, high + 1), size=count, replace=False)]


def normal(rng, *shape):
    return rng.standard_normal(shape)


def params(rng, n_x, n_h, n_y, scale=1.0):
    return {"W1": scale * normal(rng, n_h, n_x), "b1": 0.3 * normal(rng, n_h, 1),
            "W2": scale * normal(rng, n_y, n_h), "b2": 0.3 * normal(rng, n_y, 1)}


def labels(rng, m, kind=float):
    Y = rng.random((1, m)) > 0.5
    Y[0, 0], Y[0, 1] = True, False
    return Y.astype(kind)


def _layer_sizes(rng):
    n_x, n_y, m = distinct(rng, 3, 1, 9)
    return [Case("random", (normal(rng, n_x, m), normal(rng, n_y, m)))]


def _forward(rng):
    n_x, n_h, m = distinct(rng, 3)
    return [Case("random", (normal(rng, n_x, m), params(rng, n_x, n_h, 1)))]


def _cost(rng):
    m = int(rng.integers(4, 13))
    return [Case("random", (rng.uniform(0.02, 0.98, size=(1, m)), labels(rng, m, bool)))]


def _backward(rng):
    n_x, n_h, m = distinct(rng, 3, 2, 7)
    return [gradient_case("random", normal(rng, n_x, m), params(rng, n_x, n_h, 1, 0.5),
                          labels(rng, m))]


def _update(rng):
    n_x, n_h = distinct(rng, 2)
    p = params(rng, n_x, n_h, 1)
    grads = {"d" + k: normal(rng, *v.shape) for k, v in p.items()}
    return [Case("random", (p, grads, float(rng.uniform(0.01, 2.0)))),
            Case("default-rate", (p, grads))]


def _nn_model(rng):
    n_x, m = int(rng.integers(2, 5)), int(rng.integers(9, 16))
    X = normal(rng, n_x, m)
    Y = labels(rng, m)
    Y[0] = (X[0] * X[1] > 0)
    Y[0, 0], Y[0, 1] = 1.0, 0.0
    return [Case("random", (X, Y, int(rng.integers(2, 6))),
                 {"num_iterations": 300, "print_cost": False})]


def _predict(rng):
    n_x, n_h, m = distinct(rng, 3, 2, 9)
    p = params(rng, n_x, n_h, 1)
    p["b2"] = np.zeros((1, 1))
    X = normal(rng, n_x, m)
    X[:, int(rng.integers(0, m))] = 0.0
    p["b1"] = np.zeros((n_h, 1))  # with zero biases an all-zero example is an exact 0.5 tie
    return [Case("random", (p, X))]


HIDDEN = {
    "layer_sizes": _layer_sizes,
    "initialize_parameters": lambda rng: [Case("random", (*distinct(rng, 2), int(rng.integers(1, 3))),
                                               seed=int(rng.integers(0, 2**31 - 1)))],
    "forward_propagation": _forward,
    "compute_cost": _cost,
    "backward_propagation": _backward,
    "update_parameters": _update,
    "nn_model": _nn_model,
    "predict": _predict,
}

GRADIENT = {"backward_propagation": _backward}
