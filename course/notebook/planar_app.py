"""The planar application's notebook cells (unit c1w3): the flower, the linear baseline, training
your network, its decision boundary, the size of the hidden layer and the other data sets.

خلايا التطبيق المستوي في دفتر الوحدة c1w3: الزهرة، وخط الأساس الخطي، وتدريب شبكتك، وحدّ قرارها،
وحجم الطبقة المخفية، ومجموعات البيانات الأخرى.

Training calls the *student's* ``nn_model`` and ``predict`` (``course.c1w3.planar_classifier``,
imported when called, so the notebook's autoreload hands over the saved file). When that code
reaches a stub that is not written yet, the functions here print which function to write and
return ``None`` instead of raising, so "Run all" on a fresh notebook reaches the end; the cells
that draw a model then say there is none yet.

Figures are drawn with matplotlib's object API on the Agg canvas (no pyplot figure state) and shown
as PNG, like :mod:`course.notebook.cat_app`; the regions and points are drawn by the course's own
:func:`course.c1w3.planar_utils.plot_decision_boundary`. Their text is English (matplotlib cannot
shape Arabic); the notebook describes each figure in the markdown cell after it.
"""

import importlib
import math
from dataclasses import dataclass
from functools import partial

import numpy as np

from course.cli.output import texts
from course.i18n import _, current_language, isolate, ngettext, other_language

from .display import show_png
from .session import NotebookStop, in_direction, not_attempted_function, not_attempted_message, say

UNIT = "c1w3"
STUDENT_MODULE = f"course.{UNIT}.planar_classifier"
# The course's other data sets (planar_utils.load_extra_datasets returns them in this order; the
# fifth, without structure, has no labels to learn and is left out, as the course does).
EXTRA_DATASETS = ("noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles")
EXTRA_SEED = 0  # those sets draw from NumPy's global generator: seeded, so reruns agree
# Grid points along the wider side of a decision plot: fine enough for a smooth boundary, and
# bounded whatever the data's range (the course's fixed step 0.01 gives a million points on the
# flower, and forward propagation over them with 50 hidden units needs gigabytes).
SINGLE_GRID = 400
PANEL_GRID = 160
PANEL_COLUMNS = 4


@dataclass
class PlanarModel:
    """A network trained in the notebook with the student's ``nn_model``.

    Attributes
    ----------
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (1, n_h), ``"b2"`` (1, 1).
    n_h : int
        Size of the hidden layer.
    num_iterations : int
    accuracy : float
        Percentage of the training points labelled correctly (:func:`accuracy_percent`).
    """

    parameters: dict
    n_h: int
    num_iterations: int
    accuracy: float

    def labels(self, points):
        """The student's ``predict`` on points given one per *row* (shape (k, 2)), as plots pass
        them; returns shape (1, k)."""
        return _student().predict(self.parameters, np.asarray(points).T)


@dataclass
class Panel:
    """One plot: the data, and a classifier's regions over the plane when ``model`` is given.

    Attributes
    ----------
    title : str
        English (figure text).
    X : numpy.ndarray, shape (2, m)
    Y : numpy.ndarray, shape (1, m)
    model : callable, optional
        Points of shape (k, 2) in, k labels out (the course's convention).
    """

    title: str
    X: np.ndarray
    Y: np.ndarray
    model: object = None


def _student():
    return importlib.import_module(STUDENT_MODULE)


def _utils():
    return importlib.import_module(f"course.{UNIT}.planar_utils")


# ---------------------------------------------------------------------------------- figures


def grid_step(X, points_across):
    """The grid spacing that puts ``points_across`` points along the data's wider side.

    Parameters
    ----------
    X : numpy.ndarray, shape (2, m)
    points_across : int

    Returns
    -------
    float
        Includes :func:`decision_grid`'s padding of 1 on each side.
    """
    span = float(np.max(X.max(axis=1) - X.min(axis=1))) + 2.0
    return span / points_across


def planar_figure(panels, columns=PANEL_COLUMNS):
    """A matplotlib figure with one axes per panel (no pyplot state is touched).

    Parameters
    ----------
    panels : list of Panel
    columns : int
        Panels per row when there are several.

    Returns
    -------
    matplotlib.figure.Figure
        Axes in panel order; each has the points as its last collection (coloured by label) and,
        for a panel with a model, the filled decision regions before them.
    """
    import matplotlib
    from matplotlib.figure import Figure

    plot_decision_boundary = _utils().plot_decision_boundary
    count = len(panels)
    cols = min(columns, count)
    rows = math.ceil(count / cols)
    size = (6.0, 5.0) if count == 1 else (3.6 * cols, 3.4 * rows)
    fig = Figure(figsize=size, layout="constrained")
    points_across = SINGLE_GRID if count == 1 else PANEL_GRID
    for index, panel in enumerate(panels, start=1):
        ax = fig.add_subplot(rows, cols, index)
        if panel.model is None:
            ax.scatter(panel.X[0, :], panel.X[1, :], c=np.ravel(panel.Y), s=20,
                       cmap=matplotlib.colormaps["Spectral"])
            ax.set_xlabel("x1")
            ax.set_ylabel("x2")
        else:
            plot_decision_boundary(panel.model, panel.X, panel.Y, ax=ax,
                                   step=grid_step(panel.X, points_across))
        # A thin dark outline keeps the points visible on regions of their own colour.
        ax.collections[-1].set(edgecolors="#222222", linewidths=0.4)
        ax.set_title(panel.title, fontsize=11 if count == 1 else 9)
    return fig


def _save(fig, path):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    fig.savefig(path, format="png", dpi=80)


def show_panels(panels, name="planar.png"):
    """Draw :func:`planar_figure` and display it inline.

    Returns
    -------
    matplotlib.figure.Figure
        The figure shown (its data can be inspected).
    """
    fig = planar_figure(panels)
    show_png(partial(_save, fig), name)
    return fig


def show_data(X, Y, title="The data"):
    """Plot the points coloured by label (red 0, blue 1).

    Parameters
    ----------
    X : numpy.ndarray, shape (2, m)
    Y : numpy.ndarray, shape (1, m)
    title : str
        English (figure text).

    Returns
    -------
    matplotlib.figure.Figure
    """
    return show_panels([Panel(title, X, Y)], "data.png")


def _percent(accuracy):
    return f"{accuracy:g} %"


# ---------------------------------------------------------------------------------- baseline


def logistic_regression(X, Y, title="Logistic regression"):
    """Fit the course's linear baseline, print its accuracy and draw its decision boundary.

    Parameters
    ----------
    X : numpy.ndarray, shape (2, m)
    Y : numpy.ndarray, shape (1, m)
    title : str
        Start of the figure's title (its accuracy is added).

    Returns
    -------
    classifier : sklearn.linear_model.LogisticRegressionCV
    accuracy : float
        Percentage of the points labelled correctly.
    """
    classifier, accuracy = _utils().logistic_regression_baseline(X, Y)
    say(_("Logistic regression labels {accuracy} of the points correctly.").format(
        accuracy=isolate(_percent(accuracy))))
    show_panels([Panel(f"{title}: {_percent(accuracy)}", X, Y, classifier.predict)],
                "logistic.png")
    return classifier, accuracy


# ---------------------------------------------------------------------------------- training


def _not_attempted(error):
    """Print what to write for a stub's ``NotImplementedError``; re-raise any other one."""
    function = not_attempted_function(error)
    if function is None:
        raise error
    say(_("The network cannot be trained yet.") + " " +
        not_attempted_message(function, f"{UNIT}.{function}"))


def _accuracy_line(model):
    return ngettext(
        "{n} hidden unit, {iterations} iterations: {accuracy} of the points labelled correctly.",
        "{n} hidden units, {iterations} iterations: {accuracy} of the points labelled correctly.",
        model.n_h).format(n=isolate(model.n_h), iterations=isolate(model.num_iterations),
                          accuracy=isolate(_percent(model.accuracy)))


def _fit(X, Y, n_h, num_iterations, print_cost):
    """Train with the student's functions; raises their ``NotImplementedError`` as is."""
    student = _student()
    parameters = student.nn_model(X, Y, n_h, num_iterations=num_iterations,
                                  print_cost=print_cost)
    predictions = student.predict(parameters, X)
    accuracy = _utils().accuracy_percent(predictions, Y)
    return PlanarModel(parameters, int(n_h), int(num_iterations), accuracy)


def train_network(X, Y, n_h=4, num_iterations=10000, print_cost=True):
    """Train your ``nn_model`` on ``(X, Y)`` and print its training accuracy.

    Parameters
    ----------
    X : numpy.ndarray, shape (2, m)
    Y : numpy.ndarray, shape (1, m)
    n_h : int, default 4
        Size of the hidden layer.
    num_iterations : int, default 10000
        The course's value for the flower.
    print_cost : bool, default True
        Your ``nn_model`` prints the cost every 1000 iterations.

    Returns
    -------
    PlanarModel or None
        None when a function it needs is not written yet (what to write is printed).
    """
    try:
        model = _fit(X, Y, n_h, num_iterations, print_cost)
    except NotImplementedError as error:
        _not_attempted(error)
        return None
    say(_accuracy_line(model))
    return model


def _no_model():
    say(_("No trained model yet: run the training cells above once your functions are written."))


def show_network(model, X, Y, title="Hidden layer of size {n_h}"):
    """Draw the decision boundary of a trained network (your ``predict``) over the data.

    Parameters
    ----------
    model : PlanarModel or None
    X : numpy.ndarray, shape (2, m)
    Y : numpy.ndarray, shape (1, m)
    title : str
        English; ``{n_h}`` is replaced, the accuracy is added.

    Returns
    -------
    matplotlib.figure.Figure or None
        None when there is no trained model (said so).
    """
    if model is None:
        _no_model()
        return None
    heading = f"{title.format(n_h=model.n_h)}: {_percent(model.accuracy)}"
    return show_panels([Panel(heading, X, Y, model.labels)], "network.png")


def hidden_layer_sizes(X, Y, sizes=(1, 2, 3, 4, 5, 20, 50), num_iterations=5000):
    """Train one network per hidden-layer size, print each accuracy, draw all the boundaries.

    Parameters
    ----------
    X : numpy.ndarray, shape (2, m)
    Y : numpy.ndarray, shape (1, m)
    sizes : sequence of int
        The course's sizes by default.
    num_iterations : int, default 5000
        The course's value for this experiment.

    Returns
    -------
    dict or None
        ``{n_h: PlanarModel}`` in the order of ``sizes``; None when a function is not written yet
        (said once, nothing is drawn).
    """
    models = {}
    for n_h in sizes:
        try:
            models[n_h] = _fit(X, Y, n_h, num_iterations, print_cost=False)
        except NotImplementedError as error:
            _not_attempted(error)
            return None
        say(_accuracy_line(models[n_h]))
    show_panels([Panel(f"n_h = {n}: {_percent(m.accuracy)}", X, Y, m.labels)
                 for n, m in models.items()], "hidden-sizes.png")
    return models


# ---------------------------------------------------------------------------------- other data


def load_extra_dataset(name):
    """One of the course's other planar data sets, in the flower's layout.

    Parameters
    ----------
    name : {"noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles"}

    Returns
    -------
    X : numpy.ndarray, shape (2, 200)
        One example per column (the generators give rows; they are transposed here).
    Y : numpy.ndarray, shape (1, 200), dtype uint8
        Labels 0/1 (``blobs``' six labels become two with ``% 2``, as in the course).

    Raises
    ------
    course.notebook.session.NotebookStop
        An unknown name: a message in both languages listing the names (no traceback).

    Notes
    -----
    NumPy's global generator is seeded with 0 first, so running the cell again gives the same
    points (the course does not seed, so its sets differ from run to run).
    """
    if name not in EXTRA_DATASETS:
        message = texts(lambda: _("Unknown data set {name}: choose one of {choices}.").format(
            name=isolate(repr(name)), choices=isolate(", ".join(map(repr, EXTRA_DATASETS)))),
            both=True)
        raise NotebookStop([in_direction(message[0], current_language()),
                            in_direction(message[1], other_language())])
    np.random.seed(EXTRA_SEED)
    sets = dict(zip(EXTRA_DATASETS, _utils().load_extra_datasets()))
    points, labels = sets[name]
    X = np.asarray(points).T
    Y = np.asarray(labels).reshape(1, -1)
    if name == "blobs":
        Y = Y % 2
    return X, Y.astype(np.uint8)
