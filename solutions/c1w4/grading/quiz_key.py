"""The answer key of c1w4's end-of-week quiz (instructors only; never shipped to students).

مفتاح إجابات الاختبار القصير للوحدة c1w4 (للمعلّمين فقط؛ لا يُوزَّع على الطلاب أبدًا).

One entry per question of ``course/c1w4/quiz.py``: the right option ids, or a function computing
the answer from the student's variant. Explanations are shown after grading; their Arabic is in
``solutions/locale/ar/LC_MESSAGES/quiz_key.po`` (not in the shipped catalogues, since they state
the answers).
"""

from course.i18n import N_
from grader.quiz import ChoiceKey, NumberKey, ShapeKey


def _parameter_count(dims):
    return sum(dims[l] * dims[l - 1] + dims[l] for l in range(1, len(dims)))


KEY = {
    "notation": ChoiceKey(
        {"layer_example_unit"},
        N_("Square brackets `[l]` number the layers, round brackets `(i)` number the training "
           "examples, and the subscript `j` numbers the units within a layer."),
    ),
    "layer_count": NumberKey(
        lambda p: len(p["dims"]) - 1,
        N_("`L` counts the hidden layers and the output layer, not the input layer: "
           "`n = {dims}` lists `L + 1` sizes, so `L = {answer}`."),
    ),
    "w_shape": ShapeKey(
        lambda p: (p["dims"][p["l"]], p["dims"][p["l"] - 1]),
        N_("`W[l]` has one row per unit of layer `l` and one column per unit of the layer before: "
           "`(n[l], n[l-1])`, here `{answer}`."),
    ),
    "b_shape": ShapeKey(
        lambda p: (p["dims"][p["l"]], 1),
        N_("`b[l]` is a column with one entry per unit of layer `l`: `(n[l], 1)`, here "
           "`{answer}`. Broadcasting adds it to each of the `m` columns."),
    ),
    "z_shape": ShapeKey(
        lambda p: (p["dims"][p["l"]], p["m"]),
        N_("`Z[l] = W[l] A[l-1] + b[l]` has one row per unit of layer `l` and one column per "
           "example: `(n[l], m)`, here `{answer}`."),
    ),
    "a_shape": ShapeKey(
        lambda p: (p["dims"][p["l"]], p["m"]),
        N_("`A[l] = g(Z[l])` has the shape of `Z[l]`, `(n[l], m)`, and `A[0] = X` has `n[0]` "
           "rows: here `{answer}`."),
    ),
    "param_count": NumberKey(
        lambda p: _parameter_count(p["dims"]),
        N_("Layer `l` has `n[l] n[l-1]` weights and `n[l]` biases; summed over the layers of "
           "`n = {dims}` that makes {answer}."),
    ),
    "cache_contents": ChoiceKey(
        {"A_prev", "W", "b", "Z"},
        N_("The cache of layer `l` is `((A[l-1], W[l], b[l]), Z[l])`: the linear cache and the "
           "activation cache. Gradients, labels and the learning rate are not part of it."),
    ),
    "cache_why": ChoiceKey(
        {"backward_needs"},
        N_("`linear_backward` needs `A[l-1]` and `W[l]` (for `dW[l] = dZ[l] A[l-1].T / m` and "
           "`dA[l-1] = W[l].T dZ[l]`), and the activation's backward step needs `Z[l]`. Keeping "
           "them saves computing them again."),
    ),
    "forward_backward": ChoiceKey(
        {"forward_order", "backward_start", "backward_outputs"},
        N_("Forward propagation runs from layer 1 to layer `L` and keeps the caches; backward "
           "propagation runs from `L` down to 1, starts from `dA[L]` and returns `dA[l-1]`, "
           "`dW[l]` and `db[l]` at each layer. Only `update_parameters` changes `W` and `b`."),
    ),
    "hyperparameters": ChoiceKey(
        {"learning_rate", "iterations", "hidden_units", "activation"},
        N_("Hyperparameters are chosen by you and control how the parameters are learnt: "
           "`alpha`, the number of iterations, `L`, the sizes `n[l]`, the activation functions. "
           "`W` and `b` are parameters learnt by gradient descent; `dW` and `J` are computed "
           "while training."),
    ),
    "why_deep": ChoiceKey(
        {"compose_features"},
        N_("Depth lets a network build a hierarchy of features, from simple to complex, and "
           "circuit theory gives functions (such as the XOR of many inputs) that a deep network "
           "computes with few units but a single hidden layer only with exponentially many. More "
           "layers do not always lower the test cost."),
    ),
    "empirical": ChoiceKey(
        {"idea_code_experiment"},
        N_("Hyperparameters are found by trying: idea, code, experiment, again and again. "
           "Intuitions do not reliably carry over from one application to another, and the best "
           "values can change as the data and the hardware change."),
    ),
}
