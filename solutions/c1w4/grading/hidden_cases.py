"""Hidden cases of unit c1w4: random non-square inputs drawn from each check's generator.

الحالات المخفية للوحدة c1w4: مُدخلات عشوائية غير مربّعة تُسحب من مولِّد كل فحص.

The generator a check receives is keyed (see :mod:`grader.keys`): students cannot derive the
inputs even though this code is plain. The batch size, the number of features and the number of
units all differ, so a transposed ``W`` or a sum over the wrong axis cannot pass by luck.
Gradient cases keep every ReLU input at least ``MARGIN`` away from 0 (a centred difference across
the kink would be wrong).
"""

import numpy as np

from course.c1w4.grading.cases import forward_pass, layer_gradient_case, network_gradient_case
from grader.cases import Case

MARGIN = 1e-3


def distinct(rng, count, low=2, high=9):
    """``count`` different integers in ``[low, high]``."""
    return [int(v) for v in rng.choice(np.arange(low, high + 1), size=count, replace=False)]


def normal(rng, *shape):
    return rng.standard_normal(shape)


def params(rng, dims, scaled=True, zero_bias=False):
    out = {}
    for l in range(1, len(dims)):
        W = normal(rng, dims[l], dims[l - 1])
        out["W" + str(l)] = W / np.sqrt(dims[l - 1]) if scaled else W
        out["b" + str(l)] = np.zeros((dims[l], 1)) if zero_bias else 0.5 * normal(rng, dims[l], 1)
    return out


def labels(rng, m):
    Y = (rng.random((1, m)) > 0.5).astype(float)
    Y[0, 0], Y[0, 1] = 1.0, 0.0  # both classes present
    return Y


def _layer(rng):
    n_prev, n, m = distinct(rng, 3)
    return normal(rng, n_prev, m), normal(rng, n, n_prev), normal(rng, n, 1), (n, m)


def _linear_activation_forward(rng):
    A_prev, W, b, _ = _layer(rng)
    return [Case("sigmoid", (A_prev, W, b, "sigmoid")), Case("relu", (A_prev, W, b, "relu"))]


def _L_model_forward(rng):
    dims = distinct(rng, int(rng.integers(2, 5))) + [1]
    m = distinct(rng, 1)[0]
    while m in dims:
        m += 1
    return [Case("random", (normal(rng, dims[0], m), params(rng, dims)))]


def _compute_cost(rng):
    m = int(rng.integers(4, 13))
    return [Case("random", (rng.uniform(0.02, 0.98, size=(1, m)), labels(rng, m)))]


def _linear_backward(rng):
    A_prev, W, b, (n, m) = _layer(rng)
    return [layer_gradient_case("random", normal(rng, n, m), A_prev, W, b)]


def _linear_activation_backward(rng):
    A_prev, W, b, (n, m) = _layer(rng)
    dA = normal(rng, n, m)
    return [layer_gradient_case(a, dA, A_prev, W, b, a) for a in ("sigmoid", "relu")]


def _update_parameters(rng):
    dims = distinct(rng, int(rng.integers(2, 5))) + [1]
    p = params(rng, dims)
    grads = {"d" + k: normal(rng, *v.shape) for k, v in p.items()}
    return [Case("random", (p, grads, float(rng.uniform(0.01, 0.9))))]


def _model_inputs(rng):
    n_x, m = int(rng.integers(4, 8)), int(rng.integers(13, 24))
    X = normal(rng, n_x, m)
    Y = ((normal(rng, 1, n_x) @ X) > 0).astype(float)
    Y[0, 0], Y[0, 1] = 1.0, 0.0
    return X, Y


def _two_layer_model(rng):
    X, Y = _model_inputs(rng)
    dims = (X.shape[0], int(rng.integers(3, 7)), 1)
    return [Case("random", (X, Y, dims), {"learning_rate": float(rng.uniform(0.2, 0.5)),
                                          "num_iterations": 250, "print_cost": False})]


def _L_layer_model(rng):
    X, Y = _model_inputs(rng)
    dims = [X.shape[0]] + distinct(rng, 2, 2, 7) + [1]
    return [Case("random", (X, Y, dims), {"learning_rate": float(rng.uniform(0.05, 0.2)),
                                          "num_iterations": 250, "print_cost": False})]


def _predict(rng):
    for _ in range(50):
        dims = distinct(rng, int(rng.integers(2, 4))) + [1]
        m = int(rng.integers(10, 16))
        X = normal(rng, dims[0], m)
        X[:, int(rng.integers(0, m))] = 0.0  # an exact 0.5 tie
        p = params(rng, dims, scaled=False, zero_bias=True)
        predicted = forward_pass(X, p)[0] > 0.5
        if predicted.any():  # all-zero labels would let np.zeros((1, m)) pass
            return [Case("random", (X, labels(rng, m), p))]
    raise RuntimeError("no predict case with both labels")


def _gradient_layer(rng, activations):
    for _ in range(50):
        n_prev, n, m = distinct(rng, 3, 2, 6)
        A_prev, W, b, dA = (normal(rng, n_prev, m), normal(rng, n, n_prev), normal(rng, n, 1),
                            normal(rng, n, m))
        if np.abs(W @ A_prev + b).min() >= MARGIN:
            return [layer_gradient_case(a or "random", dA, A_prev, W, b, a) for a in activations]
    raise RuntimeError("no gradient point with a ReLU margin")


def _gradient_network(rng):
    for _ in range(50):
        sizes = distinct(rng, int(rng.integers(2, 4)) + 1, 2, 6)
        dims, m = sizes[:-1] + [1], sizes[-1]
        X, p = normal(rng, dims[0], m), params(rng, dims)
        _, caches = forward_pass(X, p)
        if all(np.abs(z).min() >= MARGIN for (_, z) in caches[:-1]):
            return [network_gradient_case("random", X, p, labels(rng, m))]
    raise RuntimeError("no gradient point with a ReLU margin")


HIDDEN = {
    "initialize_parameters": lambda rng: [Case("random", (*distinct(rng, 2, 3, 9),
                                                          int(rng.integers(1, 3))))],
    "initialize_parameters_deep": lambda rng: [
        Case("random", (distinct(rng, int(rng.integers(3, 6)), 1, 9),))],
    "linear_forward": lambda rng: [Case("random", _layer(rng)[:3])],
    "linear_activation_forward": _linear_activation_forward,
    "L_model_forward": _L_model_forward,
    "compute_cost": _compute_cost,
    "linear_backward": _linear_backward,
    "linear_activation_backward": _linear_activation_backward,
    "L_model_backward": lambda rng: _gradient_network(rng),
    "update_parameters": _update_parameters,
    "two_layer_model": _two_layer_model,
    "L_layer_model": _L_layer_model,
    "predict": _predict,
}

GRADIENT = {
    "linear_backward": lambda rng: _gradient_layer(rng, (None,)),
    "linear_activation_backward": lambda rng: _gradient_layer(rng, ("sigmoid", "relu")),
    "L_model_backward": _gradient_network,
}
