"""Catalogued mistakes of unit c1w3: ids and bilingual messages, no code.

الأخطاء الشائعة في الوحدة c1w3: مُعرِّفات ورسائل ثنائية اللغة، بلا شيفرة.

The code of each mistake (an edit of the reference) stays in
``solutions/c1w3/grading/mutants.py`` under the same id. English is the gettext msgid; the Arabic
is in ``course/locale/ar/LC_MESSAGES/grader_checks.po``.
"""

from course.i18n import N_
from grader.feedback import mistakes

#: ``{mistake id: Mistake}`` for every catalogued mistake, in catalogue order.
MISTAKES = mistakes(
    # 1. layer_sizes
    ("layer_sizes.hidden_not_4",
     N_("The hidden layer's size was computed from the data instead of fixed at 4."),
     N_("In this exercise the hidden layer has 4 units: n_h = 4.")),
    ("layer_sizes.examples_not_features",
     N_("n_x counts the examples (X.shape[1]) instead of the features (X.shape[0])."),
     N_("Examples are columns: the input size is the number of rows, n_x = X.shape[0].")),
    ("layer_sizes.output_from_examples",
     N_("n_y counts the examples (Y.shape[1]) instead of the rows of Y."),
     N_("The output size is the number of rows of Y: n_y = Y.shape[0].")),
    # 2. initialize_parameters
    ("initialize_parameters.no_scale",
     N_("The weights were drawn without the factor 0.01."),
     N_("Multiply each weight matrix by 0.01: np.random.randn(rows, columns) * 0.01.")),
    ("initialize_parameters.w_transposed",
     N_("The weight matrices are transposed: W1 has shape (n_x, n_h) instead of (n_h, n_x)."),
     N_("A weight matrix has one row per unit of its layer: W1 is (n_h, n_x), "
        "W2 is (n_y, n_h).")),
    ("initialize_parameters.bias_1d",
     N_("The biases are 1-D vectors of shape (n,) instead of column vectors (n, 1)."),
     N_("Create the biases with np.zeros((n, 1)): the double parentheses give a column.")),
    ("initialize_parameters.seeds_itself",
     N_("The function seeds NumPy's random generator itself."),
     N_("Do not call np.random.seed here: in this week the caller seeds (nn_model seeds 3)."),),
    # 3. forward_propagation
    ("forward_propagation.relu_hidden",
     N_("The hidden layer uses ReLU instead of tanh."),
     N_("This network's hidden layer uses A1 = np.tanh(Z1).")),
    ("forward_propagation.sigmoid_hidden",
     N_("The hidden layer uses sigmoid instead of tanh."),
     N_("Use np.tanh(Z1) in the hidden layer and sigmoid only for the output A2.")),
    ("forward_propagation.missing_bias",
     N_("The bias b1 was not added to Z1."),
     N_("Z1 = np.dot(W1, X) + b1 (b1 is broadcast over the columns).")),
    ("forward_propagation.tanh_output",
     N_("The output layer uses tanh instead of sigmoid."),
     N_("A2 = sigmoid(Z2): the output must be a probability between 0 and 1.")),
    # 4. compute_cost
    ("compute_cost.numpy_float",
     N_("The cost is a NumPy number (numpy.float64) instead of a Python float."),
     N_("Keep the provided line cost = float(np.squeeze(cost)) at the end.")),
    ("compute_cost.no_mean",
     N_("The cost is the sum over the examples, not the average: the factor 1/m is missing."),
     N_("Multiply the sum by 1/m, where m = Y.shape[1].")),
    ("compute_cost.wrong_sign",
     N_("The cost has the wrong sign (the minus sign is missing)."),
     N_("J = -(1/m) * sum(Y log(AL) + (1 - Y) log(1 - AL)): a cost is never negative.")),
    ("compute_cost.swapped_logs",
     N_("The two log terms are swapped: Y is paired with log(1 - A2)."),
     N_("Pair Y with log(A2) and (1 - Y) with log(1 - A2).")),
    # 5. backward_propagation
    ("backward_propagation.relu_derivative",
     N_("dZ1 uses the derivative of ReLU instead of tanh's."),
     N_("The hidden layer is tanh, whose derivative is 1 - A1**2: "
        "dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2)).")),
    ("backward_propagation.sigmoid_derivative",
     N_("dZ1 uses the derivative of sigmoid, A1 (1 - A1), instead of tanh's."),
     N_("tanh'(Z1) = 1 - A1**2: dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2)).")),
    ("backward_propagation.no_1_over_m",
     N_("dW1 and dW2 are not divided by m."),
     N_("Average over the examples: dW2 = np.dot(dZ2, A1.T) / m and dW1 = np.dot(dZ1, X.T) / m.")),
    ("backward_propagation.db_no_keepdims",
     N_("db2 was summed without keepdims=True, so it has shape (n,) instead of (n, 1)."),
     N_("Use np.sum(dZ2, axis=1, keepdims=True) / m so db2 has the shape of b2.")),
    ("backward_propagation.dZ2_sign",
     N_("dZ2 has the wrong sign: Y - A2 instead of A2 - Y."),
     N_("For a sigmoid output with the cross-entropy cost, dZ2 = A2 - Y.")),
    # 6. update_parameters
    ("update_parameters.plus_sign",
     N_("The gradient was added instead of subtracted (gradient ascent)."),
     N_("W = W - learning_rate * dW and b = b - learning_rate * db.")),
    ("update_parameters.bias_not_updated",
     N_("The biases were not updated."),
     N_("Update b1 and b2 too: b = b - learning_rate * db.")),
    ("update_parameters.wrong_default_rate",
     N_("The default learning rate is not 1.2."),
     N_("Keep the signature update_parameters(parameters, grads, learning_rate=1.2).")),
    # 7. nn_model
    ("nn_model.no_update",
     N_("The parameters are never updated: the result of update_parameters is thrown away."),
     N_("Write parameters = update_parameters(parameters, grads).")),
    ("nn_model.hidden_size_ignored",
     N_("The hidden layer's size comes from layer_sizes (always 4) instead of the argument n_h."),
     N_("Initialise with initialize_parameters(n_x, n_h, n_y), using the n_h given to nn_model.")),
    ("nn_model.backward_before_forward",
     N_("The gradients are computed from a stale forward pass (one iteration late)."),
     N_("In each iteration: forward_propagation, compute_cost, backward_propagation, then "
        "update_parameters, in this order.")),
    # 8. predict
    ("predict.ge_threshold",
     N_("The threshold is >= 0.5; a probability of exactly 0.5 must give False."),
     N_("Use a strict comparison: predictions = A2 > 0.5.")),
    ("predict.probabilities",
     N_("The probabilities A2 were returned instead of the predictions."),
     N_("Return predictions = A2 > 0.5.")),
    ("predict.float_predictions",
     N_("The predictions are floats (0.0/1.0) instead of booleans."),
     N_("In this week predict returns the booleans of A2 > 0.5 as they are.")),
)
