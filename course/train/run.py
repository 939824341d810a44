"""Train the two-layer or the L-layer cat classifier and measure it, like the course's notebook.

تدريب مصنِّف القطط ذي الطبقتين أو ذي الطبقات L وقياس دقته، كما في دفتر المقرر.
"""

from dataclasses import dataclass, field

import numpy as np

from course.i18n import LocalizedError, _, isolate, ngettext

from .engines import ENGINES, fit, resolve_engine

MODELS = {"two-layer": "two_layer_model", "L-layer": "L_layer_model"}
DEFAULT_LAYERS = {"two-layer": (12288, 7, 1), "L-layer": (12288, 20, 7, 5, 1)}
DEFAULT_LEARNING_RATE = 0.0075
DEFAULT_ITERATIONS = 2500


class TrainingConfigError(LocalizedError, ValueError):
    """Bad model name, layer sizes, learning rate or iteration count (translated message)."""


@dataclass
class TrainResult:
    """What one training run produced.

    Attributes
    ----------
    impl : {"reference", "student"}
        Whose networks were trained.
    engine : {"fast", "reference", "student"}
        Which engine ran the loop (see :mod:`course.train.engines`).
    method : str or None
        The fast engine's first-layer method (``"gram"`` or ``"plain"``), else ``None``.
    parameters : dict
        The learnt ``"W1", "b1", ...``.
    costs : list of float
        The model's own record: the cost at iterations 0, 100, 200, ...
    all_costs : list of float
        The cost of every iteration (recorded by the progress tracker).
    train_accuracy, test_accuracy : float
        Fraction of correct predictions, computed as the course does.
    train_predictions, test_predictions : numpy.ndarray, shape (1, m)
    seconds : float
        Wall time of the training loop alone.
    """

    model: str
    impl: str
    engine: str
    method: object
    layers: tuple
    learning_rate: float
    iterations: int
    parameters: dict
    costs: list
    all_costs: list = field(repr=False)
    train_accuracy: float
    test_accuracy: float
    train_predictions: np.ndarray = field(repr=False)
    test_predictions: np.ndarray = field(repr=False)
    seconds: float

    @property
    def first_cost(self):
        """Cost at iteration 0."""
        return self.all_costs[0] if self.all_costs else float("nan")

    @property
    def final_cost(self):
        """Cost at the last iteration (``iterations - 1``)."""
        return self.all_costs[-1] if self.all_costs else float("nan")


def parse_layers(text):
    """Parse ``"12288,20,7,5,1"`` into ``(12288, 20, 7, 5, 1)``.

    Raises
    ------
    TrainingConfigError
        When an item is not a positive integer or fewer than two sizes are given.
    """
    try:
        sizes = tuple(int(item) for item in str(text).replace(" ", "").split(","))
    except ValueError:
        sizes = ()
    if len(sizes) < 2 or min(sizes) < 1:
        raise TrainingConfigError(
            lambda: _("Layer sizes must be positive integers separated by commas, such as {example}; "
              "got {text}.").format(example=isolate("12288,20,7,5,1"), text=isolate(repr(text)))
        )
    return sizes


def validate_layers(model, layers, n_x=None):
    """Check the model name and layer sizes; the input size too when ``n_x`` is known.

    The command line calls it twice: before loading the data (``n_x=None``) and right after,
    so a bad ``--layers`` fails before any training starts.

    Parameters
    ----------
    model : {"two-layer", "L-layer"}
    layers : sequence of int
        ``(n_x, n_1, ..., n_L)``.
    n_x : int, optional
        The number of input features of the data (rows of ``X``).

    Raises
    ------
    TrainingConfigError
    """
    if model not in MODELS:
        raise TrainingConfigError(
            lambda: _("Unknown model {name}: expected {choices}.").format(
                name=isolate(repr(model)), choices=isolate(", ".join(MODELS))
            )
        )
    layers = tuple(layers)
    if model == "two-layer" and len(layers) != 3:
        raise TrainingConfigError(
            lambda: _("The two-layer model takes exactly three sizes (n_x, n_h, n_y), such as "
                      "{example}; got {layers}.").format(
                example=isolate("12288,7,1"), layers=isolate(",".join(map(str, layers))))
        )
    if layers[-1] != 1:
        raise TrainingConfigError(
            lambda: _("The last layer size must be 1 (one probability: cat or non-cat); got {last}.")
            .format(last=isolate(layers[-1]))
        )
    if n_x is not None and layers[0] != n_x:
        raise TrainingConfigError(
            lambda: _("The first layer size must equal the number of input features {n_x}; got {first}.")
            .format(n_x=isolate(n_x), first=isolate(layers[0]))
        )


def validate(model, layers, learning_rate, iterations, n_x):
    """Check a training request against the data; raise :class:`TrainingConfigError` if bad."""
    validate_layers(model, layers, n_x)
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise TrainingConfigError(
            lambda: _("The learning rate must be a positive number; got {value}.").format(
                value=isolate(learning_rate)
            )
        )
    if int(iterations) != iterations or iterations < 1:
        raise TrainingConfigError(
            lambda: _("The number of iterations must be a positive integer; got {value}.").format(
                value=isolate(iterations)
            )
        )


def correct_count(predictions, y):
    """How many of the (1, m) ``predictions`` equal the labels ``y``."""
    return int(np.sum(np.asarray(predictions) == np.asarray(y)))


def accuracy(predictions, y):
    """Fraction of correct predictions, ``correct / m`` from the counts.

    Dividing the count once (rather than summing ``1/m`` per example, as the course's
    ``predict`` prints it) gives 1.0 for 209 of 209, not 0.9999999999999998.
    """
    return correct_count(predictions, y) / y.shape[1]


def train(train_x, train_y, test_x, test_y, model="L-layer", impl=None, layers=None,
          learning_rate=DEFAULT_LEARNING_RATE, iterations=DEFAULT_ITERATIONS, print_cost=True,
          show_bar=None, bar_file=None, out=None, engine=None):
    """Train one model and predict on both sets.

    Parameters
    ----------
    train_x : numpy.ndarray, shape (n_x, m_train)
    train_y : numpy.ndarray, shape (1, m_train)
    test_x : numpy.ndarray, shape (n_x, m_test)
    test_y : numpy.ndarray, shape (1, m_test)
    model : {"two-layer", "L-layer"}
    impl : {"reference", "student"}, optional
        Whose networks: ``"student"`` trains ``course.c1w4.cat_classifier`` (the student's
        functions). Default: the reference networks, unless ``engine`` says otherwise.
    layers : sequence of int, optional
        Default ``(12288, 7, 1)`` for two-layer, ``(12288, 20, 7, 5, 1)`` for L-layer.
    learning_rate : float, default 0.0075
    iterations : int, default 2500
    print_cost : bool
        Print "Cost after iteration i: c" every 100 iterations (and at the last one).
    show_bar, bar_file, out
        See :func:`course.train.progress.training_progress`.
    engine : {"fast", "reference", "student"}, optional
        Who runs the loop (see :mod:`course.train.engines`); default ``"fast"`` for the
        reference networks and ``"student"`` for the student's.

    Returns
    -------
    TrainResult

    Raises
    ------
    TrainingConfigError
        Bad arguments (an unknown engine, or one that contradicts ``impl``, included).
    course.train.impl.ImplementationError
        The engine's code cannot be imported; ``NotAttemptedError`` when it hits a stub.
    """
    layers = tuple(DEFAULT_LAYERS.get(model, ()) if layers is None else layers)
    engine = resolve_engine(engine, impl)
    validate(model, layers, learning_rate, iterations, train_x.shape[0])
    fitted = fit(engine, train_x, train_y, model, layers, learning_rate, iterations,
                 print_cost=print_cost, show_bar=show_bar, bar_file=bar_file, out=out)
    train_pred = fitted.predict(train_x, train_y)
    test_pred = fitted.predict(test_x, test_y)
    return TrainResult(
        model=model, impl=ENGINES[engine].impl, engine=engine, method=fitted.method,
        layers=layers, learning_rate=float(learning_rate), iterations=int(iterations),
        parameters=fitted.parameters, costs=fitted.costs, all_costs=fitted.all_costs,
        train_accuracy=accuracy(train_pred, train_y), test_accuracy=accuracy(test_pred, test_y),
        train_predictions=train_pred, test_predictions=test_pred, seconds=fitted.seconds,
    )
