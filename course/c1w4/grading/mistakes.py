"""Catalogued mistakes of unit c1w4: ids and bilingual messages, no code.

الأخطاء الشائعة في الوحدة c1w4: مُعرِّفات ورسائل ثنائية اللغة، بلا شيفرة.

This module ships to students. The code of each mistake (an edit of the reference) stays in
``solutions/c1w4/grading/mutants.py`` under the same id; the public checks recognise a mistake
from its outputs stored with the public cases, the hidden checks by running its code. An id is
``"<exercise>.<mistake>"``; titles say what the student probably did, fixes what to change.
English is the gettext msgid; the Arabic is in ``course/locale/ar/LC_MESSAGES/grader_checks.po``.
"""

from course.i18n import N_
from grader.feedback import mistakes


#: ``{mistake id: Mistake}`` for every catalogued mistake, in catalogue order.
MISTAKES = mistakes(
    # 1. initialize_parameters
    ("initialize_parameters.no_scale",
     N_("The weights were drawn without the factor 0.01."),
     N_("Multiply each weight matrix by 0.01: np.random.randn(rows, columns) * 0.01.")),
    ("initialize_parameters.draw_order",
     N_("W2 was drawn before W1, so the random numbers went to the wrong matrices."),
     N_("Draw W1 first, then W2: with a fixed seed the order of the draws decides the values.")),
    ("initialize_parameters.w_transposed",
     N_("The weight matrices are transposed: W1 has shape (n_x, n_h) instead of (n_h, n_x)."),
     N_("A weight matrix has one row per unit of its layer: W1 is (n_h, n_x), "
        "W2 is (n_y, n_h).")),
    ("initialize_parameters.bias_1d",
     N_("The biases are 1-D vectors of shape (n,) instead of column vectors (n, 1)."),
     N_("Create the biases with np.zeros((n, 1)): the double parentheses give a column.")),
    # 2. initialize_parameters_deep
    ("initialize_parameters_deep.no_scale",
     N_("The weights were drawn without the factor 0.01."),
     N_("Multiply each weight matrix by 0.01: np.random.randn(rows, columns) * 0.01.")),
    ("initialize_parameters_deep.sqrt_scaled",
     N_("The weights were divided by sqrt(n_{{l-1}}) instead of multiplied by 0.01."),
     N_(
        "This exercise uses the x0.01 initialiser; the 1/sqrt(n) scaling belongs to "
        "initialize_parameters_deep_scaled of assignment 2."
        )),
    ("initialize_parameters_deep.w_transposed",
     N_("The weight matrices are transposed: W_l has shape (n_{{l-1}}, n_l)."),
     N_("W_l needs shape (layer_dims[l], layer_dims[l-1]): one row per unit of layer l.")),
    ("initialize_parameters_deep.bias_1d",
     N_("The biases are 1-D vectors of shape (n,) instead of column vectors (n, 1)."),
     N_("Create the biases with np.zeros((n, 1)): the double parentheses give a column.")),
    # 3. linear_forward
    ("linear_forward.missing_bias",
     N_("The bias b was not added: Z = W A."),
     N_("Add the bias: Z = np.dot(W, A) + b (b is broadcast over the columns).")),
    ("linear_forward.z_transposed",
     N_("Z is transposed: it has one row per example instead of one column per example."),
     N_("Compute Z = np.dot(W, A) + b, of shape (n_l, m); examples are columns.")),
    ("linear_forward.bias_multiplied",
     N_("The bias was multiplied instead of added: Z = (W A) * b."),
     N_("Add the bias: Z = np.dot(W, A) + b.")),
    # 4. linear_activation_forward
    ("linear_activation_forward.swapped",
     N_("The activations are swapped: ReLU is used for \"sigmoid\" and sigmoid for \"relu\"."),
     N_("Call sigmoid(Z) in the \"sigmoid\" branch and relu(Z) in the \"relu\" branch.")),
    ("linear_activation_forward.relu_everywhere",
     N_("ReLU is applied whatever the activation argument says."),
     N_("In the \"sigmoid\" branch call sigmoid(Z), not relu(Z).")),
    ("linear_activation_forward.sigmoid_everywhere",
     N_("Sigmoid is applied whatever the activation argument says."),
     N_("In the \"relu\" branch call relu(Z), not sigmoid(Z).")),
    ("linear_activation_forward.cache_holds_A",
     N_("The activation cache holds A instead of Z."),
     N_(
        "Keep the second value returned by sigmoid(Z) or relu(Z) (that is Z) as the "
        "activation cache: cache = (linear_cache, activation_cache)."
        )),
    ("linear_activation_forward.flat_cache",
     N_("The cache is flat, (A_prev, W, b, Z), instead of ((A_prev, W, b), Z)."),
     N_("Keep the two caches apart: cache = (linear_cache, activation_cache).")),
    # 5. L_model_forward
    ("L_model_forward.sigmoid_hidden",
     N_("The hidden layers use sigmoid instead of ReLU."),
     N_("Use \"relu\" for layers 1 to L-1 and \"sigmoid\" only for the last layer L.")),
    ("L_model_forward.relu_output",
     N_("The output layer uses ReLU instead of sigmoid."),
     N_("The last layer L must use \"sigmoid\" so that AL holds probabilities.")),
    ("L_model_forward.last_cache_missing",
     N_("The cache of the last layer was not appended to caches."),
     N_("After the output layer, append its cache too: caches must hold L entries.")),
    ("L_model_forward.caches_reversed",
     N_("The caches are in reverse order (last layer first)."),
     N_("Append each cache at the end (caches.append(cache)): caches[l-1] belongs to layer l.")),
    # 6. compute_cost
    ("compute_cost.no_mean",
     N_("The cost is the sum over the examples, not the average: the factor 1/m is missing."),
     N_("Multiply the sum by 1/m, where m = Y.shape[1].")),
    ("compute_cost.wrong_sign",
     N_("The cost has the wrong sign (the minus sign is missing)."),
     N_("J = -(1/m) * sum(Y log(AL) + (1 - Y) log(1 - AL)): a cost is never negative.")),
    ("compute_cost.swapped_logs",
     N_("The two log terms are swapped: Y is paired with log(1 - AL)."),
     N_("Pair Y with log(AL) and (1 - Y) with log(1 - AL).")),
    ("compute_cost.not_squeezed",
     N_("The cost is a (1, 1) array instead of a single number."),
     N_("Apply np.squeeze to the cost: it turns the (1, 1) result of np.dot into a single "
        "number.")),
    # 7. linear_backward
    ("linear_backward.no_1_over_m",
     N_("dW and db are not divided by m."),
     N_("dW = (1/m) dZ A_prev^T and db = (1/m) * the row sums of dZ.")),
    ("linear_backward.dW_no_1_over_m",
     N_("dW is not divided by m (db is)."),
     N_("dW = (1/m) np.dot(dZ, A_prev.T): like db, dW is an average over the m examples.")),
    ("linear_backward.db_no_1_over_m",
     N_("db is not divided by m (dW is)."),
     N_("db = (1/m) np.sum(dZ, axis=1, keepdims=True): like dW, db is an average over the m "
        "examples.")),
    ("linear_backward.db_no_keepdims",
     N_("db was summed without keepdims=True, so it has shape (n,) instead of (n, 1)."),
     N_("Use np.sum(dZ, axis=1, keepdims=True) so db has the shape of b.")),
    ("linear_backward.db_wrong_axis",
     N_("db was summed over the wrong axis (axis=0, the units, instead of axis=1)."),
     N_("Sum over the examples: np.sum(dZ, axis=1, keepdims=True).")),
    ("linear_backward.dW_transposed",
     N_("dW is transposed: it was computed as A_prev dZ^T."),
     N_("dW = (1/m) np.dot(dZ, A_prev.T); it must have the shape of W.")),
    ("linear_backward.dA_prev_over_m",
     N_("dA_prev was divided by m."),
     N_("Only dW and db carry the factor 1/m; dA_prev = np.dot(W.T, dZ).")),
    # 8. linear_activation_backward
    ("linear_activation_backward.swapped",
     N_("The backward helpers are swapped: sigmoid_backward for \"relu\" and relu_backward "
        "for \"sigmoid\"."),
     N_("Use relu_backward in the \"relu\" branch and sigmoid_backward in the \"sigmoid\" "
        "branch.")),
    ("linear_activation_backward.no_activation_derivative",
     N_("The activation's derivative is missing: dZ = dA."),
     N_("Compute dZ with relu_backward(dA, activation_cache) or sigmoid_backward(dA, "
        "activation_cache) before linear_backward.")),
    ("linear_activation_backward.relu_everywhere",
     N_("relu_backward is used whatever the activation argument says."),
     N_("In the \"sigmoid\" branch call sigmoid_backward(dA, activation_cache).")),
    ("linear_activation_backward.sigmoid_everywhere",
     N_("sigmoid_backward is used whatever the activation argument says."),
     N_("In the \"relu\" branch call relu_backward(dA, activation_cache).")),
    ("linear_activation_backward.wrong_return_order",
     N_("The gradients are returned in the wrong order (dW, db, dA_prev)."),
     N_("Return dA_prev, dW, db in this order, as linear_backward does.")),
    # 9. L_model_backward
    ("L_model_backward.dAL_sign",
     N_("dAL has the wrong sign."),
     N_("dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)): note the leading minus.")),
    ("L_model_backward.dAL_is_dZ",
     N_("AL - Y was used as dAL; that is dZ of the last layer, not dAL."),
     N_("Start from dAL = -(Y / AL - (1 - Y) / (1 - AL)); sigmoid_backward then turns it "
        "into AL - Y.")),
    ("L_model_backward.relu_output",
     N_("The output layer is back-propagated with \"relu\" instead of \"sigmoid\"."),
     N_("Layer L uses \"sigmoid\"; only layers L-1 down to 1 use \"relu\".")),
    ("L_model_backward.sigmoid_hidden",
     N_("The hidden layers are back-propagated with \"sigmoid\" instead of \"relu\"."),
     N_("Layers L-1 down to 1 use \"relu\".")),
    ("L_model_backward.dA_keys_shifted",
     N_("The dA keys are shifted by one: dA_prev of layer l is stored as \"dA\" + str(l)."),
     N_("Store the gradient that layer l returns for its input under \"dA\" + str(l - 1).")),
    # 10. update_parameters
    ("update_parameters.plus_sign",
     N_("The gradient was added instead of subtracted (gradient ascent)."),
     N_("W = W - learning_rate * dW and b = b - learning_rate * db.")),
    ("update_parameters.in_place",
     N_("The input dictionary params was modified in place."),
     N_("Work on the copy made by copy.deepcopy(params) and write new arrays "
        "(parameters[key] = parameters[key] - ...) instead of -= on params.")),
    ("update_parameters.bias_not_updated",
     N_("The biases were not updated."),
     N_("Update b too: b = b - learning_rate * db for every layer.")),
    ("update_parameters.last_layer_skipped",
     N_("The last layer was not updated (the loop stops one layer early)."),
     N_("With for l in range(L), layer l + 1 is updated: use the keys str(l + 1).")),
    # 11. two_layer_model
    ("two_layer_model.scaled_initialiser",
     N_("The parameters were initialised with initialize_parameters_deep_scaled."),
     N_("The two-layer model uses initialize_parameters(n_x, n_h, n_y).")),
    ("two_layer_model.no_update",
     N_("The parameters are never updated: the result of update_parameters is thrown away."),
     N_("Write parameters = update_parameters(parameters, grads, learning_rate).")),
    ("two_layer_model.dA2_sign",
     N_("dA2 has the wrong sign, so the cost goes up (gradient ascent)."),
     N_("Use dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)), the derivative of the "
        "cost with respect to A2.")),
    ("two_layer_model.learning_rate_ignored",
     N_("The learning_rate argument is ignored (a fixed value is used)."),
     N_("Pass learning_rate to update_parameters.")),
    ("two_layer_model.costs_every_iteration",
     N_("The cost is recorded at every iteration instead of every 100."),
     N_("Append to costs only when i % 100 == 0.")),
    # 12. L_layer_model
    ("L_layer_model.small_init",
     N_("The parameters were initialised with the x0.01 initialiser; the deep model then "
        "hardly learns."),
     N_("Use the provided initialize_parameters_deep_scaled(layers_dims).")),
    ("L_layer_model.no_update",
     N_("The parameters are never updated: the result of update_parameters is thrown away."),
     N_("Write parameters = update_parameters(parameters, grads, learning_rate).")),
    ("L_layer_model.learning_rate_ignored",
     N_("The learning_rate argument is ignored (a fixed value is used)."),
     N_("Pass learning_rate to update_parameters.")),
    ("L_layer_model.costs_schedule_shifted",
     N_("The costs are recorded at iterations 99, 199, ... instead of 0, 100, 200, ..."),
     N_("Append to costs when i % 100 == 0, starting with iteration 0.")),
    # 13. predict
    ("predict.ge_threshold",
     N_("The threshold is >= 0.5; a probability of exactly 0.5 must give 0."),
     N_("Use a strict comparison: p[probas > 0.5] = 1.")),
    ("predict.probabilities",
     N_("The probabilities were returned instead of 0/1 predictions."),
     N_("Turn the probabilities into labels: 1 where probas > 0.5, else 0.")),
    ("predict.bool_dtype",
     N_("The predictions are booleans (True/False) instead of 0.0/1.0."),
     N_("Fill the float array p = np.zeros((1, m)) with p[probas > 0.5] = 1.")),
)
