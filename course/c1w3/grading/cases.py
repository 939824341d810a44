"""Public cases of unit c1w3: the course's own test inputs, and seeded non-square ones.

الحالات العلنية للوحدة c1w3: مُدخلات اختبارات المقرر نفسها، وحالات أخرى ببذور ثابتة.

The course's cases are rebuilt from its seeds (``np.random.RandomState(seed)`` draws what
``np.random.seed(seed)`` then ``np.random.randn`` would) and, where the course writes numbers out
(the small weights, a cache, trained parameters), from those numbers, so students can compare
with the course's published outputs. ``initialize_parameters`` does not seed itself in this
week: its cases carry ``seed=2`` (the grader seeds just before the call, as the course's test
does). Gradient cases use a cache computed by a real forward pass.
"""

import numpy as np

from grader.cases import Case

# The fixed small weights of the course's forward, cost and backward cases (the seed-2 draws of
# initialize_parameters(2, 4, 1), as the course prints them).
SMALL_W1 = np.array([[-0.00416758, -0.00056267],
                     [-0.02136196, 0.01640271],
                     [-0.01793436, -0.00841747],
                     [0.00502881, -0.01245288]])
SMALL_W2 = np.array([[-0.01057952, -0.00909008, 0.00551454, 0.02292208]])
SMALL_A2 = np.array([[0.5002307, 0.49985831, 0.50023963]])
# Parameters after some training, and gradients, as the course writes them out.
TRAINED = {
    "W1": np.array([[-0.00615039, 0.0169021],
                    [-0.02311792, 0.03137121],
                    [-0.0169217, -0.01752545],
                    [0.00935436, -0.05018221]]),
    "b1": np.array([[-8.97523455e-07], [8.15562092e-06], [6.04810633e-07], [-2.54560700e-06]]),
    "W2": np.array([[-0.0104319, -0.04019007, 0.01607211, 0.04440255]]),
    "b2": np.array([[9.14954378e-05]]),
}
TRAINED_GRADS = {
    "dW1": np.array([[0.00023322, -0.00205423],
                     [0.00082222, -0.00700776],
                     [-0.00031831, 0.0028636],
                     [-0.00092857, 0.00809933]]),
    "db1": np.array([[1.05570087e-07], [-3.81814487e-06], [-1.90155145e-07], [5.46467802e-07]]),
    "dW2": np.array([[-1.75740039e-05, 3.70231337e-03, -1.25683095e-03, -2.55715317e-03]]),
    "db2": np.array([[-1.08923140e-05]]),
}
# The cache of the course's backward case, as written out.
COURSE_CACHE = {
    "A1": np.array([[-0.00616578, 0.0020626, 0.00349619],
                    [-0.05225116, 0.02725659, -0.02646251],
                    [-0.02009721, 0.0036869, 0.02883756],
                    [0.02152675, -0.01385234, 0.02599885]]),
    "A2": SMALL_A2,
    "Z1": np.array([[-0.00616586, 0.0020626, 0.0034962],
                    [-0.05229879, 0.02726335, -0.02646869],
                    [-0.02009991, 0.00368692, 0.02884556],
                    [0.02153007, -0.01385322, 0.02600471]]),
    "Z2": np.array([[0.00092281, -0.00056678, 0.00095853]]),
}


def seeded(seed):
    return np.random.RandomState(seed)


def copied(params):
    return {key: np.array(value, dtype=float) for key, value in params.items()}


def forward_cache(X, parameters):
    """``(A2, cache)`` of LINEAR -> TANH -> LINEAR -> SIGMOID (the docstring's formulas).

    Written without repeating a line of the reference's solution: this file ships to students.
    """
    cache = {"Z1": parameters["W1"] @ X + parameters["b1"]}
    cache["A1"] = np.tanh(cache["Z1"])
    cache["Z2"] = parameters["W2"] @ cache["A1"] + parameters["b2"]
    cache["A2"] = 1 / (1 + np.exp(-cache["Z2"]))
    return cache["A2"], {key: cache[key] for key in ("Z1", "A1", "Z2", "A2")}


def gradient_case(name, X, parameters, Y):
    """The backward call at a point, with the cache of a real forward pass."""
    _, cache = forward_cache(X, parameters)
    return Case(name, (parameters, cache, X, Y))


def _course_X_Y():
    rs = seeded(1)
    return rs.randn(2, 3), rs.randn(1, 3) > 0


def _layer_sizes():
    rs = seeded(1)
    rs2 = seeded(4)
    return [Case("course", (rs.randn(5, 3), rs.randn(2, 3))),
            Case("wide", (rs2.randn(3, 7), rs2.randn(1, 7)))]


def _forward_propagation():
    rs = seeded(1)
    X, b1 = rs.randn(2, 3), rs.randn(4, 1)
    parameters = {"W1": SMALL_W1.copy(), "b1": b1, "W2": SMALL_W2.copy(), "b2": np.array([[-1.3]])}
    rs = seeded(5)
    wide = {"W1": rs.randn(5, 3), "b1": rs.randn(5, 1), "W2": rs.randn(1, 5), "b2": rs.randn(1, 1)}
    return [Case("course", (X, parameters)), Case("wide", (rs.randn(3, 6), wide))]


def _compute_cost():
    Y3 = seeded(1).randn(1, 3) > 0
    Y5 = seeded(1).randn(1, 5) > 0
    A5 = np.concatenate([SMALL_A2, [[0.25, 0.7]]], axis=1)
    return [Case("course", (SMALL_A2.copy(), Y3)), Case("five", (A5, Y5))]


def _backward_propagation():
    X, Y = _course_X_Y()
    parameters = {"W1": SMALL_W1.copy(), "b1": np.zeros((4, 1)), "W2": SMALL_W2.copy(),
                  "b2": np.zeros((1, 1))}
    rs = seeded(6)
    point = {"W1": rs.randn(3, 2), "b1": rs.randn(3, 1), "W2": rs.randn(1, 3), "b2": rs.randn(1, 1)}
    X2 = rs.randn(2, 5)
    Y2 = (rs.rand(1, 5) > 0.5).astype(float)
    Y2[0, :2] = 1.0, 0.0
    # The exercise page's case: the same point drawn from the seed, its cache computed.
    rs = seeded(2)
    W1, W2 = rs.randn(4, 2) * 0.01, rs.randn(1, 4) * 0.01
    page = {"W1": W1, "b1": np.zeros((4, 1)), "W2": W2, "b2": np.zeros((1, 1))}
    return [Case("course", (parameters, copied(COURSE_CACHE), X, Y)),
            gradient_case("page", X, page, Y),
            gradient_case("gradient", X2, point, Y2)]


def _nn_model():
    X, Y = _course_X_Y()
    rs = seeded(7)
    X2 = rs.randn(3, 8)
    Y2 = (X2[0:1] * X2[1:2] > 0).astype(float)
    return [Case("course", (X, Y, 4), {"num_iterations": 10000, "print_cost": True}),
            Case("small", (X2, Y2, 3), {"num_iterations": 500, "print_cost": False}),
            Case("print", (X2, Y2, 3), {"num_iterations": 2001, "print_cost": True})]


def _predict():
    X = seeded(1).randn(2, 3)
    rs = seeded(8)
    params = {"W1": rs.randn(4, 3), "b1": rs.randn(4, 1), "W2": rs.randn(1, 4), "b2": np.zeros((1, 1))}
    X2 = rs.randn(3, 7)
    return [Case("course", (copied(TRAINED), X)), Case("wide", (params, X2))]


PUBLIC = {
    "layer_sizes": _layer_sizes,
    "initialize_parameters": lambda: [Case("course", (2, 4, 1), seed=2),
                                      Case("wide", (3, 5, 2), seed=7)],
    "forward_propagation": _forward_propagation,
    "compute_cost": _compute_cost,
    "backward_propagation": _backward_propagation,
    "update_parameters": lambda: [Case("course", (copied(TRAINED), copied(TRAINED_GRADS)))],
    "nn_model": _nn_model,
    "predict": _predict,
}
