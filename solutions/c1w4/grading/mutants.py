"""The code of c1w4's catalogued mistakes: each one an edit of the reference (instructors only).

شيفرة الأخطاء الشائعة في الوحدة c1w4: كلٌّ منها تعديل على الحل المرجعي (للمعلّمين فقط).

The ids match the messages in ``course/c1w4/grading/mistakes.py``; see :mod:`grader.mutate` for
how an :class:`~grader.mutate.Edit` becomes a function (each ``old`` text occurs exactly once in
the reference function).
"""

from grader.mutate import Edit

# Code lines, newline first: the same text also appears in the hints above them.
_SIGMOID_A = "\n        A, activation_cache = sigmoid(Z)"
_RELU_A = "\n        A, activation_cache = relu(Z)"
_RELU_DZ = "\n        dZ = relu_backward(dA, activation_cache)"
_SIGMOID_DZ = "\n        dZ = sigmoid_backward(dA, activation_cache)"
_LOOP_RELU = '"relu"\n        )\n        caches.append(cache)'
_DA_L = "dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))"
_DEEP_W = "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01"
_SMALL_INIT = (
    "np.random.seed(3)\n    parameters = {}\n    for l in range(1, len(layers_dims)):\n"
    "        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) "
    "* 0.01\n        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))"
)

MUTANTS = {
    # 1. initialize_parameters
    "initialize_parameters.no_scale": Edit(
        ("randn(n_h, n_x) * 0.01", "randn(n_h, n_x)"), ("randn(n_y, n_h) * 0.01", "randn(n_y, n_h)")),
    "initialize_parameters.draw_order": Edit((
        "W1 = np.random.randn(n_h, n_x) * 0.01\n    b1 = np.zeros((n_h, 1))\n"
        "    W2 = np.random.randn(n_y, n_h) * 0.01",
        "W2 = np.random.randn(n_y, n_h) * 0.01\n    W1 = np.random.randn(n_h, n_x) * 0.01\n"
        "    b1 = np.zeros((n_h, 1))")),
    "initialize_parameters.w_transposed": Edit(
        ("randn(n_h, n_x)", "randn(n_x, n_h)"), ("randn(n_y, n_h)", "randn(n_h, n_y)")),
    "initialize_parameters.bias_1d": Edit(
        ("np.zeros((n_h, 1))", "np.zeros(n_h)"), ("np.zeros((n_y, 1))", "np.zeros(n_y)")),
    # 2. initialize_parameters_deep
    "initialize_parameters_deep.no_scale": Edit((_DEEP_W, _DEEP_W[:-7])),
    "initialize_parameters_deep.sqrt_scaled": Edit(
        (_DEEP_W, _DEEP_W[:-7] + " / np.sqrt(layer_dims[l - 1])")),
    "initialize_parameters_deep.w_transposed": Edit(
        (_DEEP_W, "np.random.randn(layer_dims[l - 1], layer_dims[l]) * 0.01")),
    "initialize_parameters_deep.bias_1d": Edit(
        ("np.zeros((layer_dims[l], 1))", "np.zeros(layer_dims[l])")),
    # 3. linear_forward
    "linear_forward.missing_bias": Edit(("np.dot(W, A) + b", "np.dot(W, A)")),
    "linear_forward.z_transposed": Edit(("np.dot(W, A) + b", "np.dot(A.T, W.T) + b.T")),
    "linear_forward.bias_multiplied": Edit(("np.dot(W, A) + b", "np.dot(W, A) * b")),
    # 4. linear_activation_forward
    "linear_activation_forward.swapped": Edit(
        (_SIGMOID_A, _SIGMOID_A.replace("sigmoid", "RELU")), (_RELU_A, _RELU_A.replace("relu", "sigmoid")),
        ("RELU", "relu")),
    "linear_activation_forward.relu_everywhere": Edit((_SIGMOID_A, _SIGMOID_A.replace("sigmoid", "relu"))),
    "linear_activation_forward.sigmoid_everywhere": Edit((_RELU_A, _RELU_A.replace("relu", "sigmoid"))),
    "linear_activation_forward.cache_holds_A": Edit(
        ("cache = (linear_cache, activation_cache)", "cache = (linear_cache, A)")),
    "linear_activation_forward.flat_cache": Edit(
        ("cache = (linear_cache, activation_cache)", "cache = linear_cache + (activation_cache,)")),
    # 5. L_model_forward
    "L_model_forward.sigmoid_hidden": Edit((_LOOP_RELU, _LOOP_RELU.replace("relu", "sigmoid"))),
    "L_model_forward.relu_output": Edit(('str(L)], "sigmoid"', 'str(L)], "relu"')),
    "L_model_forward.last_cache_missing": Edit(('"sigmoid"\n    )\n    caches.append(cache)',
                                                '"sigmoid"\n    )')),
    "L_model_forward.caches_reversed": Edit(
        ("        caches.append(cache)", "        caches.insert(0, cache)"),
        ("    caches.append(cache)", "    caches.insert(0, cache)")),
    # 6. compute_cost
    "compute_cost.no_mean": Edit(("(1.0 / m) * ", "")),
    "compute_cost.wrong_sign": Edit(("(-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))",
                                     "(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))")),
    "compute_cost.swapped_logs": Edit(("np.dot(Y, np.log(AL).T)", "np.dot(Y, np.log(1 - AL).T)"),
                                      ("np.dot(1 - Y, np.log(1 - AL).T)", "np.dot(1 - Y, np.log(AL).T)")),
    "compute_cost.not_squeezed": Edit(("cost = np.squeeze(cost)", "cost = cost")),
    # 7. linear_backward
    "linear_backward.no_1_over_m": Edit(("dW = (1.0 / m) * ", "dW = "), ("db = (1.0 / m) * ", "db = ")),
    "linear_backward.dW_no_1_over_m": Edit(("dW = (1.0 / m) * ", "dW = ")),
    "linear_backward.db_no_1_over_m": Edit(("db = (1.0 / m) * ", "db = ")),
    "linear_backward.db_no_keepdims": Edit((", keepdims=True)\n    dA", ")\n    dA")),
    "linear_backward.db_wrong_axis": Edit(("axis=1, keepdims=True)\n    dA", "axis=0, keepdims=True)\n    dA")),
    "linear_backward.dW_transposed": Edit(("np.dot(dZ, A_prev.T)", "np.dot(A_prev, dZ.T)")),
    "linear_backward.dA_prev_over_m": Edit(("dA_prev = np.dot(W.T, dZ)", "dA_prev = (1.0 / m) * np.dot(W.T, dZ)")),
    # 8. linear_activation_backward
    "linear_activation_backward.swapped": Edit(
        (_RELU_DZ, _RELU_DZ.replace("relu", "SIGMOID")), (_SIGMOID_DZ, _SIGMOID_DZ.replace("sigmoid", "relu")),
        ("SIGMOID", "sigmoid")),
    "linear_activation_backward.no_activation_derivative": Edit(
        (_RELU_DZ, "\n        dZ = dA"), (_SIGMOID_DZ, "\n        dZ = dA")),
    "linear_activation_backward.relu_everywhere": Edit((_SIGMOID_DZ, _SIGMOID_DZ.replace("sigmoid", "relu"))),
    "linear_activation_backward.sigmoid_everywhere": Edit((_RELU_DZ, _RELU_DZ.replace("relu", "sigmoid"))),
    "linear_activation_backward.wrong_return_order": Edit(
        ("return dA_prev, dW, db", "return dW, db, dA_prev")),
    # 9. L_model_backward
    "L_model_backward.dAL_sign": Edit((_DA_L, "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)")),
    "L_model_backward.dAL_is_dZ": Edit((_DA_L, "dAL = AL - Y")),
    "L_model_backward.relu_output": Edit(('dAL, current_cache, "sigmoid"', 'dAL, current_cache, "relu"')),
    "L_model_backward.sigmoid_hidden": Edit(('current_cache, "relu"', 'current_cache, "sigmoid"')),
    "L_model_backward.dA_keys_shifted": Edit(
        ('grads["dA" + str(L - 1)]', 'grads["dA" + str(L)]'),
        ('grads["dA" + str(l + 1)], current_cache', 'grads["dA" + str(l + 2)], current_cache'),
        ('grads["dA" + str(l)] = dA_prev_temp', 'grads["dA" + str(l + 1)] = dA_prev_temp')),
    # 10. update_parameters
    "update_parameters.plus_sign": Edit(
        ('] - learning_rate * grads["dW"', '] + learning_rate * grads["dW"'),
        ('] - learning_rate * grads["db"', '] + learning_rate * grads["db"')),
    "update_parameters.in_place": Edit(("parameters = copy.deepcopy(params)", "parameters = params")),
    "update_parameters.bias_not_updated": Edit(
        ('- learning_rate * grads["db" + str(l + 1)]', '- 0 * grads["db" + str(l + 1)]')),
    "update_parameters.last_layer_skipped": Edit(("for l in range(L):", "for l in range(L - 1):")),
    # 11. two_layer_model
    "two_layer_model.scaled_initialiser": Edit(
        ("parameters = initialize_parameters(n_x, n_h, n_y)",
         "parameters = initialize_parameters_deep_scaled([n_x, n_h, n_y])")),
    "two_layer_model.no_update": Edit(("parameters = update_parameters(", "update_parameters(")),
    "two_layer_model.dA2_sign": Edit(("dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))",
                                      "dA2 = np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)")),
    "two_layer_model.learning_rate_ignored": Edit(("grads, learning_rate)", "grads, 0.0075)")),
    "two_layer_model.costs_every_iteration": Edit(("        if i % 100 == 0:\n", "        if True:\n")),
    # 12. L_layer_model
    "L_layer_model.small_init": Edit(("parameters = initialize_parameters_deep_scaled(layers_dims)",
                                      _SMALL_INIT)),
    "L_layer_model.no_update": Edit(("parameters = update_parameters(", "update_parameters(")),
    "L_layer_model.learning_rate_ignored": Edit(("grads, learning_rate)", "grads, 0.0075)")),
    "L_layer_model.costs_schedule_shifted": Edit(("        if i % 100 == 0:\n",
                                                  "        if (i + 1) % 100 == 0:\n")),
    # 13. predict
    "predict.ge_threshold": Edit(("p[probas > 0.5] = 1", "p[probas >= 0.5] = 1")),
    "predict.probabilities": Edit(("p[probas > 0.5] = 1", "p = probas")),
    "predict.bool_dtype": Edit(("p[probas > 0.5] = 1", "p = probas > 0.5")),
}
