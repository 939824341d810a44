"""The end-of-week quiz of c1w3: a network with one hidden layer on planar data.

الاختبار القصير لنهاية الأسبوع في الوحدة c1w3: شبكة بطبقة مخفية واحدة على بيانات مستوية.

The questions only: which options are right and what the numbers are is the answer key, kept
with the hidden checks. Options are listed in no particular order; each student sees them
shuffled. Numeric and shape questions draw their values per student (see
:mod:`course.quiz.variants`): ``n_x`` and ``n_h`` differ, ``m`` is never a layer size, and the
activation values are chosen so that different values have different answers.
"""

from course.i18n import N_
from course.quiz.questions import Option, Question


def _sizes(rng):
    n_x = rng.integer(2, 12)
    n_h = rng.integer(2, 12)
    while n_h == n_x:  # W1 is never square: a transposed shape is never accidentally right
        n_h = rng.integer(2, 12)
    return {"n_x": n_x, "n_h": n_h}


def _sizes_and_batch(rng):
    return {**_sizes(rng), "m": rng.integer(20, 99)}


def _tanh_value(rng):
    # a in 0.05, 0.10, ..., 0.95: 1 - a^2 differs for every value.
    return {"a": round(rng.integer(1, 19) / 20, 2)}


def _sigmoid_value(rng):
    # a below 0.5 only: a (1 - a) is the same for a and 1 - a.
    return {"a": round(rng.integer(1, 9) / 20, 2)}


def _update(rng):
    w = rng.choice([k for k in range(-9, 10) if k])
    dw = rng.choice([k for k in range(-9, 10) if k])
    return {"w": w / 10, "dw": dw / 10, "alpha": rng.choice((0.5, 0.8, 1.2, 1.5))}


QUESTIONS = (
    Question(
        "layer_count", "single",
        N_("A network has an input layer, one hidden layer and an output layer. How does the "
           "course count its layers?"),
        options=(
            Option("three", N_("As a 3-layer network: every layer counts, the input layer "
                               "too.")),
            Option("two_without_input", N_("As a 2-layer network: the input layer `a[0] = x` is "
                                           "not counted.")),
            Option("two_without_output", N_("As a 2-layer network: the output layer is not "
                                            "counted.")),
            Option("one", N_("As a 1-layer network: only the hidden layer counts.")),
        ),
    ),
    Question(
        "w1_shape", "shape",
        N_("A network with one hidden layer has `n_x = {n_x}` input features, `n_h = {n_h}` "
           "hidden units and `n_y = 1` output unit. What is the shape of `W1`?"),
        draw=_sizes,
    ),
    Question(
        "a1_shape", "shape",
        N_("A network with `n_x = {n_x}` input features, `n_h = {n_h}` hidden units and "
           "`n_y = 1` output unit runs forward propagation on `m = {m}` examples at once "
           "(vectorised). What is the shape of `A1`?"),
        draw=_sizes_and_batch,
    ),
    Question(
        "param_count", "numeric",
        N_("How many parameters (all the entries of `W1`, `b1`, `W2` and `b2`) does a network "
           "with `n_x = {n_x}` input features, `n_h = {n_h}` hidden units and `n_y = 1` output "
           "unit have?"),
        draw=_sizes, integer=True,
    ),
    Question(
        "tanh_vs_sigmoid", "single",
        N_("Why does the course use tanh rather than the sigmoid as the activation of the "
           "hidden layer?"),
        options=(
            Option("no_saturation", N_("tanh never saturates: its slope stays large for every "
                                       "`z`.")),
            Option("probabilities", N_("tanh's outputs are probabilities between 0 and 1.")),
            Option("centred", N_("tanh's outputs lie between -1 and 1 and are centred on 0, so "
                                 "the next layer gets centred inputs, which makes learning "
                                 "easier.")),
            Option("sigmoid_not_differentiable", N_("The sigmoid has no derivative at "
                                                    "`z = 0`.")),
        ),
    ),
    Question(
        "linear_activation", "single",
        N_("What does a network with one hidden layer compute if both of its layers use the "
           "linear activation `g(z) = z`?"),
        options=(
            Option("any_function", N_("Any function of `x`, given enough hidden units.")),
            Option("curved_boundary", N_("A curved decision boundary, like the one on the flower "
                                         "data.")),
            Option("linear_function", N_("A linear function of `x`: the two layers collapse into "
                                         "one, so the hidden layer adds nothing.")),
            Option("zero_gradients", N_("Nothing useful: all its gradients are zero.")),
        ),
    ),
    Question(
        "tanh_derivative", "numeric",
        N_("A hidden unit computes `a = tanh(z) = {a}`. What is the derivative `g'(z)` of tanh at "
           "this `z`?"),
        draw=_tanh_value, decimals=4,
    ),
    Question(
        "sigmoid_derivative", "numeric",
        N_("The output unit computes `a = sigmoid(z) = {a}`. What is the derivative `g'(z)` of "
           "the sigmoid at this `z`?"),
        draw=_sigmoid_value, decimals=4,
    ),
    Question(
        "zero_init", "single",
        N_("What happens if `W1` and `W2` start as matrices of zeros?"),
        options=(
            Option("nothing_bad", N_("Nothing bad: gradient descent moves the weights away from "
                                     "zero and the hidden units soon differ.")),
            Option("log_zero", N_("The cost cannot be computed, because `log(0)` appears.")),
            Option("identical_units", N_("Every hidden unit computes the same function and gets "
                                         "the same update, so the units stay identical however "
                                         "long you train.")),
            Option("infinite_gradients", N_("Training diverges, because the gradients become "
                                            "infinite.")),
        ),
    ),
    Question(
        "initialisation", "multiple",
        N_("Which statements about initialising a network with one hidden layer are true?"),
        options=(
            Option("large_weights", N_("Large initial weights speed up learning with tanh, "
                                       "because its slope is larger for large `z`.")),
            Option("zero_biases", N_("`b1` and `b2` may start at zero, as long as `W1` is "
                                     "random.")),
            Option("zero_weights_differ", N_("With all weights at zero, backpropagation gives "
                                             "each hidden unit a different gradient.")),
            Option("small_weights", N_("Multiplying the random weights by a small number such as "
                                       "0.01 keeps `z` near 0, where tanh is steep and learning "
                                       "is fast.")),
        ),
    ),
    Question(
        "vectorisation", "single",
        N_("In the vectorised implementation `A1 = tanh(W1 X + b1)`. What does column `i` of "
           "`A1` hold?"),
        options=(
            Option("unit", N_("The activations of hidden unit `i` for every training example.")),
            Option("weights", N_("The weights of hidden unit `i`.")),
            Option("feature", N_("Feature `i` of every training example.")),
            Option("example", N_("The hidden layer's activations for training example `i`.")),
        ),
    ),
    Question(
        "backpropagation", "single",
        N_("What does backpropagation compute in this network?"),
        options=(
            Option("predictions", N_("The network's predictions for the training set.")),
            Option("new_parameters", N_("The new values of `W1`, `b1`, `W2` and `b2` after one "
                                        "step.")),
            Option("gradients", N_("The derivatives of the cost `J` with respect to the "
                                   "parameters (`dW1`, `db1`, `dW2`, `db2`), from the output "
                                   "layer back to the input, with the chain rule.")),
            Option("learning_rate", N_("The best learning rate for the next iteration.")),
        ),
    ),
    Question(
        "learning_rate", "multiple",
        N_("Which statements about the learning rate `alpha` of gradient descent are true?"),
        options=(
            Option("learnt", N_("`alpha` is a parameter learnt by gradient descent, like "
                                "`W1`.")),
            Option("too_large", N_("If `alpha` is too large, the cost can oscillate or grow "
                                   "instead of falling.")),
            Option("larger_always_better", N_("A larger `alpha` always reaches a lower cost in the "
                                              "same number of iterations.")),
            Option("too_small", N_("If `alpha` is too small, the cost falls, but slowly, and many "
                                   "iterations are needed.")),
        ),
    ),
    Question(
        "update_step", "numeric",
        N_("Gradient descent updates a weight `w = {w}` whose gradient is `dw = {dw}`, with the "
           "learning rate `alpha = {alpha}`. What is `w` after this step?"),
        draw=_update, decimals=2,
    ),
    Question(
        "hidden_units", "multiple",
        N_("On the flower data, the course trains the network with 1, 2, 3, 4, 5, 20 and 50 "
           "hidden units. Which statements are true?"),
        options=(
            Option("one_unit_enough", N_("One hidden unit already separates the petals, because "
                                         "tanh is a curved function.")),
            Option("more_flexible", N_("With more hidden units, the decision boundary can follow "
                                       "the petals more closely.")),
            Option("always_straight", N_("A network with one hidden layer always draws a "
                                         "straight decision boundary, whatever `n_h` is.")),
            Option("overfitting", N_("With many hidden units (50), the boundary starts to fit "
                                     "single training points (overfitting) rather than the "
                                     "petals.")),
        ),
    ),
)
