"""PNG figures of a training run: the cost curve and the mislabelled test images.

أشكال PNG لعملية التدريب: منحنى التكلفة وصور الاختبار المصنَّفة خطأً.

Uses matplotlib's object API with the Agg canvas directly (no ``pyplot``), so it never needs a
display, never touches global figure state and works the same in tests, CI and notebooks.
Figure text is English, whatever the message language: matplotlib draws Arabic letters
unjoined and left to right (it has no text shaping), and shaping them would need two more
dependencies (``arabic-reshaper`` and ``python-bidi``) for a few labels. ``amiq train`` prints
:data:`FIGURE_LANGUAGE_NOTE` in both languages instead.
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
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    FigureCanvasAgg(fig)
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
