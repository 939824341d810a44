"""Public cases of unit c1w4: fixed, seeded inputs whose expected outputs ship to students.

الحالات العلنية للوحدة c1w4: مُدخلات ثابتة ببذور معروفة، ومخرجاتها المتوقَّعة متاحة للطلاب.

Where the course published a test case, the same seed and the same draw order are used
(``np.random.seed(1)`` then ``randn(3, 2)``, ``randn(1, 3)``, ``randn(1, 1)`` for
``linear_forward``...), so students can compare with the course's numbers; the others are seeded,
non-square cases. ``np.random.RandomState(seed)`` draws the same numbers as ``np.random.seed``
followed by ``np.random.randn`` without touching NumPy's global state.

Backward exercises also get ``gradient...`` cases whose caches come from a real forward pass
(the course's own backward cases use random, inconsistent caches, which no gradient check can
use). Nothing here imports the reference: the forward pass is the docstrings' formula.
"""

import numpy as np

from grader.cases import Case


def seeded(seed):
    return np.random.RandomState(seed)


def params_from(rs, dims):
    """Draw ``W_l``, ``b_l`` (in that order, layer by layer) from ``rs.randn`` like the course."""
    params = {}
    for l in range(1, len(dims)):
        params["W" + str(l)] = rs.randn(dims[l], dims[l - 1])
        params["b" + str(l)] = rs.randn(dims[l], 1)
    return params


def forward_pass(X, params):
    """``[LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID`` with course-style caches.

    Parameters
    ----------
    X : numpy.ndarray, shape (n_x, m)
    params : dict
        ``"W1", "b1", ..., "WL", "bL"``.

    Returns
    -------
    AL : numpy.ndarray, shape (n_L, m)
    caches : list of tuple
        ``((A_prev, W, b), Z)`` per layer.
    """
    L = len(params) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        W, b = params["W" + str(l)], params["b" + str(l)]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(0, Z)
    return A, caches


def layer_gradient_case(name, upstream, A_prev, W, b, activation=None):
    """The backward call of one layer at a point, with a consistent cache."""
    if activation is None:
        return Case(name, (upstream, (A_prev, W, b)))
    return Case(name, (upstream, ((A_prev, W, b), W @ A_prev + b), activation))


def network_gradient_case(name, X, params, Y):
    AL, caches = forward_pass(X, params)
    return Case(name, (AL, Y, caches))


def _linear_forward():
    rs = seeded(1)
    A, W, b = rs.randn(3, 2), rs.randn(1, 3), rs.randn(1, 1)
    rs = seeded(11)  # wider: 4 units, 5 features, 3 examples
    return [Case("course", (A, W, b)),
            Case("wide", (rs.randn(5, 3), rs.randn(4, 5), rs.randn(4, 1)))]


def _linear_activation_forward():
    rs = seeded(2)
    A_prev, W, b = rs.randn(3, 2), rs.randn(1, 3), rs.randn(1, 1)
    return [Case("sigmoid", (A_prev, W, b, "sigmoid")), Case("relu", (A_prev, W, b, "relu"))]


def _L_model_forward():
    rs = seeded(6)
    X = rs.randn(5, 4)
    params = {}
    for l, shape in enumerate([(4, 5), (3, 4), (1, 3)], start=1):
        params["W" + str(l)] = rs.randn(*shape)
        params["b" + str(l)] = rs.randn(shape[0], 1)
    return [Case("course", (X, params))]


def _compute_cost():
    rs = seeded(7)
    return [Case("course", (np.array([[0.8, 0.9, 0.4]]), np.asarray([[1, 1, 0]]))),
            Case("five", (rs.uniform(0.05, 0.95, size=(1, 5)), np.array([[0, 1, 1, 0, 1]])))]


def _linear_backward():
    rs = seeded(1)
    dZ, A_prev, W, b = rs.randn(3, 4), rs.randn(5, 4), rs.randn(3, 5), rs.randn(3, 1)
    rs = seeded(21)
    A2, W2, b2, dZ2 = rs.randn(3, 4), rs.randn(2, 3), rs.randn(2, 1), rs.randn(2, 4)
    return [Case("course", (dZ, (A_prev, W, b))),
            layer_gradient_case("gradient", dZ2, A2, W2, b2)]


def _linear_activation_backward():
    # The course's case: Z is drawn at random, not computed from A_prev, W, b.
    rs = seeded(2)
    dA, A_prev, W, b, Z = rs.randn(1, 2), rs.randn(3, 2), rs.randn(1, 3), rs.randn(1, 1), \
        rs.randn(1, 2)
    cache = ((A_prev, W, b), Z)
    rs = seeded(22)
    A2, W2, b2, dA2 = rs.randn(3, 4), rs.randn(2, 3), rs.randn(2, 1), rs.randn(2, 4)
    return [Case("sigmoid", (dA, cache, "sigmoid")), Case("relu", (dA, cache, "relu")),
            layer_gradient_case("gradient-sigmoid", dA2, A2, W2, b2, "sigmoid"),
            layer_gradient_case("gradient-relu", dA2, A2, W2, b2, "relu")]


def _L_model_backward():
    # The course's case (random caches, as published) ...
    rs = seeded(3)
    AL, Y = rs.randn(1, 2), np.array([[1, 0]])
    caches = []
    for shapes in (((4, 2), (3, 4), (3, 1), (3, 2)), ((3, 2), (1, 3), (1, 1), (1, 2))):
        A, W, b, Z = (rs.randn(*s) for s in shapes)
        caches.append(((A, W, b), Z))
    # ... and a consistent one: a real forward pass of a 3-layer network on 5 examples.
    rs = seeded(13)
    X = rs.randn(4, 5)
    params = params_from(rs, [4, 3, 2, 1])
    return [Case("course", (AL, Y, caches)),
            network_gradient_case("consistent", X, params, np.array([[1, 0, 0, 1, 1]])),
            network_gradient_case("gradient", X, params, np.array([[1.0, 0.0, 0.0, 1.0, 1.0]]))]


def _update_parameters():
    rs = seeded(2)
    params = {"W1": rs.randn(3, 4), "b1": rs.randn(3, 1), "W2": rs.randn(1, 3), "b2": rs.randn(1, 1)}
    rs = seeded(3)
    grads = {"dW1": rs.randn(3, 4), "db1": rs.randn(3, 1), "dW2": rs.randn(1, 3),
             "db2": rs.randn(1, 1)}
    return [Case("course", (params, grads, 0.1))]


def _model(dims, learning_rate):
    rs = seeded(2)
    X = rs.randn(4, 12)
    Y = (X[0:1] - X[1:2] > 0).astype(float)  # a learnable rule on two features
    return [Case("values", (X, Y, dims), {"learning_rate": learning_rate, "num_iterations": 300,
                                          "print_cost": False}),
            Case("print", (X, Y, dims), {"learning_rate": learning_rate, "num_iterations": 150,
                                         "print_cost": True})]


def _predict():
    rs = seeded(4)
    X = rs.randn(3, 6)
    params = {"W1": rs.randn(2, 3), "b1": np.zeros((2, 1)), "W2": rs.randn(1, 2),
              "b2": np.zeros((1, 1))}
    # A tie: with zero biases an all-zero example gives exactly sigmoid(0) = 0.5, which the
    # strict ``> 0.5`` threshold labels 0.
    rs = seeded(14)
    X2 = rs.randn(4, 7)
    X2[:, 2] = 0.0
    params2 = {"W1": rs.randn(3, 4), "b1": np.zeros((3, 1)), "W2": rs.randn(2, 3),
               "b2": np.zeros((2, 1)), "W3": rs.randn(1, 2), "b3": np.zeros((1, 1))}
    return [Case("course", (X, np.array([[1, 0, 1, 1, 0, 0]]), params)),
            Case("tie", (X2, np.array([[1, 0, 0, 1, 0, 1, 1]]), params2))]


PUBLIC = {
    "initialize_parameters": lambda: [Case("course", (3, 2, 1)), Case("wide", (5, 4, 2))],
    "initialize_parameters_deep": lambda: [Case("course", ([5, 4, 3],)),
                                           Case("deeper", ([4, 6, 3, 1],))],
    "linear_forward": _linear_forward,
    "linear_activation_forward": _linear_activation_forward,
    "L_model_forward": _L_model_forward,
    "compute_cost": _compute_cost,
    "linear_backward": _linear_backward,
    "linear_activation_backward": _linear_activation_backward,
    "L_model_backward": _L_model_backward,
    "update_parameters": _update_parameters,
    "two_layer_model": lambda: _model((4, 5, 1), 0.5),
    "L_layer_model": lambda: _model([4, 5, 3, 1], 0.1),
    "predict": _predict,
}
