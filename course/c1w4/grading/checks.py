"""The checks of unit c1w4, declared: what each exercise returns, its cases and its points.

فحوص الوحدة c1w4 مُعلَنةً: ما يُعيده كل تمرين، وحالاته، ونقاطه.

The grader interprets these declarations (:mod:`grader.declare`); the public cases are in
:mod:`course.c1w4.grading.cases`, the hidden ones in ``solutions/c1w4/grading/hidden_cases.py``.
Each exercise is worth 10 points; ``requirement`` texts are quoted word for word by the stub's
docstring and the lesson page (a test keeps the three in agreement).
"""

from course.i18n import N_
from grader.declare import Checks, Points
from grader.feedback import Failure, Message, Plural
from grader.structures import Array, Each, Map, Number, Seq, Structure

from .gradients import LayerGradient, NetworkGradient, network_order
from .hints import shape_hint

# ------------------------------------------------------------------------------ requirements

COST_IS_A_NUMBER = N_(
    '`compute_cost` returns the cost as a single number: `np.squeeze` turns the `(1, 1)` result '
    'of `np.dot` into a 0-d array, and `np.sum` already gives a NumPy float; both are accepted, '
    'a `(1, 1)` array is not.')
PREDICTIONS_ARE_LABELS = N_(
    '`predict` returns `p`, an array of shape `(1, m)` holding 0 or 1 for each example (a float '
    'array, as `np.zeros((1, m))` gives; integers are accepted too), not booleans or '
    'probabilities.')
UPDATE_MAKES_A_COPY = N_(
    '`update_parameters` returns a new dictionary and leaves `params` unchanged: it works on '
    '`copy.deepcopy(params)`.')
COSTS_EVERY_100 = N_(
    'The model returns `costs` holding the cost at iterations 0, 100, 200, ... (one value every '
    '100 iterations).')
BIASES_ARE_COLUMNS = N_(
    'Each bias is a column vector of zeros, of shape `(n, 1)`, made with `np.zeros((n, 1))`.')

# ------------------------------------------------------------------------------ structures

LINEAR_CACHE = Seq(N_("{name} (A_prev, W, b)"), ("{name}[0] (A_prev)", Array()),
                   ("{name}[1] (W)", Array()), ("{name}[2] (b)", Array()))
LAYER_CACHE = Seq(N_("{name} (linear_cache, activation_cache)"), ("{name}[0]", LINEAR_CACHE),
                  ("{name}[1] (Z)", Array()))
BACKWARD = Seq(N_("the return value (dA_prev, dW, db)"), ("dA_prev", Array()), ("dW", Array()),
               ("db", Array()))


class ForwardCaches(Structure):
    """``caches`` of ``L_model_forward``: one layer cache per layer, blaming the first bad layer.

    Layer ``l``'s ``A_prev`` is layer ``l - 1``'s output: when it is the first value that
    differs, the fault is in layer ``l - 1`` (e.g. sigmoid used in a hidden layer), so that layer
    is named.
    """

    def check(self, got, expected, name, values=True):
        from grader.compare import check_array, describe
        from grader.feedback import Plural

        if type(got) not in (list, tuple):
            raise Failure(Message(N_("caches must be a list, but your code returned {got}."),
                                  got=describe(got)))
        if len(got) != len(expected):
            raise Failure(Plural("caches must hold {n} cache, one per layer, but it holds {got}.",
                                 "caches must hold {n} caches, one per layer, but it holds {got}.",
                                 len(expected), got=len(got)))
        for l, (cache, exp) in enumerate(zip(got, expected), start=1):
            if l >= 2 and _is_layer_cache(cache):
                try:
                    check_array(cache[0][0], exp[0][0], f"caches[{l - 1}][0][0] (A_prev)",
                                values=values)
                except Failure as failure:
                    raise Failure(Message(
                        N_("The output of layer {layer} (A{layer}, kept as A_prev in "
                           "caches[{index}]) is the first value that differs: {problem}"),
                        layer=l - 1, index=l - 1, problem=failure.message),
                        details=failure.details) from None
            try:
                LAYER_CACHE.check(cache, exp, f"caches[{l - 1}]", values)
            except Failure as failure:
                raise _layer_blame(N_("Layer {layer} is the first layer that differs: {problem}"),
                                   l, failure) from None


def _is_layer_cache(cache):
    return (type(cache) in (list, tuple) and len(cache) == 2
            and type(cache[0]) in (list, tuple) and len(cache[0]) == 3)


def _layer_blame(msgid, layer, failure):
    return Failure(Message(msgid, layer=layer, problem=failure.message), details=failure.details)


def _gradient_layer(key):
    # dW3, db3 belong to layer 3; dA2 (what layer 3 sends back) too.
    return int(key[2:]) + (1 if key.startswith("dA") else 0)


GRADS = Map(Array(), order=lambda keys: network_order(sum(k.startswith("dW") for k in keys)),
            blame=lambda key, failure: _layer_blame(
                N_("Going backwards from the output, layer {layer} is the first layer whose "
                   "gradients differ: {problem}"), _gradient_layer(key), failure))

MODEL = Seq(
    N_("the return value (parameters, costs)"),
    ("parameters", Map(Array())),
    ("costs", Each(
        Number(),
        kind=N_("costs must be a list, but your code returned {got}."),
        count=lambda n, **params: Plural(
            "costs must hold {n} value (one every 100 iterations, from iteration 0), but it "
            "holds {got}.",
            "costs must hold {n} values (one every 100 iterations, from iteration 0), but it "
            "holds {got}.", n, **params),
        blame=lambda k, failure: Failure(
            Message(N_("The cost recorded at iteration {iteration} differs: {problem}"),
                    iteration=100 * k, problem=failure.message), details=failure.details))),
    order=(1, 0),
)

# ------------------------------------------------------------------------------ points

PLAIN = Points(public=5, hidden=4, inputs=1)
NO_MUTABLE_INPUTS = Points(public=5, hidden=5, inputs=0)
BACKWARD_POINTS = Points(public=3, gradient=2, hidden=2, hidden_gradient=2, inputs=1)
MODEL_POINTS = Points(public=4, prints=1, hidden=4, inputs=1)
# Stage isolation costs one round trip per callee call (four to six per iteration), so isolated
# model calls train for few iterations (21 made a class run with many partly wrong submissions
# spend most of its time in those round trips), yet not too few: when the call with the
# student's own functions fails, the isolated retry alone decides the verdict, so it must see
# every mistake of the model's own loop. 12 is the fewest that shows costs recorded or printed
# every 10 iterations instead of every 100 (a cost at iteration 10; printed at 0, 10 and 11
# rather than 0 and 11); with 6 such a model scored full marks
# (tests/course/c1w4/grading/test_checks.py).
FEWER_ITERATIONS = {"num_iterations": 12}

CHECKS = (
    Checks("initialize_parameters", Map(Array()), "parameters", ("course", "wide"),
           NO_MUTABLE_INPUTS, inputs=False, requirement=BIASES_ARE_COLUMNS),
    Checks("initialize_parameters_deep", Map(Array()), "parameters", ("course", "deeper"), PLAIN,
           requirement=BIASES_ARE_COLUMNS),
    Checks("linear_forward", Seq(N_("the return value (Z, cache)"), ("Z", Array()),
                                 ("cache", LINEAR_CACHE)),
           "Z", ("course", "wide"), PLAIN, hint=shape_hint),
    Checks("linear_activation_forward", Seq(N_("the return value (A, cache)"), ("A", Array()),
                                            ("cache", LAYER_CACHE)),
           "A", ("sigmoid", "relu"), PLAIN, hint=shape_hint),
    Checks("L_model_forward", Seq(N_("the return value (AL, caches)"), ("AL", Array()),
                                  ("caches", ForwardCaches()), order=(1, 0)),
           "AL", ("course",), PLAIN),
    Checks("compute_cost", Number(requirement=COST_IS_A_NUMBER), "cost", ("course", "five"),
           PLAIN, requirement=COST_IS_A_NUMBER),
    Checks("linear_backward", BACKWARD, "dA_prev", ("course",), BACKWARD_POINTS,
           gradient=LayerGradient("linear_forward"), hint=shape_hint),
    Checks("linear_activation_backward", BACKWARD, "dA_prev", ("sigmoid", "relu"),
           BACKWARD_POINTS, hint=shape_hint,
           gradient=LayerGradient("linear_activation_forward",
                                  cases=("gradient-sigmoid", "gradient-relu"))),
    Checks("L_model_backward", GRADS, "grads", ("course", "consistent"), BACKWARD_POINTS,
           gradient=NetworkGradient()),
    Checks("update_parameters", Map(Array()), "parameters", ("course",), PLAIN,
           requirement=UPDATE_MAKES_A_COPY),
    Checks("two_layer_model", MODEL, "parameters", ("values",), MODEL_POINTS, prints="print",
           isolated_kwargs=FEWER_ITERATIONS, inputs_kwargs={"num_iterations": 3},
           requirement=COSTS_EVERY_100),
    Checks("L_layer_model", MODEL, "parameters", ("values",), MODEL_POINTS, prints="print",
           isolated_kwargs=FEWER_ITERATIONS, inputs_kwargs={"num_iterations": 3},
           requirement=COSTS_EVERY_100),
    Checks("predict", Array(kinds="fiu"), "p", ("course", "tie"), PLAIN,
           requirement=PREDICTIONS_ARE_LABELS),
)
