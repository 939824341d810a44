"""The checks of unit c1w3, declared: what each exercise returns, its cases and its points.

فحوص الوحدة c1w3 مُعلَنةً: ما يُعيده كل تمرين، وحالاته، ونقاطه.

Week 3 keeps the course's own conventions where they differ from Week 4: the cost is a Python
``float``, ``predict`` returns booleans, ``update_parameters`` defaults to a learning rate of 1.2.
Each exercise is worth 10 points.
"""

from course.i18n import N_
from grader.declare import Checks, Points
from grader.structures import Array, Map, Number, Seq

from .gradients import TwoLayerGradient

COST_IS_A_FLOAT = N_(
    "`compute_cost` returns the cost as a Python `float`: convert the sum with "
    "`float(np.squeeze(cost))` (`np.sum` gives a NumPy float, and `float()` of a `(1, 1)` array "
    "fails on recent NumPy).")
PREDICTIONS_ARE_BOOLEANS = N_(
    "`predict` returns `A2 > 0.5`: an array of booleans of shape `(1, m)`, True for class 1.")
DEFAULT_RATE = N_(
    "`update_parameters` takes the learning rate as its third argument, 1.2 when it is not "
    "given.")
LAYER_SIZES = N_(
    "`layer_sizes` returns the tuple `(n_x, n_h, n_y)`: the rows of `X`, 4, and the rows of `Y`.")

SIZES = Seq(N_("the return value (n_x, n_h, n_y)"), ("n_x", Number("int")),
            ("n_h", Number("int")), ("n_y", Number("int")))
FORWARD = Seq(N_("the return value (A2, cache)"), ("A2", Array()), ("cache", Map(Array())),
              order=(1, 0))

PLAIN = Points(public=5, hidden=4, inputs=1)
NO_MUTABLE_INPUTS = Points(public=5, hidden=5, inputs=0)

CHECKS = (
    Checks("layer_sizes", SIZES, "sizes", ("course", "wide"), PLAIN, requirement=LAYER_SIZES),
    Checks("initialize_parameters", Map(Array()), "parameters", ("course", "wide"),
           NO_MUTABLE_INPUTS, inputs=False),
    Checks("forward_propagation", FORWARD, "A2", ("course", "wide"), PLAIN),
    Checks("compute_cost", Number("python-float", requirement=COST_IS_A_FLOAT), "cost",
           ("course", "five"), PLAIN, requirement=COST_IS_A_FLOAT),
    Checks("backward_propagation", Map(Array()), "grads", ("course",),
           Points(public=3, gradient=2, hidden=2, hidden_gradient=2, inputs=1),
           gradient=TwoLayerGradient()),
    Checks("update_parameters", Map(Array()), "parameters", ("course",), PLAIN,
           requirement=DEFAULT_RATE),
    Checks("nn_model", Map(Array()), "parameters", ("course", "small"),
           Points(public=4, prints=1, hidden=4, inputs=1), prints="print",
           isolated_kwargs={"num_iterations": 30}, inputs_kwargs={"num_iterations": 5}),
    Checks("predict", Array(kinds="b"), "predictions", ("course", "wide"), PLAIN,
           requirement=PREDICTIONS_ARE_BOOLEANS),
)
