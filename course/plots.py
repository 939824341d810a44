"""Figures of training runs: cost curves (one run or a sweep) and the mislabelled test images.

أشكال عمليات التدريب: منحنيات التكلفة (لعملية واحدة أو لمسح) وصور الاختبار المصنَّفة خطأً.

Uses matplotlib's object API with the Agg canvas directly (no ``pyplot``), so it never needs a
display, never touches global figure state and works the same in tests, CI and notebooks.
Figure text is English, whatever the message language: matplotlib draws Arabic letters
unjoined and left to right (it has no text shaping), and shaping them would need two more
dependencies (``arabic-reshaper`` and ``python-bidi``) for a few labels. ``amiq train`` and
``amiq sweep`` print :data:`FIGURE_LANGUAGE_NOTE` in both languages instead (the sweep's table,
CSV and JSON are in the chosen language).
"""

from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from course.i18n import N_

FIGURE_LANGUAGE_NOTE = N_("Note: the figures' labels are in English (matplotlib cannot shape "
                          "Arabic text).")
# The smallest mislabelled figure (inches): room for the title even with no image in it.
MIN_WIDTH, MIN_HEIGHT = 6.4, 2.4


def _save(fig, path):
    """Write ``fig`` as PNG, or as SVG when ``path`` ends in ``.svg``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    FigureCanvasAgg(fig)
    if path.suffix.lower() == ".svg":
        # No date: the same run gives the same file.
        fig.savefig(path, format="svg", metadata={"Date": None})
    else:
        fig.savefig(path, format="png")
    return path


def plot_cost_curve(costs, path, learning_rate=None, title=None, every=100):
    """Plot one recorded cost curve.

    Parameters
    ----------
    costs : sequence of float or 0-d arrays
        The model's ``costs`` (one value every ``every`` iterations, starting at iteration 0).
    path : str or os.PathLike
        Where the PNG is written (folders are created).
    learning_rate : float, optional
        Shown in the title.
    title : str, optional
    every : int, default 100
        Iterations between two recorded costs.

    Returns
    -------
    pathlib.Path
    """
    label = None if learning_rate is None else f"learning rate = {learning_rate:g}"
    return plot_cost_curves({label: costs}, path, title=title, every=every)


def plot_cost_curves(curves, path, title=None, every=100):
    """Plot several cost curves on one axis (e.g. one per learning rate).

    Parameters
    ----------
    curves : dict
        ``{label: costs}``; a ``None`` label draws an unlabelled curve.
    path, title, every
        As in :func:`plot_cost_curve`.

    Returns
    -------
    pathlib.Path
    """
    fig = Figure(figsize=(6.4, 4.2), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    for label, costs in curves.items():
        values = np.array([float(np.squeeze(c)) for c in costs])
        ax.plot(np.arange(len(values)) * every, values, marker="." if len(values) < 40 else None,
                label=label)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost")
    ax.set_title(title or "Cost during training")
    ax.grid(True, alpha=0.3)
    if any(label is not None for label in curves):
        ax.legend()
    return _save(fig, path)


def sweep_figure(curves, title=None, log_scale=False, xlabel="iteration", ylabel="cost"):
    """Draw the cost curves of a sweep on one axis and return the figure (nothing is written).

    Parameters
    ----------
    curves : list of dict
        As :meth:`course.train.sweep.SweepResult.figure_data` returns them: ``label`` (str),
        ``iterations`` and ``costs`` (numpy.ndarray, shape (k,), ``nan`` where the cost was not
        finite) and ``diverged`` (bool). Diverged curves are dashed, with an ``x`` at their last
        finite point.
    title : str, optional
    log_scale : bool
        A logarithmic cost axis (costs are positive), which separates small final costs.
    xlabel, ylabel : str
        Axis labels; English by default (see the module's note on Arabic text).

    Returns
    -------
    matplotlib.figure.Figure
        Save it with :func:`save_figure` (or ``savefig`` for other settings).
    """
    fig = Figure(figsize=(7.2, 4.6), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    for curve in curves:
        x = np.asarray(curve["iterations"])
        y = np.asarray(curve["costs"], dtype=np.float64)
        style = "--" if curve.get("diverged") else "-"
        (line,) = ax.plot(x, y, style, marker="." if len(y) < 40 else None, label=curve["label"])
        finite = np.flatnonzero(np.isfinite(y))
        if curve.get("diverged") and len(finite) and finite[-1] < len(y) - 1:
            ax.plot(x[finite[-1]], y[finite[-1]], "x", color=line.get_color(), markersize=9)
    if log_scale:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel + (" (log scale)" if log_scale and ylabel == "cost" else ""))
    ax.set_title(title or "Cost during training, one curve per setting")
    ax.grid(True, alpha=0.3, which="both" if log_scale else "major")
    if curves:
        ax.legend()
    return fig


def save_figure(fig, paths):
    """Write ``fig`` to each path (PNG, or SVG for ``.svg``); folders are created.

    Returns
    -------
    list of pathlib.Path
    """
    return [_save(fig, path) for path in paths]


def _class_name(classes, label):
    name = classes[int(label)]
    return name.decode("utf-8") if isinstance(name, bytes) else str(name)


def plot_mislabelled(images, y_true, y_pred, classes, path, max_images=20, columns=5):
    """Show the test images whose prediction is wrong, with true and predicted labels.

    Parameters
    ----------
    images : numpy.ndarray, shape (m, 64, 64, 3), uint8
        The original (unflattened) images.
    y_true, y_pred : numpy.ndarray, shape (1, m)
        True labels and predictions (0 or 1).
    classes : numpy.ndarray, shape (2,)
        Class names, ``[b'non-cat', b'cat']``.
    path : str or os.PathLike
    max_images : int, default 20
        At most this many images are drawn; the title gives the count of all mistakes and
        says "(first N shown)" when some are left out. With no mistake, the figure is a short
        message at a fixed minimum size.
    columns : int, default 5

    Returns
    -------
    pathlib.Path
    """
    wrong = np.flatnonzero(np.asarray(y_true).ravel() != np.asarray(y_pred).ravel())
    shown = wrong[:max_images]
    m = len(np.asarray(y_true).ravel())
    title = f"Mislabelled test images: {len(wrong)} of {m}"
    if len(shown) < len(wrong):
        title += f" (first {len(shown)} shown)"
    if not len(shown):
        fig = Figure(figsize=(MIN_WIDTH, MIN_HEIGHT), dpi=100, layout="constrained")
        fig.suptitle(title)
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, f"No mislabelled images: all {m} test images are classified correctly.",
                ha="center", va="center", fontsize=11, wrap=True)
        return _save(fig, path)
    rows = int(np.ceil(len(shown) / columns))
    cols = min(columns, len(shown))
    # A fixed minimum size keeps the title whole when only one or two images are wrong.
    fig = Figure(figsize=(max(MIN_WIDTH, 2.0 * cols), max(MIN_HEIGHT, 2.25 * rows + 0.5)),
                 dpi=100, layout="constrained")
    fig.suptitle(title)
    axes = fig.subplots(rows, cols, squeeze=False)
    for ax in axes.ravel():
        ax.axis("off")
    for ax, index in zip(axes.ravel(), shown):
        ax.imshow(images[index], interpolation="nearest")
        true_name = _class_name(classes, np.ravel(y_true)[index])
        pred_name = _class_name(classes, np.ravel(y_pred)[index])
        ax.set_title(f"#{index}\ntrue: {true_name}\npredicted: {pred_name}", fontsize=8)
    return _save(fig, path)
