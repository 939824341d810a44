"""Inputs for the checks of unit c1w4 (deep L-layer networks).

مُدخلات فحوص الوحدة c1w4 (الشبكات العميقة ذات L طبقة).

* **Public cases** (:func:`public_cases`) are fixed and seeded. Where the original course had a
  published test case, the same seed and the same draw order are used (``np.random.seed(1)``
  then ``randn(3, 2)``, ``randn(1, 3)``, ``randn(1, 1)`` for ``linear_forward``...), so a student
  can compare with the numbers in the course; the others are seeded, non-square cases.
* **Hidden cases** (:func:`hidden_cases`) are drawn from the per-check ``numpy.random.Generator``
  with non-square shapes: the batch size, the number of features and the number of units are all
  different, so a transposed ``W`` or a sum over the wrong axis cannot pass by luck.
* **Gradient points** (:func:`public_gradient_points`, :func:`hidden_gradient_points`) are inputs
  of a *forward* function plus the upstream gradient; the backward inputs (caches) are derived from
  them with a forward pass, so the caches are consistent (``A = relu(Z)``), unlike the original
  course's backward test cases whose caches are random.

Nothing here imports the reference: the few forward computations (``Z = W A + b``) are the
formulas printed in the exercises' docstrings.

Seeding uses ``np.random.RandomState(seed)``, which draws the same numbers as
``np.random.seed(seed)`` followed by ``np.random.randn`` without touching NumPy's global state.
"""

from dataclasses import dataclass

import numpy as np

from . import Case

# --------------------------------------------------------------------------------------------
# Public cases
# --------------------------------------------------------------------------------------------


def _seeded(seed):
    return np.random.RandomState(seed)


def _params_from(rs, dims):
    """Draw ``W_l``, ``b_l`` (in that order, layer by layer) from ``rs.randn`` like the course."""
    params = {}
    for l in range(1, len(dims)):
        params["W" + str(l)] = rs.randn(dims[l], dims[l - 1])
        params["b" + str(l)] = rs.randn(dims[l], 1)
    return params


def _classes(X):
    # A learnable rule on the first two features, as on the docs pages.
    return (X[0:1] - X[1:2] > 0).astype(float)


def _public_linear_forward():
    rs = _seeded(1)
    A = rs.randn(3, 2)
    W = rs.randn(1, 3)
    b = rs.randn(1, 1)
    rs = _seeded(11)  # a second, wider case: 4 units, 5 features, 3 examples
    A2, W2, b2 = rs.randn(5, 3), rs.randn(4, 5), rs.randn(4, 1)
    return [Case("course", (A, W, b)), Case("wide", (A2, W2, b2))]


def _public_linear_activation_forward():
    rs = _seeded(2)
    A_prev = rs.randn(3, 2)
    W = rs.randn(1, 3)
    b = rs.randn(1, 1)
    return [
        Case("sigmoid", (A_prev, W, b, "sigmoid")),
        Case("relu", (A_prev, W, b, "relu")),
    ]


def _public_L_model_forward():
    rs = _seeded(6)
    X = rs.randn(5, 4)
    params = {}
    for l, shape in enumerate([(4, 5), (3, 4), (1, 3)], start=1):
        params["W" + str(l)] = rs.randn(*shape)
        params["b" + str(l)] = rs.randn(shape[0], 1)
    return [Case("course", (X, params))]


def _public_compute_cost():
    Y = np.asarray([[1, 1, 0]])
    AL = np.array([[0.8, 0.9, 0.4]])
    rs = _seeded(7)
    AL2 = rs.uniform(0.05, 0.95, size=(1, 5))
    Y2 = np.array([[0, 1, 1, 0, 1]])
    return [Case("course", (AL, Y)), Case("five", (AL2, Y2))]


def _public_linear_backward():
    rs = _seeded(1)
    dZ = rs.randn(3, 4)
    A_prev = rs.randn(5, 4)
    W = rs.randn(3, 5)
    b = rs.randn(3, 1)
    return [Case("course", (dZ, (A_prev, W, b)))]


def _public_linear_activation_backward():
    # The course's case: Z is drawn at random, not computed from A_prev, W, b.
    rs = _seeded(2)
    dA = rs.randn(1, 2)
    A_prev = rs.randn(3, 2)
    W = rs.randn(1, 3)
    b = rs.randn(1, 1)
    Z = rs.randn(1, 2)
    cache = ((A_prev, W, b), Z)
    return [Case("sigmoid", (dA, cache, "sigmoid")), Case("relu", (dA, cache, "relu"))]


def _public_L_model_backward():
    # The course's case (random caches, as published)...
    rs = _seeded(3)
    AL = rs.randn(1, 2)
    Y = np.array([[1, 0]])
    caches = []
    for shapes in (((4, 2), (3, 4), (3, 1), (3, 2)), ((3, 2), (1, 3), (1, 1), (1, 2))):
        A, W, b, Z = (rs.randn(*s) for s in shapes)
        caches.append(((A, W, b), Z))
    # ...and a consistent one: a real forward pass of a 3-layer network on 5 examples.
    rs = _seeded(13)
    X = rs.randn(4, 5)
    params = _params_from(rs, [4, 3, 2, 1])
    Y2 = np.array([[1, 0, 0, 1, 1]])
    AL2, caches2 = forward_pass(X, params)
    return [Case("course", (AL, Y, caches)), Case("consistent", (AL2, Y2, caches2))]


def _public_update_parameters():
    rs = _seeded(2)
    params = {
        "W1": rs.randn(3, 4),
        "b1": rs.randn(3, 1),
        "W2": rs.randn(1, 3),
        "b2": rs.randn(1, 1),
    }
    rs = _seeded(3)
    grads = {
        "dW1": rs.randn(3, 4),
        "db1": rs.randn(3, 1),
        "dW2": rs.randn(1, 3),
        "db2": rs.randn(1, 1),
    }
    return [Case("course", (params, grads, 0.1))]


def _model_data():
    rs = _seeded(2)
    X = rs.randn(4, 12)
    return X, _classes(X)


def _public_two_layer_model():
    X, Y = _model_data()
    return [
        Case(
            "values",
            (X, Y, (4, 5, 1)),
            {"learning_rate": 0.5, "num_iterations": 300, "print_cost": False},
        ),
        Case(
            "print",
            (X, Y, (4, 5, 1)),
            {"learning_rate": 0.5, "num_iterations": 150, "print_cost": True},
        ),
    ]


def _public_L_layer_model():
    X, Y = _model_data()
    return [
        Case(
            "values",
            (X, Y, [4, 5, 3, 1]),
            {"learning_rate": 0.1, "num_iterations": 300, "print_cost": False},
        ),
        Case(
            "print",
            (X, Y, [4, 5, 3, 1]),
            {"learning_rate": 0.1, "num_iterations": 150, "print_cost": True},
        ),
    ]


def _public_predict():
    rs = _seeded(4)
    X = rs.randn(3, 6)
    y = np.array([[1, 0, 1, 1, 0, 0]])
    params = {
        "W1": rs.randn(2, 3),
        "b1": np.zeros((2, 1)),
        "W2": rs.randn(1, 2),
        "b2": np.zeros((1, 1)),
    }
    # A tie: with zero biases an all-zero example gives exactly sigmoid(0) = 0.5, which the
    # strict ``> 0.5`` threshold labels 0.
    rs = _seeded(14)
    X2 = rs.randn(4, 7)
    X2[:, 2] = 0.0
    params2 = {
        "W1": rs.randn(3, 4),
        "b1": np.zeros((3, 1)),
        "W2": rs.randn(2, 3),
        "b2": np.zeros((2, 1)),
        "W3": rs.randn(1, 2),
        "b3": np.zeros((1, 1)),
    }
    y2 = np.array([[1, 0, 0, 1, 0, 1, 1]])
    return [Case("course", (X, y, params)), Case("tie", (X2, y2, params2))]


_PUBLIC = {
    "initialize_parameters": lambda: [Case("course", (3, 2, 1)), Case("wide", (5, 4, 2))],
    "initialize_parameters_deep": lambda: [
        Case("course", ([5, 4, 3],)),
        Case("deeper", ([4, 6, 3, 1],)),
    ],
    "linear_forward": _public_linear_forward,
    "linear_activation_forward": _public_linear_activation_forward,
    "L_model_forward": _public_L_model_forward,
    "compute_cost": _public_compute_cost,
    "linear_backward": _public_linear_backward,
    "linear_activation_backward": _public_linear_activation_backward,
    "L_model_backward": _public_L_model_backward,
    "update_parameters": _public_update_parameters,
    "two_layer_model": _public_two_layer_model,
    "L_layer_model": _public_L_layer_model,
    "predict": _public_predict,
}


def public_cases(exercise_id):
    """The fixed public cases of an exercise (fresh arrays on every call).

    Parameters
    ----------
    exercise_id : str

    Returns
    -------
    list of Case
    """
    return _PUBLIC[exercise_id]()


# --------------------------------------------------------------------------------------------
# Forward passes used only to build consistent caches (docstring formulas)
# --------------------------------------------------------------------------------------------


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
    A = X
    caches = []
    for l in range(1, L + 1):
        W, b = params["W" + str(l)], params["b" + str(l)]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(0, Z)
    return A, caches


def relu_margin(caches):
    """Smallest ``|Z|`` over the ReLU layers' caches (``inf`` when there are none).

    A centred difference across a ReLU kink is wrong, so gradient points keep every hidden
    ``Z`` away from 0.
    """
    margins = [np.abs(z).min() for (_, z) in caches[:-1]]
    return float(min(margins)) if margins else float("inf")


# --------------------------------------------------------------------------------------------
# Gradient points
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GradientPoint:
    """Where a backward function is checked against numerical derivatives.

    Attributes
    ----------
    name : str
    forward : str
        The forward function whose derivatives the backward function returns.
    forward_args : tuple
        Its inputs: ``(A_prev, W, b)``, ``(A_prev, W, b, activation)`` or ``(X, parameters)``.
    upstream : numpy.ndarray
        ``dZ`` or ``dA`` for the layer functions; ``Y`` (the labels) for ``L_model_backward``.
    """

    name: str
    forward: str
    forward_args: tuple
    upstream: np.ndarray


FORWARD_OF = {
    "linear_backward": "linear_forward",
    "linear_activation_backward": "linear_activation_forward",
    "L_model_backward": "L_model_forward",
}


def public_gradient_points(exercise_id):
    """Fixed gradient points of a backward exercise (consistent caches, ReLU margins kept)."""
    if exercise_id == "linear_backward":
        rs = _seeded(21)
        A_prev, W, b, dZ = rs.randn(3, 4), rs.randn(2, 3), rs.randn(2, 1), rs.randn(2, 4)
        return [GradientPoint("public", "linear_forward", (A_prev, W, b), dZ)]
    if exercise_id == "linear_activation_backward":
        rs = _seeded(22)
        A_prev, W, b, dA = rs.randn(3, 4), rs.randn(2, 3), rs.randn(2, 1), rs.randn(2, 4)
        return [
            GradientPoint("sigmoid", "linear_activation_forward", (A_prev, W, b, "sigmoid"), dA),
            GradientPoint("relu", "linear_activation_forward", (A_prev, W, b, "relu"), dA),
        ]
    if exercise_id == "L_model_backward":
        rs = _seeded(13)
        X = rs.randn(4, 5)
        params = _params_from(rs, [4, 3, 2, 1])
        Y = np.array([[1.0, 0.0, 0.0, 1.0, 1.0]])
        return [GradientPoint("public", "L_model_forward", (X, params), Y)]
    raise KeyError(exercise_id)


# --------------------------------------------------------------------------------------------
# Hidden cases
# --------------------------------------------------------------------------------------------


def distinct_sizes(rng, count, low=2, high=9):
    """``count`` different integers in ``[low, high]`` (so no two dimensions coincide)."""
    return [int(v) for v in rng.choice(np.arange(low, high + 1), size=count, replace=False)]


def _normal(rng, *shape):
    return rng.standard_normal(shape)


def _hidden_params(rng, dims, scaled=True, zero_bias=False):
    params = {}
    for l in range(1, len(dims)):
        W = _normal(rng, dims[l], dims[l - 1])
        params["W" + str(l)] = W / np.sqrt(dims[l - 1]) if scaled else W
        params["b" + str(l)] = (
            np.zeros((dims[l], 1)) if zero_bias else 0.5 * _normal(rng, dims[l], 1)
        )
    return params


def _hidden_dims(rng, n_layers):
    """``[n_x, n_1, ..., 1]``: every size differs from its neighbours and from ``m`` later."""
    sizes = distinct_sizes(rng, n_layers, 2, 9)
    return sizes + [1]


def _labels(rng, m):
    Y = (rng.random((1, m)) > 0.5).astype(float)
    Y[0, 0], Y[0, 1] = 1.0, 0.0  # both classes present
    return Y


def hidden_cases(exercise_id, rng):
    """Random non-square cases of an exercise, drawn from ``rng``.

    Parameters
    ----------
    exercise_id : str
    rng : numpy.random.Generator
        The per-check generator (seeded by the engine from the run seed and the check id).

    Returns
    -------
    list of Case
    """
    return _HIDDEN[exercise_id](rng)


def _h_init(rng):
    n_x, n_h = distinct_sizes(rng, 2, 3, 9)
    n_y = int(rng.integers(1, 3))
    return [Case("random", (n_x, n_h, n_y))]


def _h_init_deep(rng):
    n_layers = int(rng.integers(2, 5))
    dims = distinct_sizes(rng, n_layers + 1, 1, 9)
    return [Case("random", (dims,))]


def _h_linear_forward(rng):
    n_prev, n, m = distinct_sizes(rng, 3)
    return [Case("random", (_normal(rng, n_prev, m), _normal(rng, n, n_prev), _normal(rng, n, 1)))]


def _h_linear_activation_forward(rng):
    n_prev, n, m = distinct_sizes(rng, 3)
    A_prev, W, b = _normal(rng, n_prev, m), _normal(rng, n, n_prev), _normal(rng, n, 1)
    return [
        Case("sigmoid", (A_prev, W, b, "sigmoid")),
        Case("relu", (A_prev, W, b, "relu")),
    ]


def _h_L_model_forward(rng):
    n_layers = int(rng.integers(2, 5))
    dims = _hidden_dims(rng, n_layers)
    m = distinct_sizes(rng, 1, 2, 9)[0]
    while m in dims:
        m += 1
    return [Case("random", (_normal(rng, dims[0], m), _hidden_params(rng, dims)))]


def _h_compute_cost(rng):
    m = int(rng.integers(4, 13))
    AL = rng.uniform(0.02, 0.98, size=(1, m))
    return [Case("random", (AL, _labels(rng, m)))]


def _h_linear_backward(rng):
    n_prev, n, m = distinct_sizes(rng, 3)
    cache = (_normal(rng, n_prev, m), _normal(rng, n, n_prev), _normal(rng, n, 1))
    return [Case("random", (_normal(rng, n, m), cache))]


def _h_linear_activation_backward(rng):
    n_prev, n, m = distinct_sizes(rng, 3)
    A_prev, W, b = _normal(rng, n_prev, m), _normal(rng, n, n_prev), _normal(rng, n, 1)
    Z = W @ A_prev + b
    dA = _normal(rng, n, m)
    cache = ((A_prev, W, b), Z)
    return [Case("sigmoid", (dA, cache, "sigmoid")), Case("relu", (dA, cache, "relu"))]


def _h_L_model_backward(rng):
    (point,) = hidden_gradient_points("L_model_backward", rng)
    X, params = point.forward_args
    AL, caches = forward_pass(X, params)
    return [Case("random", (AL, point.upstream, caches))]


def _h_update_parameters(rng):
    n_layers = int(rng.integers(2, 5))
    dims = _hidden_dims(rng, n_layers)
    params = _hidden_params(rng, dims)
    grads = {}
    for l in range(1, len(dims)):
        grads["dW" + str(l)] = _normal(rng, *params["W" + str(l)].shape)
        grads["db" + str(l)] = _normal(rng, *params["b" + str(l)].shape)
    lr = float(rng.uniform(0.01, 0.9))
    return [Case("random", (params, grads, lr))]


def _model_inputs(rng):
    n_x = int(rng.integers(4, 8))
    m = int(rng.integers(13, 24))
    X = _normal(rng, n_x, m)
    w = _normal(rng, 1, n_x)
    Y = ((w @ X) > 0).astype(float)
    Y[0, 0], Y[0, 1] = 1.0, 0.0
    return X, Y


def _h_two_layer_model(rng):
    X, Y = _model_inputs(rng)
    n_h = int(rng.integers(3, 7))
    lr = float(rng.uniform(0.2, 0.5))
    return [
        Case("random", (X, Y, (X.shape[0], n_h, 1)),
             {"learning_rate": lr, "num_iterations": 250, "print_cost": False}),
    ]


def _h_L_layer_model(rng):
    X, Y = _model_inputs(rng)
    dims = [X.shape[0]] + distinct_sizes(rng, 2, 2, 7) + [1]
    lr = float(rng.uniform(0.05, 0.2))
    return [
        Case("random", (X, Y, dims),
             {"learning_rate": lr, "num_iterations": 250, "print_cost": False}),
    ]


def _h_predict(rng):
    n_layers = int(rng.integers(2, 4))
    dims = _hidden_dims(rng, n_layers)
    m = int(rng.integers(10, 16))
    X = _normal(rng, dims[0], m)
    X[:, int(rng.integers(0, m))] = 0.0  # an exact 0.5 tie
    params = _hidden_params(rng, dims, scaled=False, zero_bias=True)
    y = _labels(rng, m)
    return [Case("random", (X, y, params))]


_HIDDEN = {
    "initialize_parameters": _h_init,
    "initialize_parameters_deep": _h_init_deep,
    "linear_forward": _h_linear_forward,
    "linear_activation_forward": _h_linear_activation_forward,
    "L_model_forward": _h_L_model_forward,
    "compute_cost": _h_compute_cost,
    "linear_backward": _h_linear_backward,
    "linear_activation_backward": _h_linear_activation_backward,
    "L_model_backward": _h_L_model_backward,
    "update_parameters": _h_update_parameters,
    "two_layer_model": _h_two_layer_model,
    "L_layer_model": _h_L_layer_model,
    "predict": _h_predict,
}


def hidden_gradient_points(exercise_id, rng, margin=1e-3, attempts=50):
    """Random non-square gradient points whose ReLU inputs stay at least ``margin`` from 0.

    ``linear_activation_backward`` gets the same layer twice, once per activation, so that
    "sigmoid everywhere" and "swapped" can be told apart; the others get one point.

    Parameters
    ----------
    exercise_id : {"linear_backward", "linear_activation_backward", "L_model_backward"}
    rng : numpy.random.Generator
    margin : float
        Minimum ``|Z|`` of every ReLU layer (the centred difference steps are ~1e-6).
    attempts : int
        Redraws before giving up (never reached in practice).

    Returns
    -------
    list of GradientPoint
    """
    for _ in range(attempts):
        if exercise_id == "linear_backward":
            n_prev, n, m = distinct_sizes(rng, 3, 2, 6)
            args = (_normal(rng, n_prev, m), _normal(rng, n, n_prev), _normal(rng, n, 1))
            return [GradientPoint("random", "linear_forward", args, _normal(rng, n, m))]
        if exercise_id == "linear_activation_backward":
            n_prev, n, m = distinct_sizes(rng, 3, 2, 6)
            A_prev, W, b = _normal(rng, n_prev, m), _normal(rng, n, n_prev), _normal(rng, n, 1)
            dA = _normal(rng, n, m)
            if np.abs(W @ A_prev + b).min() < margin:
                continue
            return [
                GradientPoint(activation, "linear_activation_forward",
                              (A_prev, W, b, activation), dA)
                for activation in ("sigmoid", "relu")
            ]
        if exercise_id == "L_model_backward":
            n_layers = int(rng.integers(2, 4))
            sizes = distinct_sizes(rng, n_layers + 1, 2, 6)
            dims, m = sizes[:-1] + [1], sizes[-1]
            X = _normal(rng, dims[0], m)
            params = _hidden_params(rng, dims)
            _, caches = forward_pass(X, params)
            if relu_margin(caches) < margin:
                continue
            return [GradientPoint("random", "L_model_forward", (X, params), _labels(rng, m))]
        raise KeyError(exercise_id)
    raise RuntimeError(f"no gradient point with a ReLU margin of {margin} in {attempts} draws")


def gradient_case(point):
    """The backward call at a gradient point, with caches from a forward pass.

    Parameters
    ----------
    point : GradientPoint

    Returns
    -------
    Case
        ``(dZ, (A_prev, W, b))``, ``(dA, ((A_prev, W, b), Z), activation)`` or
        ``(AL, Y, caches)``.
    """
    if point.forward == "linear_forward":
        A_prev, W, b = point.forward_args
        return Case(point.name, (point.upstream, (A_prev, W, b)))
    if point.forward == "linear_activation_forward":
        A_prev, W, b, activation = point.forward_args
        Z = W @ A_prev + b
        return Case(point.name, (point.upstream, ((A_prev, W, b), Z), activation))
    X, params = point.forward_args
    AL, caches = forward_pass(X, params)
    return Case(point.name, (AL, point.upstream, caches))


def all_public_cases(exercise_id):
    """The public cases plus, for backward exercises, the gradient cases (``"gradient-..."``).

    This is what ``python -m grader.build.expected`` stores for the public checks.
    """
    found = list(public_cases(exercise_id))
    if exercise_id in FORWARD_OF:
        for point in public_gradient_points(exercise_id):
            case = gradient_case(point)
            found.append(Case("gradient-" + case.name, case.args, case.kwargs))
    return found
