"""The answer key of c1w3's end-of-week quiz (instructors only; never shipped to students).

مفتاح إجابات الاختبار القصير للوحدة c1w3 (للمعلّمين فقط؛ لا يُوزَّع على الطلاب أبدًا).

One entry per question of ``course/c1w3/quiz.py``: the right option ids, or a function computing
the answer from the student's variant. Explanations are shown after grading; their Arabic is in
``solutions/locale/ar/LC_MESSAGES/quiz_key.po`` (not in the shipped catalogues, since they state
the answers).
"""

from course.i18n import N_
from grader.quiz import ChoiceKey, NumberKey, ShapeKey

# Numeric answers are rounded to 10 decimals so that 0.3 - 1.2 * 0.4 prints as -0.18; the
# tolerances are half a unit of the last decimal the prompt asks for.
KEY = {
    "layer_count": ChoiceKey(
        {"two_without_input"},
        N_("The input layer is layer 0 and is not counted: with one hidden layer and an output "
           "layer the network has two layers, `L = 2`."),
    ),
    "w1_shape": ShapeKey(
        lambda p: (p["n_h"], p["n_x"]),
        N_("`W1` has one row per hidden unit and one column per input feature: `(n_h, n_x)`, "
           "here `{answer}`."),
    ),
    "a1_shape": ShapeKey(
        lambda p: (p["n_h"], p["m"]),
        N_("`A1 = tanh(W1 X + b1)` has one row per hidden unit and one column per example: "
           "`(n_h, m)`, here `{answer}`."),
    ),
    "param_count": NumberKey(
        lambda p: p["n_h"] * p["n_x"] + p["n_h"] + p["n_h"] + 1,
        N_("`W1` has `n_h n_x` entries, `b1` has `n_h`, `W2` has `n_h` and `b2` has 1: "
           "{answer} in all."),
    ),
    "tanh_vs_sigmoid": ChoiceKey(
        {"centred"},
        N_("tanh is a shifted and stretched sigmoid with outputs in (-1, 1) and a mean near 0, "
           "which centres the data for the next layer. Both saturate for large `|z|`; the "
           "sigmoid remains the right choice for the output unit of a binary classifier."),
    ),
    "linear_activation": ChoiceKey(
        {"linear_function"},
        N_("A composition of linear functions is linear: `W2 (W1 x + b1) + b2 = W' x + b'`. "
           "Without a non-linear activation, a hidden layer adds no expressive power."),
    ),
    "tanh_derivative": NumberKey(
        lambda p: round(1 - p["a"] ** 2, 10),
        N_("The derivative of tanh is `1 - tanh(z)^2 = 1 - a^2`; with `a = {a}` it is "
           "{answer}."),
        tolerance=0.00005,
    ),
    "sigmoid_derivative": NumberKey(
        lambda p: round(p["a"] * (1 - p["a"]), 10),
        N_("The derivative of the sigmoid is `sigmoid(z) (1 - sigmoid(z)) = a (1 - a)`; with "
           "`a = {a}` it is {answer}."),
        tolerance=0.00005,
    ),
    "zero_init": ChoiceKey(
        {"identical_units"},
        N_("With equal weights every hidden unit computes the same activation and receives the "
           "same gradient, so after any number of steps they are still equal: the symmetry is "
           "never broken. The cost can be computed: `a2 = sigmoid(0) = 0.5`."),
    ),
    "initialisation": ChoiceKey(
        {"zero_biases", "small_weights"},
        N_("Random weights break the symmetry, so the biases may start at zero. Small weights "
           "keep `z` where tanh and the sigmoid are steep; large ones push them into saturation, "
           "where the slopes are tiny and learning is slow. With zero weights every hidden unit "
           "gets the same gradient."),
    ),
    "vectorisation": ChoiceKey(
        {"example"},
        N_("Vectorisation stacks the examples as columns: column `i` of `X` is example `i`, and "
           "column `i` of `A1` holds the `n_h` hidden activations of that example."),
    ),
    "backpropagation": ChoiceKey(
        {"gradients"},
        N_("Backpropagation applies the chain rule from the cost back through the output layer "
           "and the hidden layer to get `dW1`, `db1`, `dW2` and `db2`. `update_parameters` then "
           "changes the parameters; the learning rate is chosen by you."),
    ),
    "learning_rate": ChoiceKey(
        {"too_large", "too_small"},
        N_("`alpha` is a hyperparameter. Too large, and the steps overshoot the minimum, so the "
           "cost oscillates or grows; too small, and the cost falls slowly. A larger `alpha` is "
           "not always better."),
    ),
    "update_step": NumberKey(
        lambda p: round(p["w"] - p["alpha"] * p["dw"], 10),
        N_("Gradient descent moves against the gradient: `w - alpha dw = {w} - {alpha} ({dw})`, "
           "which is {answer}."),
        tolerance=0.005,
    ),
    "hidden_units": ChoiceKey(
        {"more_flexible", "overfitting"},
        N_("With 1 or 2 hidden units the network stays near 67 % on the flower: too few units to "
           "draw the petals (one unit even gives a straight boundary). From 3 units on it follows "
           "them, at about 90 %; around 5 units it fits well, and with 50 units small islands "
           "around single points appear: the beginning of overfitting."),
    ),
}
