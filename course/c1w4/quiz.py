"""The end-of-week quiz of c1w4: deep networks' notation, shapes, caches, hyperparameters.

الاختبار القصير لنهاية الأسبوع في الوحدة c1w4: ترميز الشبكات العميقة، والأشكال، والذاكرة المؤقتة،
والمعاملات الفائقة.

The questions only: which options are right and what the numbers are is the answer key, kept
with the hidden checks. Options are listed in no particular order; each student sees them
shuffled. Numeric and shape questions draw their layer sizes per student (see
:mod:`course.quiz.variants`); neighbouring sizes differ, ``m`` is never a layer size.
"""

from course.i18n import N_
from course.quiz.questions import Option, Question
from course.quiz.variants import layer_sizes


def _network(rng):
    return {"dims": layer_sizes(rng, hidden=rng.integer(2, 5))}


def _layer_of_four(rng):
    dims = layer_sizes(rng, hidden=3)
    return {"dims": dims, "l": rng.integer(1, 4)}


def _batch_layer(rng):
    return {**_layer_of_four(rng), "m": rng.integer(20, 99)}


def _batch_activation(rng):
    dims = layer_sizes(rng, hidden=3)
    return {"dims": dims, "l": rng.integer(0, 3), "m": rng.integer(20, 99)}


def _small_network(rng):
    return {"dims": layer_sizes(rng, hidden=2, n_x=(2, 9), n_h=(2, 9))}


QUESTIONS = (
    Question(
        "notation", "single",
        N_("In the course's notation, what do the three indices of `a^[l](i)_j` stand for?"),
        options=(
            Option("layer_example_unit", N_("`[l]` is the layer, `(i)` the training example and "
                                            "`j` the unit within the layer.")),
            Option("example_layer_unit", N_("`[l]` is the training example, `(i)` the layer and "
                                            "`j` the unit within the layer.")),
            Option("layer_unit_example", N_("`[l]` is the layer, `(i)` the unit within the layer "
                                            "and `j` the training example.")),
            Option("iteration_example_layer", N_("`[l]` is the iteration of gradient descent, "
                                                 "`(i)` the training example and `j` the layer.")),
        ),
    ),
    Question(
        "layer_count", "numeric",
        N_("A network has the layer sizes `n = {dims}`, from the input layer `n[0]` to the "
           "output layer. How many layers `L` does it have in the course's notation?"),
        draw=_network, integer=True,
    ),
    Question(
        "w_shape", "shape",
        N_("A deep network has the layer sizes `n = [n[0], n[1], ..., n[L]] = {dims}`. What is "
           "the shape of the weight matrix `W[{l}]`?"),
        draw=_layer_of_four,
    ),
    Question(
        "b_shape", "shape",
        N_("A deep network has the layer sizes `n = [n[0], n[1], ..., n[L]] = {dims}`. What is "
           "the shape of the bias `b[{l}]`?"),
        draw=_layer_of_four,
    ),
    Question(
        "z_shape", "shape",
        N_("A deep network with the layer sizes `n = {dims}` runs forward propagation on "
           "`m = {m}` examples at once (vectorised). What is the shape of `Z[{l}]`?"),
        draw=_batch_layer,
    ),
    Question(
        "a_shape", "shape",
        N_("A deep network with the layer sizes `n = {dims}` runs forward propagation on "
           "`m = {m}` examples at once (vectorised). What is the shape of `A[{l}]`? (`A[0]` is "
           "the input `X`.)"),
        draw=_batch_activation,
    ),
    Question(
        "param_count", "numeric",
        N_("How many parameters (all the entries of every `W[l]` and every `b[l]`) does a "
           "network with the layer sizes `n = {dims}` have?"),
        draw=_small_network, integer=True,
    ),
    Question(
        "cache_contents", "multiple",
        N_("In the course's implementation, what does the cache returned by "
           "`linear_activation_forward` for layer `l` hold?"),
        options=(
            Option("dW", N_("`dW[l]`, the gradient of the weights")),
            Option("A_prev", N_("`A[l-1]`, the layer's input")),
            Option("Y", N_("the labels `Y`")),
            Option("W", N_("`W[l]`, the layer's weights")),
            Option("alpha", N_("the learning rate `alpha`")),
            Option("b", N_("`b[l]`, the layer's bias")),
            Option("dA", N_("`dA[l]`, the gradient of the layer's output")),
            Option("Z", N_("`Z[l]`, the linear output before the activation")),
        ),
    ),
    Question(
        "cache_why", "single",
        N_("Why does forward propagation keep a cache for every layer?"),
        options=(
            Option("resume", N_("So that training can resume from the last iteration if the "
                                "program stops.")),
            Option("costs", N_("To keep the cost of every iteration for plotting the learning "
                               "curve.")),
            Option("backward_needs", N_("The backward step of the same layer needs these values "
                                        "to compute `dW[l]`, `db[l]` and `dA[l-1]`, so they are "
                                        "not computed twice.")),
            Option("weights_change", N_("Because `W[l]` changes during forward propagation and "
                                        "its old value must be kept.")),
        ),
    ),
    Question(
        "forward_backward", "multiple",
        N_("Which statements about forward and backward propagation in an L-layer network are "
           "true?"),
        options=(
            Option("backward_updates", N_("Backward propagation changes `W[l]` and `b[l]` itself, "
                                          "so no separate update step is needed.")),
            Option("forward_order", N_("Forward propagation goes from `A[0] = X` to `A[L]`, one "
                                       "layer after another.")),
            Option("forward_needs_gradients", N_("Forward propagation needs the gradients "
                                                 "`dW[l]` of the previous iteration.")),
            Option("backward_start", N_("Backward propagation starts from `dA[L]`, the "
                                        "derivative of the loss with respect to the output "
                                        "`A[L]`.")),
            Option("backward_order", N_("Backward propagation visits the layers in the order "
                                        "1, 2, ..., L.")),
            Option("backward_outputs", N_("The backward step of layer `l` takes `dA[l]` and "
                                          "returns `dA[l-1]`, `dW[l]` and `db[l]`.")),
        ),
    ),
    Question(
        "hyperparameters", "multiple",
        N_("Which of these are hyperparameters of a deep network?"),
        options=(
            Option("W", N_("the weight matrix `W[2]`")),
            Option("learning_rate", N_("the learning rate `alpha`")),
            Option("b", N_("the bias vector `b[1]`")),
            Option("iterations", N_("the number of iterations of gradient descent")),
            Option("dW", N_("the gradient `dW[1]`")),
            Option("hidden_units", N_("the number of hidden units `n[1]` of the first layer")),
            Option("cost", N_("the cost `J` reached after training")),
            Option("activation", N_("the choice of activation function for the hidden layers")),
        ),
    ),
    Question(
        "why_deep", "single",
        N_("Why do deep networks work well for tasks such as recognising faces or speech?"),
        options=(
            Option("always_lower_cost", N_("Adding layers always lowers the cost on the test "
                                           "set.")),
            Option("fewer_parameters", N_("A deep network has fewer parameters than any shallow "
                                          "network.")),
            Option("compose_features", N_("Early layers detect simple features (edges, short "
                                          "sounds) and later layers compose them into complex "
                                          "ones (faces, words); some functions also need "
                                          "exponentially more units with a single hidden layer "
                                          "than with several small ones.")),
            Option("no_activation", N_("Deep networks can do without non-linear activation "
                                       "functions.")),
        ),
    ),
    Question(
        "empirical", "single",
        N_("Why is applied deep learning called an empirical process?"),
        options=(
            Option("formula", N_("The best hyperparameters follow from a formula in the number of "
                                 "examples `m`.")),
            Option("transfer", N_("Hyperparameters tuned for one application (say, speech) work "
                                  "unchanged for any other (say, online advertising).")),
            Option("never_revisit", N_("Once chosen, hyperparameters never need revisiting, even "
                                       "when the data or the computers change.")),
            Option("idea_code_experiment", N_("Good hyperparameters are rarely known in advance: "
                                              "you go round the loop idea, code, experiment, and "
                                              "keep what works on your data.")),
        ),
    ),
)
