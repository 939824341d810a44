"""The code of c1w3's catalogued mistakes: each one an edit of the reference (instructors only).

شيفرة الأخطاء الشائعة في الوحدة c1w3: كلٌّ منها تعديل على الحل المرجعي (للمعلّمين فقط).

The ids match the messages in ``course/c1w3/grading/mistakes.py``; see :mod:`grader.mutate`.
"""

from grader.mutate import Edit

_W1 = "\n    W1 = np.random.randn(n_h, n_x) * 0.01"
_TANH_DERIVATIVE = "* (1 - np.power(A1, 2))"
_LOOP = ("        A2, cache = forward_propagation(X, parameters)\n"
         "        cost = compute_cost(A2, Y)\n"
         "        grads = backward_propagation(parameters, cache, X, Y)\n")

MUTANTS = {
    # 1. layer_sizes
    "layer_sizes.hidden_not_4": Edit(("n_h = 4\n", "n_h = X.shape[0]\n")),
    "layer_sizes.examples_not_features": Edit(("n_x = X.shape[0]\n", "n_x = X.shape[1]\n")),
    "layer_sizes.output_from_examples": Edit(("n_y = Y.shape[0]\n", "n_y = Y.shape[1]\n")),
    # 2. initialize_parameters
    "initialize_parameters.no_scale": Edit(
        ("randn(n_h, n_x) * 0.01", "randn(n_h, n_x)"), ("randn(n_y, n_h) * 0.01", "randn(n_y, n_h)")),
    "initialize_parameters.w_transposed": Edit(
        ("randn(n_h, n_x)", "randn(n_x, n_h)"), ("randn(n_y, n_h)", "randn(n_h, n_y)")),
    "initialize_parameters.bias_1d": Edit(
        ("np.zeros((n_h, 1))", "np.zeros(n_h)"), ("np.zeros((n_y, 1))", "np.zeros(n_y)")),
    "initialize_parameters.seeds_itself": Edit((_W1, "\n    np.random.seed(2)" + _W1)),
    # 3. forward_propagation
    "forward_propagation.relu_hidden": Edit(("\n    A1 = np.tanh(Z1)", "\n    A1 = np.maximum(0, Z1)")),
    "forward_propagation.sigmoid_hidden": Edit(("\n    A1 = np.tanh(Z1)", "\n    A1 = sigmoid(Z1)")),
    "forward_propagation.missing_bias": Edit(("\n    Z1 = np.dot(W1, X) + b1", "\n    Z1 = np.dot(W1, X)")),
    "forward_propagation.tanh_output": Edit(("\n    A2 = sigmoid(Z2)", "\n    A2 = np.tanh(Z2)")),
    # 4. compute_cost
    "compute_cost.numpy_float": Edit(("cost = float(np.squeeze(cost))  #", "cost = np.squeeze(cost)  #")),
    "compute_cost.no_mean": Edit(("cost = -np.sum(logprobs) / m", "cost = -np.sum(logprobs)")),
    "compute_cost.wrong_sign": Edit(("cost = -np.sum(logprobs) / m", "cost = np.sum(logprobs) / m")),
    "compute_cost.swapped_logs": Edit(("np.multiply(Y, np.log(A2))", "np.multiply(Y, np.log(1 - A2))"),
                                      ("np.multiply(1 - Y, np.log(1 - A2))",
                                       "np.multiply(1 - Y, np.log(A2))")),
    # 5. backward_propagation
    "backward_propagation.relu_derivative": Edit((_TANH_DERIVATIVE, "* (A1 > 0)")),
    "backward_propagation.sigmoid_derivative": Edit((_TANH_DERIVATIVE, "* (A1 * (1 - A1))")),
    "backward_propagation.no_1_over_m": Edit(("np.dot(dZ2, A1.T) / m", "np.dot(dZ2, A1.T)"),
                                             ("np.dot(dZ1, X.T) / m", "np.dot(dZ1, X.T)")),
    "backward_propagation.db_no_keepdims": Edit(("np.sum(dZ2, axis=1, keepdims=True)",
                                                 "np.sum(dZ2, axis=1)")),
    "backward_propagation.dZ2_sign": Edit(("\n    dZ2 = A2 - Y", "\n    dZ2 = Y - A2")),
    # 6. update_parameters
    "update_parameters.plus_sign": Edit(*((f"{p} - learning_rate * grads[\"d{p}\"]\n",
                                          f"{p} + learning_rate * grads[\"d{p}\"]\n")
                                         for p in ("W1", "b1", "W2", "b2"))),
    "update_parameters.bias_not_updated": Edit(*((f"\n    {p} = {p} - learning_rate * grads[\"d{p}\"]",
                                                 f"\n    {p} = {p}") for p in ("b1", "b2"))),
    "update_parameters.wrong_default_rate": Edit(("learning_rate=1.2", "learning_rate=0.0075")),
    # 7. nn_model
    "nn_model.no_update": Edit(("parameters = update_parameters(", "update_parameters(")),
    "nn_model.hidden_size_ignored": Edit(("parameters = initialize_parameters(n_x, n_h, n_y)",
                                          "parameters = initialize_parameters(n_x, 4, n_y)")),
    "nn_model.backward_before_forward": Edit((_LOOP, "        grads = backward_propagation(parameters, "
                                              "cache, X, Y) if i else None\n"
                                              "        A2, cache = forward_propagation(X, parameters)\n"
                                              "        cost = compute_cost(A2, Y)\n"
                                              "        grads = grads or backward_propagation("
                                              "parameters, cache, X, Y)\n")),
    # 8. predict
    "predict.ge_threshold": Edit(("predictions = A2 > 0.5", "predictions = A2 >= 0.5")),
    "predict.probabilities": Edit(("predictions = A2 > 0.5", "predictions = A2")),
    "predict.float_predictions": Edit(("predictions = A2 > 0.5",
                                       "predictions = (A2 > 0.5).astype(float)")),
}
