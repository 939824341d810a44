"""Training engines: which code runs the gradient-descent loop, and how to call it.

محرّكات التدريب: أيّ شيفرة تنفّذ حلقة النزول التدرّجي، وكيف تُستدعى.

Three engines train the same two networks (two-layer and L-layer) on the same data:

* ``fast``: :mod:`course.train.fast`, the course's networks with the first layer carried in an
  m×m space; the course's numbers, much sooner. Instructor checkout only (a student bundle
  leaves it out: it is a complete trainer).
* ``reference``: the reference solution's own loop (``solutions.c1w4.cat_classifier``), as the
  course writes it. Instructor checkout only.
* ``student``: the student's functions in ``course/c1w4``, in the same course-style loop.

``--impl`` (whose networks: ``reference`` or ``student``) came first and still works: the
reference networks train on the ``fast`` engine unless ``--engine reference`` asks for the
course's loop.
"""

import contextlib
import importlib
import importlib.util
import io
import time
from dataclasses import dataclass

import numpy as np

from course.i18n import _, isolate

from .impl import IMPLEMENTATIONS, ImplementationError, load_implementation, not_attempted
from .progress import track_training, training_progress


@dataclass(frozen=True)
class Engine:
    """One way to train the networks.

    Attributes
    ----------
    name : str
    impl : {"reference", "student"}
        Whose networks it trains (the course's, or the student's functions).
    """

    name: str
    impl: str


ENGINES = {
    "fast": Engine("fast", "reference"),
    "reference": Engine("reference", "reference"),
    "student": Engine("student", "student"),
}
DEFAULT_ENGINE = {"reference": "fast", "student": "student"}
FAST_MODULE = "course.train.fast"


@dataclass
class Fitted:
    """What an engine's training produced.

    Attributes
    ----------
    parameters : dict
        ``"W1", "b1", ..., "WL", "bL"``.
    costs : list of float
        The course's record: iterations 0, 100, 200, ...
    all_costs : list of float
        The cost of every iteration.
    seconds : float
        Wall time of the training loop alone.
    method : str or None
        The fast engine's first-layer method (``"gram"`` or ``"plain"``); ``None`` otherwise.
    predict : callable
        ``predict(X, y)`` returns the (1, m) predictions of the trained network.
    """

    parameters: dict
    costs: list
    all_costs: list
    seconds: float
    method: object
    predict: object


def _config_error(render):
    from .run import TrainingConfigError  # run imports this module

    return TrainingConfigError(render)


def resolve_engine(engine=None, impl=None, default_impl="reference"):
    """Settle the engine from ``--engine`` and ``--impl`` (either may be ``None``).

    Parameters
    ----------
    engine : {"fast", "reference", "student"} or None
    impl : {"reference", "student"} or None
    default_impl : {"reference", "student"}
        Whose networks when neither is given.

    Returns
    -------
    str
        The engine's name.

    Raises
    ------
    course.train.TrainingConfigError
        An unknown engine, or an engine that trains other networks than ``impl`` names.
    course.train.ImplementationError
        An unknown ``impl``.
    """
    if engine is not None and engine not in ENGINES:
        raise _config_error(lambda: _("Unknown engine {name}: expected {choices}.").format(
            name=isolate(repr(engine)), choices=isolate(", ".join(ENGINES))))
    if impl is not None and impl not in IMPLEMENTATIONS:
        load_implementation(impl)  # raises the translated "unknown implementation" error
    if engine is None:
        return DEFAULT_ENGINE[impl or default_impl]
    if impl is not None and ENGINES[engine].impl != impl:
        raise _config_error(
            lambda: _("{engine} trains the {networks} networks, but {impl} asks for the {other} "
                      "ones; give only one of the two options.").format(
                engine=isolate(f"--engine {engine}"), networks=isolate(ENGINES[engine].impl),
                impl=isolate(f"--impl {impl}"), other=isolate(impl)))
    return engine


def fast_available():
    """Whether this installation has the fast engine (a student bundle has not)."""
    return importlib.util.find_spec(FAST_MODULE) is not None


def default_sweep_engine():
    """``"fast"`` where it is installed, else ``"student"`` (the only engine of a bundle)."""
    return "fast" if fast_available() else "student"


def load_fast():
    """Import :mod:`course.train.fast`, or explain that this installation has none."""
    try:
        return importlib.import_module(FAST_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != FAST_MODULE:
            raise
        raise ImplementationError(
            lambda: _("The fast engine is not installed here (a student bundle has none). "
                      "Use {flag}.").format(flag=isolate("--engine student"))) from None


def fit(engine, train_x, train_y, model, layers, learning_rate, iterations, print_cost=True,
        show_bar=None, bar_file=None, out=None, on_iteration=None):
    """Train with ``engine`` (a name from :data:`ENGINES`); see :func:`course.train.train`.

    Parameters
    ----------
    engine : {"fast", "reference", "student"}
    train_x : numpy.ndarray, shape (n_x, m)
    train_y : numpy.ndarray, shape (1, m)
    model : {"two-layer", "L-layer"}
    layers : tuple of int
    learning_rate : float
    iterations : int
    print_cost : bool
        Print the course's cost lines.
    show_bar, bar_file, out, on_iteration
        See :func:`course.train.progress.training_progress`.

    Returns
    -------
    Fitted

    Raises
    ------
    course.train.ImplementationError
        The engine's code cannot be imported; ``NotAttemptedError`` when it hits a stub.
    """
    if engine == "fast":
        return _fit_fast(train_x, train_y, model, layers, learning_rate, iterations, print_cost,
                         show_bar, bar_file, out, on_iteration)
    return _fit_course_style(ENGINES[engine].impl, train_x, train_y, model, layers,
                             learning_rate, iterations, print_cost, show_bar, bar_file, out,
                             on_iteration)


def _fit_fast(train_x, train_y, model, layers, learning_rate, iterations, print_cost, show_bar,
              bar_file, out, on_iteration):
    fast = load_fast()
    with training_progress(iterations, show_bar, bar_file, out, desc=model,
                           on_iteration=on_iteration) as record:
        start = time.perf_counter()
        result = fast.fit(train_x, train_y, layers, learning_rate, int(iterations), model=model,
                          print_cost=print_cost, on_cost=record)
        seconds = time.perf_counter() - start
    return Fitted(parameters=result.parameters, costs=result.costs,
                  all_costs=result.all_costs, seconds=seconds, method=result.method,
                  predict=lambda X, y: fast.predict(X, result.parameters))


def _fit_course_style(impl, train_x, train_y, model, layers, learning_rate, iterations,
                      print_cost, show_bar, bar_file, out, on_iteration):
    from .run import MODELS  # run imports this module

    module = load_implementation(impl)
    fit_model = getattr(module, MODELS[model])
    try:
        with track_training(module, iterations, show_bar, bar_file, out, desc=model,
                            on_iteration=on_iteration) as all_costs:
            start = time.perf_counter()
            parameters, costs = fit_model(
                train_x, train_y, list(layers), learning_rate=learning_rate,
                num_iterations=int(iterations), print_cost=print_cost,
            )
            seconds = time.perf_counter() - start
    except NotImplementedError as exc:
        raise not_attempted(exc) from None

    def predict(X, y):
        # predict prints the course's "Accuracy: ..." line; callers report accuracy themselves.
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                return module.predict(X, y, parameters)
        except NotImplementedError as exc:
            raise not_attempted(exc) from None

    return Fitted(parameters=parameters, costs=[_scalar(c) for c in costs],
                  all_costs=list(all_costs), seconds=seconds, method=None, predict=predict)


def _scalar(cost):
    try:
        return float(np.squeeze(cost))
    except (TypeError, ValueError):
        return float("nan")
