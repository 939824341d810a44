"""Known wrong variants ("mutants") of the c1w4 reference, one per catalogued mistake.

المتحوِّرات: نسخ خاطئة معروفة من الحل المرجعي، واحدة لكل خطأ شائع في الفهرس.

Each mutant is written the way a student would write the exercise: only names that exist in the
student's module are used (``np``, ``copy``, the provided helpers and the other exercises), so
:func:`grader.build.submissions.mutant_sources` can paste a mutant's source into a copy of the
reference module to build a whole wrong submission. Here, in the trusted process, those names are
the reference's, so a mutant of a composite uses the reference versions of what it calls, exactly
like stage isolation.

The messages (title and fix) live in :mod:`grader.mistakes` under the same ids; the ids are
``"<exercise>.<mistake>"``.
"""

import contextlib
import copy
import inspect
import io

import numpy as np

from solutions.c1w4.cat_classifier import initialize_parameters_deep_scaled
from solutions.c1w4.dnn_helpers import relu, relu_backward, sigmoid, sigmoid_backward
from solutions.c1w4.step_by_step import (
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    update_parameters,
)

# exercise id -> {mistake id: function}, in definition order.
MUTANTS = {}


def mutant(mistake_id):
    """Register the decorated function as the mutant of ``mistake_id`` (``"exercise.name"``)."""
    exercise_id = mistake_id.split(".", 1)[0]

    def register(function):
        MUTANTS.setdefault(exercise_id, {})[mistake_id] = function
        function.mistake_id = mistake_id
        function.exercise_id = exercise_id
        return function

    return register


def mutants_of(exercise_id):
    """``{mistake_id: function}`` for one exercise (empty dict if none)."""
    return dict(MUTANTS.get(exercise_id, {}))


def run(function, args, kwargs=None):
    """Call a reference or mutant function like the engine calls the student's.

    The arguments are deep-copied (a mutant may modify them), the output is captured and NumPy's
    global random state is restored afterwards (the initialisers reseed it).

    Returns
    -------
    value : object
        What the function returned.
    stdout : str
        What it printed.
    """
    args = copy.deepcopy(tuple(args))
    kwargs = copy.deepcopy(dict(kwargs or {}))
    state = np.random.get_state()
    buffer = io.StringIO()
    try:
        # Diverging mistakes (gradient ascent) overflow; their warnings are not news here.
        with contextlib.redirect_stdout(buffer), np.errstate(all="ignore"):
            value = function(*args, **kwargs)
    finally:
        np.random.set_state(state)
    return value, buffer.getvalue()


def source_of(function):
    """The mutant's source with its ``def`` renamed to the exercise's function name."""
    text = inspect.getsource(function)
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("def "))
    head = lines[start]
    lines[start] = "def " + function.exercise_id + head[head.index("("):]
    return "".join(lines[start:])


# ============================================================================================
# 1. initialize_parameters
# ============================================================================================


@mutant("initialize_parameters.no_scale")
def _init_no_scale(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x)
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h)
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


@mutant("initialize_parameters.draw_order")
def _init_draw_order(n_x, n_h, n_y):
    np.random.seed(1)
    W2 = np.random.randn(n_y, n_h) * 0.01
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


@mutant("initialize_parameters.w_transposed")
def _init_w_transposed(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_x, n_h) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_h, n_y) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


@mutant("initialize_parameters.bias_1d")
def _init_bias_1d(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros(n_h)
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros(n_y)
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


# ============================================================================================
# 2. initialize_parameters_deep
# ============================================================================================


@mutant("initialize_parameters_deep.no_scale")
def _deep_no_scale(layer_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@mutant("initialize_parameters_deep.sqrt_scaled")
def _deep_sqrt_scaled(layer_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(
            layer_dims[l - 1]
        )
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@mutant("initialize_parameters_deep.w_transposed")
def _deep_w_transposed(layer_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l - 1], layer_dims[l]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@mutant("initialize_parameters_deep.bias_1d")
def _deep_bias_1d(layer_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros(layer_dims[l])
    return parameters


# ============================================================================================
# 3. linear_forward
# ============================================================================================


@mutant("linear_forward.missing_bias")
def _lf_missing_bias(A, W, b):
    Z = np.dot(W, A)
    cache = (A, W, b)
    return Z, cache


@mutant("linear_forward.z_transposed")
def _lf_z_transposed(A, W, b):
    Z = np.dot(A.T, W.T) + b.T
    cache = (A, W, b)
    return Z, cache


@mutant("linear_forward.bias_multiplied")
def _lf_bias_multiplied(A, W, b):
    Z = np.dot(W, A) * b
    cache = (A, W, b)
    return Z, cache


# ============================================================================================
# 4. linear_activation_forward
# ============================================================================================


@mutant("linear_activation_forward.swapped")
def _laf_swapped(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
    else:
        raise ValueError(activation)
    cache = (linear_cache, activation_cache)
    return A, cache


@mutant("linear_activation_forward.relu_everywhere")
def _laf_relu_everywhere(A_prev, W, b, activation):
    if activation not in ("sigmoid", "relu"):
        raise ValueError(activation)
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = relu(Z)
    cache = (linear_cache, activation_cache)
    return A, cache


@mutant("linear_activation_forward.sigmoid_everywhere")
def _laf_sigmoid_everywhere(A_prev, W, b, activation):
    if activation not in ("sigmoid", "relu"):
        raise ValueError(activation)
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = sigmoid(Z)
    cache = (linear_cache, activation_cache)
    return A, cache


@mutant("linear_activation_forward.cache_holds_A")
def _laf_cache_holds_A(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
    else:
        raise ValueError(activation)
    cache = (linear_cache, A)
    return A, cache


@mutant("linear_activation_forward.flat_cache")
def _laf_flat_cache(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
    else:
        raise ValueError(activation)
    cache = (A_prev, W, b, Z)
    return A, cache


# ============================================================================================
# 5. L_model_forward
# ============================================================================================


@mutant("L_model_forward.sigmoid_hidden")
def _lmf_sigmoid_hidden(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(
            A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "sigmoid"
        )
        caches.append(cache)
    AL, cache = linear_activation_forward(
        A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid"
    )
    caches.append(cache)
    return AL, caches


@mutant("L_model_forward.relu_output")
def _lmf_relu_output(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(
            A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu"
        )
        caches.append(cache)
    AL, cache = linear_activation_forward(
        A, parameters["W" + str(L)], parameters["b" + str(L)], "relu"
    )
    caches.append(cache)
    return AL, caches


@mutant("L_model_forward.last_cache_missing")
def _lmf_last_cache_missing(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(
            A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu"
        )
        caches.append(cache)
    AL, cache = linear_activation_forward(
        A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid"
    )
    return AL, caches


@mutant("L_model_forward.caches_reversed")
def _lmf_caches_reversed(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(
            A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu"
        )
        caches.insert(0, cache)
    AL, cache = linear_activation_forward(
        A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid"
    )
    caches.insert(0, cache)
    return AL, caches


# ============================================================================================
# 6. compute_cost
# ============================================================================================


@mutant("compute_cost.no_mean")
def _cc_no_mean(AL, Y):
    cost = -np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T)
    cost = np.squeeze(cost)
    return cost


@mutant("compute_cost.wrong_sign")
def _cc_wrong_sign(AL, Y):
    m = Y.shape[1]
    cost = (1.0 / m) * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))
    cost = np.squeeze(cost)
    return cost


@mutant("compute_cost.swapped_logs")
def _cc_swapped_logs(AL, Y):
    m = Y.shape[1]
    cost = (1.0 / m) * (-np.dot(Y, np.log(1 - AL).T) - np.dot(1 - Y, np.log(AL).T))
    cost = np.squeeze(cost)
    return cost


@mutant("compute_cost.python_float")
def _cc_python_float(AL, Y):
    m = Y.shape[1]
    cost = (1.0 / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))
    cost = np.squeeze(cost)
    return float(cost)


@mutant("compute_cost.numpy_scalar")
def _cc_numpy_scalar(AL, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    cost = np.squeeze(cost)
    return cost


# ============================================================================================
# 7. linear_backward
# ============================================================================================


@mutant("linear_backward.no_1_over_m")
def _lb_no_mean(dZ, cache):
    A_prev, W, b = cache
    dW = np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mutant("linear_backward.dW_no_1_over_m")
def _lb_dW_no_mean(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T)
    db = (1.0 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mutant("linear_backward.db_no_1_over_m")
def _lb_db_no_mean(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = (1.0 / m) * np.dot(dZ, A_prev.T)
    db = np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mutant("linear_backward.db_no_keepdims")
def _lb_db_no_keepdims(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = (1.0 / m) * np.dot(dZ, A_prev.T)
    db = (1.0 / m) * np.sum(dZ, axis=1)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mutant("linear_backward.db_wrong_axis")
def _lb_db_wrong_axis(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = (1.0 / m) * np.dot(dZ, A_prev.T)
    db = (1.0 / m) * np.sum(dZ, axis=0, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mutant("linear_backward.dW_transposed")
def _lb_dW_transposed(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = (1.0 / m) * np.dot(A_prev, dZ.T)
    db = (1.0 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@mutant("linear_backward.dA_prev_over_m")
def _lb_dA_prev_over_m(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = (1.0 / m) * np.dot(dZ, A_prev.T)
    db = (1.0 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = (1.0 / m) * np.dot(W.T, dZ)
    return dA_prev, dW, db


# ============================================================================================
# 8. linear_activation_backward
# ============================================================================================


@mutant("linear_activation_backward.swapped")
def _lab_swapped(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    elif activation == "sigmoid":
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    else:
        raise ValueError(activation)
    return dA_prev, dW, db


@mutant("linear_activation_backward.no_activation_derivative")
def _lab_no_derivative(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation not in ("sigmoid", "relu"):
        raise ValueError(activation)
    dZ = dA
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@mutant("linear_activation_backward.relu_everywhere")
def _lab_relu_everywhere(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation not in ("sigmoid", "relu"):
        raise ValueError(activation)
    dZ = relu_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@mutant("linear_activation_backward.sigmoid_everywhere")
def _lab_sigmoid_everywhere(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation not in ("sigmoid", "relu"):
        raise ValueError(activation)
    dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


@mutant("linear_activation_backward.wrong_return_order")
def _lab_wrong_return_order(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        raise ValueError(activation)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dW, db, dA_prev


# ============================================================================================
# 9. L_model_backward
# ============================================================================================


@mutant("L_model_backward.dAL_sign")
def _lmb_dAL_sign(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@mutant("L_model_backward.dAL_is_dZ")
def _lmb_dAL_is_dZ(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = AL - Y
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@mutant("L_model_backward.relu_output")
def _lmb_relu_output(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "relu")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@mutant("L_model_backward.sigmoid_hidden")
def _lmb_sigmoid_hidden(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(
            grads["dA" + str(l + 1)], caches[l], "sigmoid"
        )
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA_prev, dW, db
    return grads


@mutant("L_model_backward.dA_keys_shifted")
def _lmb_dA_keys_shifted(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = dA_prev, dW, db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 2)], caches[l], "relu")
        grads["dA" + str(l + 1)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = (
            dA_prev,
            dW,
            db,
        )
    return grads


# ============================================================================================
# 10. update_parameters
# ============================================================================================


@mutant("update_parameters.plus_sign")
def _up_plus_sign(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = (
            parameters["W" + str(l + 1)] + learning_rate * grads["dW" + str(l + 1)]
        )
        parameters["b" + str(l + 1)] = (
            parameters["b" + str(l + 1)] + learning_rate * grads["db" + str(l + 1)]
        )
    return parameters


@mutant("update_parameters.in_place")
def _up_in_place(params, grads, learning_rate):
    parameters = params
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] -= learning_rate * grads["db" + str(l + 1)]
    return parameters


@mutant("update_parameters.bias_not_updated")
def _up_bias_not_updated(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = (
            parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        )
    return parameters


@mutant("update_parameters.last_layer_skipped")
def _up_last_layer_skipped(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(1, L):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


# ============================================================================================
# 11. two_layer_model
# ============================================================================================


@mutant("two_layer_model.scaled_initialiser")
def _tlm_scaled_initialiser(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                            print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    parameters = initialize_parameters_deep_scaled([n_x, n_h, n_y])
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    for i in range(0, num_iterations):
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads["dW1"], grads["db1"], grads["dW2"], grads["db2"] = dW1, db1, dW2, db2
        parameters = update_parameters(parameters, grads, learning_rate)
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutant("two_layer_model.no_update")
def _tlm_no_update(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                   print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    for i in range(0, num_iterations):
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads["dW1"], grads["db1"], grads["dW2"], grads["db2"] = dW1, db1, dW2, db2
        update_parameters(parameters, grads, learning_rate)
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutant("two_layer_model.dA2_sign")
def _tlm_dA2_sign(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                  print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    for i in range(0, num_iterations):
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads["dW1"], grads["db1"], grads["dW2"], grads["db2"] = dW1, db1, dW2, db2
        parameters = update_parameters(parameters, grads, learning_rate)
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutant("two_layer_model.learning_rate_ignored")
def _tlm_learning_rate_ignored(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                               print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    for i in range(0, num_iterations):
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads["dW1"], grads["db1"], grads["dW2"], grads["db2"] = dW1, db1, dW2, db2
        parameters = update_parameters(parameters, grads, 0.0075)
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutant("two_layer_model.costs_every_iteration")
def _tlm_costs_every_iteration(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                               print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    for i in range(0, num_iterations):
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads["dW1"], grads["db1"], grads["dW2"], grads["db2"] = dW1, db1, dW2, db2
        parameters = update_parameters(parameters, grads, learning_rate)
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        costs.append(cost)
    return parameters, costs


# ============================================================================================
# 12. L_layer_model
# ============================================================================================


@mutant("L_layer_model.small_init")
def _llm_small_init(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                    print_cost=False):
    np.random.seed(1)
    costs = []
    # The x0.01 initialiser of assignment 1 (initialize_parameters_deep), written out.
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutant("L_layer_model.no_update")
def _llm_no_update(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                   print_cost=False):
    np.random.seed(1)
    costs = []
    parameters = initialize_parameters_deep_scaled(layers_dims)
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        update_parameters(parameters, grads, learning_rate)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutant("L_layer_model.learning_rate_ignored")
def _llm_learning_rate_ignored(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                               print_cost=False):
    np.random.seed(1)
    costs = []
    parameters = initialize_parameters_deep_scaled(layers_dims)
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, 0.0075)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutant("L_layer_model.costs_schedule_shifted")
def _llm_costs_schedule_shifted(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                                print_cost=False):
    np.random.seed(1)
    costs = []
    parameters = initialize_parameters_deep_scaled(layers_dims)
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and (i % 100 == 0 or i == num_iterations - 1):
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if (i + 1) % 100 == 0:
            costs.append(cost)
    return parameters, costs


# ============================================================================================
# 13. predict
# ============================================================================================


@mutant("predict.ge_threshold")
def _pr_ge_threshold(X, y, parameters):
    m = X.shape[1]
    p = np.zeros((1, m))
    probas, caches = L_model_forward(X, parameters)
    p[probas >= 0.5] = 1
    print("Accuracy: " + str(np.sum((p == y) / m)))
    return p


@mutant("predict.probabilities")
def _pr_probabilities(X, y, parameters):
    m = X.shape[1]
    probas, caches = L_model_forward(X, parameters)
    p = probas
    print("Accuracy: " + str(np.sum((p == y) / m)))
    return p


@mutant("predict.bool_dtype")
def _pr_bool_dtype(X, y, parameters):
    m = X.shape[1]
    probas, caches = L_model_forward(X, parameters)
    p = probas > 0.5
    print("Accuracy: " + str(np.sum((p == y) / m)))
    return p
