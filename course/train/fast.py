"""A fast, exact trainer for the course's cat networks, first layer carried in example space.

مدرِّب سريع ودقيق لشبكات المقرر: تُحمَل الطبقة الأولى في فضاء الأمثلة (m×m) بدل فضاء المدخلات.

The networks are the course's: ReLU hidden layers, a sigmoid output unit, the cross-entropy cost,
full-batch gradient descent, the course's initialisers (``seed 1``), and the cost recorded at
iterations 0, 100, 200, ... . The arithmetic of every layer above the first is the course's,
operation for operation, so the only difference from the course-style loop is how the first
layer's products are formed.

The m×m trick
-------------
Let ``X`` have shape ``(n_x, m)`` and the first layer ``n_1`` units. Gradient descent changes
``W1`` (shape ``(n_1, n_x)``) by ``-alpha dW1`` with ``dW1 = dZ1 X^T / m``: every update is a
combination of the training inputs (the rows of ``X^T``). So after any number of iterations ::

    W1 = W1_0 + C X^T            C: shape (n_1, m), starts at 0
    C := C - (alpha / m) dZ1      the whole first-layer update, (n_1, m) work

and the first layer's forward product becomes ::

    W1 X = W1_0 X + C (X^T X) = P0 + C G
    P0 = W1_0 X : (n_1, m), computed once
    G = X^T X   : (m, m), computed once (the Gram matrix of the examples)

One iteration then costs ``n_1 m^2`` multiply-adds for the first layer instead of
``2 n_1 n_x m`` (the forward product and ``dW1``); the course's loop also forms ``dA0 = W1^T dZ1``
(another ``n_1 n_x m``), which nothing uses and which both methods here skip. For the cat data
(``n_x = 12288``, ``m = 209``, ``n_1 = 20``) that is about 0.9 million instead of 103 million per
iteration. ``W1`` itself is rebuilt (``W1_0 + C X^T``) once, when training ends.

When the trick is used (:func:`choose_method`): only when there are fewer examples than inputs
(``m < n_x``, so ``G`` is smaller than ``X`` and each iteration is at least twice as cheap) and
the whole run's estimated multiply-adds, set-up and rebuild included, are fewer than the plain
loop's. Otherwise the plain algorithm runs (the same loop with ``W1`` updated directly).

Both methods give the course's results up to rounding: the costs agree with the course-style
loop to far better than ``1e-9`` relative and the predictions are identical (see
``tests/course/train/test_fast.py``).
"""

from dataclasses import dataclass

import numpy as np

GRAM = "gram"
PLAIN = "plain"
METHODS = (GRAM, PLAIN)
RECORD_EVERY = 100


@dataclass
class FastFit:
    """The outcome of :func:`fit`.

    Attributes
    ----------
    parameters : dict
        ``"W1", "b1", ..., "WL", "bL"`` after the last update (``W1`` rebuilt when the m×m
        method ran).
    costs : list of float
        The course's record: the cost at iterations 0, 100, 200, ...
    all_costs : list of float
        The cost of every iteration.
    method : {"gram", "plain"}
        Which first-layer method ran.
    """

    parameters: dict
    costs: list
    all_costs: list
    method: str


def initial_parameters(model, layers):
    """The course's starting parameters for ``model``, drawn exactly as the course draws them.

    Parameters
    ----------
    model : {"two-layer", "L-layer"}
        ``"two-layer"``: ``randn * 0.01`` (``W1`` then ``W2``); ``"L-layer"``:
        ``randn(n_l, n_{l-1}) / sqrt(n_{l-1})`` layer by layer. Both from seed 1.
    layers : sequence of int
        ``(n_x, n_1, ..., n_L)``.

    Returns
    -------
    dict
        ``"Wl"`` shape ``(n_l, n_{l-1})``, ``"bl"`` zeros of shape ``(n_l, 1)``.
    """
    # A private generator seeded like np.random.seed(1) draws the same numbers without
    # touching the global random state.
    rng = np.random.RandomState(1)
    parameters = {}
    for l in range(1, len(layers)):
        draw = rng.randn(layers[l], layers[l - 1])
        if model == "two-layer":
            parameters[f"W{l}"] = draw * 0.01
        else:
            parameters[f"W{l}"] = draw / np.sqrt(layers[l - 1])
        parameters[f"b{l}"] = np.zeros((layers[l], 1))
    return parameters


def estimated_work(method, n_x, m, n_1, iterations):
    """Multiply-adds spent on the first layer by ``method`` over a whole run.

    Parameters
    ----------
    method : {"gram", "plain"}
    n_x, m, n_1 : int
        Inputs, examples, units of the first layer.
    iterations : int

    Returns
    -------
    int
        ``gram``: ``G`` (``n_x m^2``), ``P0`` and the final rebuild (``n_1 n_x m`` each) and
        ``n_1 m^2`` per iteration. ``plain``: ``2 n_1 n_x m`` per iteration.
    """
    if method == GRAM:
        return n_x * m * m + 2 * n_1 * n_x * m + iterations * n_1 * m * m
    return iterations * 2 * n_1 * n_x * m


def choose_method(n_x, m, n_1, iterations):
    """The crossover rule: ``"gram"`` when the m×m method pays, else ``"plain"``.

    The m×m method is chosen when ``m < n_x`` (fewer examples than inputs) and
    :func:`estimated_work` of the whole run is smaller for it. The second condition keeps very
    short runs plain: forming ``G`` costs about as much as ``m / (2 n_1)`` plain iterations
    (5 for the cat data).

    Parameters
    ----------
    n_x, m, n_1, iterations : int

    Returns
    -------
    {"gram", "plain"}
    """
    if m < n_x and (estimated_work(GRAM, n_x, m, n_1, iterations)
                    < estimated_work(PLAIN, n_x, m, n_1, iterations)):
        return GRAM
    return PLAIN


def _cross_entropy(AL, Y, m):
    # The course's expression, term for term, so the recorded costs round the same way.
    return float(np.squeeze((1.0 / m) * (-np.dot(Y, np.log(AL).T)
                                         - np.dot(1 - Y, np.log(1 - AL).T))))


def fit(X, Y, layers, learning_rate, iterations, model="L-layer", method="auto",
        print_cost=False, on_cost=None, out=None):
    """Train ``model`` by full-batch gradient descent, like the course's model functions.

    Parameters
    ----------
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (1, m)
    layers : sequence of int
        ``(n_x, n_1, ..., n_L)``, ``n_L = 1``.
    learning_rate : float
    iterations : int
    model : {"two-layer", "L-layer"}
        Chooses the initialiser (:func:`initial_parameters`); the loop is the same.
    method : {"auto", "gram", "plain"}
        ``"auto"`` applies :func:`choose_method`; the others force a method (for tests).
    print_cost : bool
        Print ``Cost after iteration i: c`` every 100 iterations and at the last one, as the
        course does.
    on_cost : callable, optional
        Called with each iteration's cost (a float), e.g. to move a progress bar.
    out : file, optional
        Where the cost lines go (default: standard output).

    Returns
    -------
    FastFit
    """
    X = np.asarray(X, dtype=np.float64)
    Y = np.asarray(Y, dtype=np.float64)
    n_x, m = X.shape
    L = len(layers) - 1
    params = initial_parameters(model, layers)
    if method == "auto":
        method = choose_method(n_x, m, layers[1], iterations)
    if method not in METHODS:
        raise ValueError(f"method must be 'auto', 'gram' or 'plain', got {method!r}")
    W = [None] + [params[f"W{l}"] for l in range(1, L + 1)]
    b = [None] + [params[f"b{l}"] for l in range(1, L + 1)]
    if method == GRAM:
        P0 = np.dot(W[1], X)           # (n_1, m): the first layer's start, applied once
        G = np.dot(X.T, X)              # (m, m)
        C = np.zeros((layers[1], m))    # (n_1, m): W1 = W1_0 + C X^T
    costs, all_costs = [], []
    scale = 1.0 / m
    for i in range(iterations):
        # Forward: Z[l], A[l] for l = 1 .. L (A[0] = X).
        A = [X] + [None] * L
        Z = [None] * (L + 1)
        Z[1] = (P0 + np.dot(C, G) if method == GRAM else np.dot(W[1], X)) + b[1]
        for l in range(1, L + 1):
            if l > 1:
                Z[l] = np.dot(W[l], A[l - 1]) + b[l]
            A[l] = np.maximum(0, Z[l]) if l < L else 1 / (1 + np.exp(-Z[l]))
        cost = _cross_entropy(A[L], Y, m)
        all_costs.append(cost)
        if i % RECORD_EVERY == 0:
            costs.append(cost)
        if print_cost and (i % RECORD_EVERY == 0 or i == iterations - 1):
            print(f"Cost after iteration {i}: {cost}", file=out)
        if on_cost is not None:
            on_cost(cost)
        # Backward: the sigmoid's derivative reuses A[L] (the course recomputes the same value).
        dA = -(np.divide(Y, A[L]) - np.divide(1 - Y, 1 - A[L]))
        dZ = dA * A[L] * (1 - A[L])
        for l in range(L, 0, -1):
            if l > 1:
                dW = scale * np.dot(dZ, A[l - 1].T)
                db = scale * np.sum(dZ, axis=1, keepdims=True)
                dA_prev = np.dot(W[l].T, dZ)
                W[l] = W[l] - learning_rate * dW
                b[l] = b[l] - learning_rate * db
                dZ = np.where(Z[l - 1] <= 0, 0.0, dA_prev)  # ReLU: off where Z <= 0
            else:
                db = scale * np.sum(dZ, axis=1, keepdims=True)
                if method == GRAM:
                    C = C - learning_rate * (scale * dZ)
                else:
                    W[1] = W[1] - learning_rate * (scale * np.dot(dZ, X.T))
                b[1] = b[1] - learning_rate * db
    if method == GRAM:
        W[1] = W[1] + np.dot(C, X.T)  # the rebuild: (n_1, m) @ (m, n_x)
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"], parameters[f"b{l}"] = W[l], b[l]
    return FastFit(parameters=parameters, costs=costs, all_costs=all_costs, method=method)


def predict(X, parameters):
    """Labels for ``X``: 1.0 where the network's probability is strictly above 0.5, else 0.0.

    Parameters
    ----------
    X : numpy.ndarray, shape (n_x, m)
    parameters : dict
        ``"W1", "b1", ..., "WL", "bL"``.

    Returns
    -------
    numpy.ndarray, shape (1, m)
    """
    L = len(parameters) // 2
    A = np.asarray(X, dtype=np.float64)
    for l in range(1, L + 1):
        Z = np.dot(parameters[f"W{l}"], A) + parameters[f"b{l}"]
        A = np.maximum(0, Z) if l < L else 1 / (1 + np.exp(-Z))
    return (A > 0.5).astype(np.float64)
