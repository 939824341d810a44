"""The inputs of the course's Week 3 checks, rebuilt from the course's seeds and constants.

Each builder returns the arguments the original notebook's test cell (or its public test) passes
to one graded function, so the reference can be compared with the numbers the course publishes.
Where the course's inputs are written-out constants rather than draws (the small parameters and
gradients, a cache), they are data carried over as numbers.
"""

import numpy as np

# The fixed small weights the course's forward, cost and backward cases share (these are the
# seed-2 draws of initialize_parameters(2, 4, 1), rounded to 8 decimals).
SMALL_W1 = np.array([[-0.00416758, -0.00056267],
                     [-0.02136196, 0.01640271],
                     [-0.01793436, -0.00841747],
                     [0.00502881, -0.01245288]])
SMALL_W2 = np.array([[-0.01057952, -0.00909008, 0.00551454, 0.02292208]])

# The probabilities the cost and backward cases use.
SMALL_A2 = np.array([[0.5002307, 0.49985831, 0.50023963]])

# Parameters after some training, used by the update and predict cases.
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


def _copy(params):
    return {key: value.copy() for key, value in params.items()}


def layer_sizes_case():
    """``(X, Y)``: seed 1, ``X = randn(5, 3)``, ``Y = randn(2, 3)``."""
    np.random.seed(1)
    X = np.random.randn(5, 3)
    Y = np.random.randn(2, 3)
    return X, Y


def initialize_parameters_case():
    """``(n_x, n_h, n_y) = (2, 4, 1)``; the caller seeds ``np.random.seed(2)`` first."""
    return 2, 4, 1


def forward_propagation_case():
    """``(X, parameters)``: seed 1, ``X = randn(2, 3)``, ``b1 = randn(4, 1)``, ``b2 = -1.3``."""
    np.random.seed(1)
    X = np.random.randn(2, 3)
    b1 = np.random.randn(4, 1)
    parameters = {"W1": SMALL_W1.copy(), "b1": b1, "W2": SMALL_W2.copy(),
                  "b2": np.array([[-1.3]])}
    return X, parameters


def compute_cost_case(m=3):
    """``(A2, Y)``: seed 1, ``Y = randn(1, m) > 0`` (booleans); ``m = 3`` in the notebook,
    ``m = 5`` in the public test (two more probabilities, 0.25 and 0.7)."""
    np.random.seed(1)
    Y = np.random.randn(1, m) > 0
    A2 = SMALL_A2 if m == 3 else np.concatenate([SMALL_A2, [[0.25, 0.7]]], axis=1)
    return A2.copy(), Y


def backward_propagation_case():
    """``(parameters, cache, X, Y)`` of the notebook: seed 1, ``X = randn(2, 3)``,
    ``Y = randn(1, 3) > 0``, the small weights and the cache the course writes out."""
    np.random.seed(1)
    X = np.random.randn(2, 3)
    Y = np.random.randn(1, 3) > 0
    parameters = {"W1": SMALL_W1.copy(), "b1": np.zeros((4, 1)), "W2": SMALL_W2.copy(),
                  "b2": np.zeros((1, 1))}
    cache = {
        "A1": np.array([[-0.00616578, 0.0020626, 0.00349619],
                        [-0.05225116, 0.02725659, -0.02646251],
                        [-0.02009721, 0.0036869, 0.02883756],
                        [0.02152675, -0.01385234, 0.02599885]]),
        "A2": SMALL_A2.copy(),
        "Z1": np.array([[-0.00616586, 0.0020626, 0.0034962],
                        [-0.05229879, 0.02726335, -0.02646869],
                        [-0.02009991, 0.00368692, 0.02884556],
                        [0.02153007, -0.01385322, 0.02600471]]),
        "Z2": np.array([[0.00092281, -0.00056678, 0.00095853]]),
    }
    return parameters, cache, X, Y


def backward_propagation_public_case():
    """The public test's larger case, all drawn after seed 1: ``X`` (3, 7), ``Y`` (1, 7) booleans,
    ``W1`` (9, 3), ``W2`` (1, 9), then a random cache ``A1, A2, Z1, Z2`` in that order."""
    np.random.seed(1)
    X = np.random.randn(3, 7)
    Y = np.random.randn(1, 7) > 0
    parameters = {"W1": np.random.randn(9, 3), "W2": np.random.randn(1, 9),
                  "b1": np.zeros((9, 1)), "b2": np.zeros((1, 1))}
    cache = {"A1": np.random.randn(9, 7), "A2": np.random.randn(1, 7),
             "Z1": np.random.randn(9, 7), "Z2": np.random.randn(1, 7)}
    return parameters, cache, X, Y


def update_parameters_case():
    """``(parameters, grads)``: the course's written-out values (fresh copies)."""
    return _copy(TRAINED), _copy(TRAINED_GRADS)


def nn_model_case():
    """``(X, Y)``: seed 1, ``X = randn(2, 3)``, ``Y = randn(1, 3) > 0``; the model has 4 hidden
    units and runs 10000 iterations."""
    np.random.seed(1)
    X = np.random.randn(2, 3)
    Y = np.random.randn(1, 3) > 0
    return X, Y


def predict_case():
    """``(parameters, X)``: the trained values and, after seed 1, ``X = randn(2, 3)``."""
    np.random.seed(1)
    X = np.random.randn(2, 3)
    return _copy(TRAINED), X
