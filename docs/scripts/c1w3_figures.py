"""Generate the Week 3 figures (decision boundaries on the flower data) from the reference code.

Trains the reference of ``solutions.c1w3`` on the course's flower data and writes, for each figure,
an SVG and a JSON record of what the figure shows (accuracies, grid extents, class counts, the
share of the plane given to each class), so tests can compare figures by their data:

* ``c1w3-flower``         - the data alone (200 red, 200 blue points);
* ``c1w3-logistic``       - scikit-learn's logistic regression (the course's baseline, 47 %);
* ``c1w3-nn-4-units``     - the network with 4 hidden units, 10000 iterations (the course: 90 %);
* ``c1w3-hidden-sizes``   - one panel per hidden-layer size 1, 2, 3, 4, 5, 20, 50, 5000
  iterations each, as in the course's tuning loop.

The figures carry no words, only the language-neutral labels ``x₁``, ``x₂``, ``nₕ = 4`` and
percentages, so one SVG serves both languages (the captions are in the pages).

Determinism: the seeds are inside the reference (data seed 1, model seed 3), ``svg.hashsalt`` is
fixed, no date or version metadata is written and text stays text (``svg.fonttype: none``).
The decision regions of the larger networks depend on the last bits of long chaotic runs, so
tests compare the JSON records within tolerances, never the SVG bytes.

Usage (about 15 seconds on two cores)::

    python docs/scripts/c1w3_figures.py [--out DIR]
"""

import argparse
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "docs" / "content" / "assets" / "figures"

NN_ITERATIONS = 10000  # the course's run with 4 hidden units
TABLE_ITERATIONS = 5000  # the course's loop over hidden-layer sizes
HIDDEN_SIZES = (1, 2, 3, 4, 5, 20, 50)
SINGLE_STEP = 0.05  # grid spacing (the course plots labels with 0.01; the boundary here
PANEL_STEP = 0.08  # is interpolated from probabilities, so a coarser grid draws it as well)
RECORD_VERSION = 1
RASTER_DPI = 110  # resolution of the bitmaps inside the seven-panel figure

# The course's red/blue (matplotlib's Spectral ends), pale for the regions, strong for the points.
REGION = {0: "#f7b4a6", 1: "#a9cfe3"}
POINT = {0: "#d53e4f", 1: "#3288bd"}


@dataclass
class Panel:
    """One plot: the data, and optionally a classifier's decision over the plane.

    Attributes
    ----------
    title : str
        Language-neutral title ("" for none).
    X : numpy.ndarray, shape (2, m)
    Y : numpy.ndarray, shape (1, m)
    grid : tuple or None
        ``(xx, yy, P)`` from ``planar_utils.decision_grid`` with ``P`` the probability of class 1
        at every grid point (the decision is ``P > 0.5``); ``None`` for the data alone.
    accuracy : float or None
        Training accuracy in percent.
    step : float or None
        The grid spacing used.
    """

    title: str
    X: np.ndarray
    Y: np.ndarray
    grid: tuple = None
    accuracy: float = None
    step: float = None


def _repo_on_path():
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))


def build_panels():
    """Train the reference models and return ``{figure name: [Panel, ...]}``."""
    _repo_on_path()
    from solutions.c1w3.planar_classifier import forward_propagation, nn_model, predict
    from solutions.c1w3.planar_utils import (
        accuracy_percent,
        decision_grid,
        load_planar_dataset,
        logistic_regression_baseline,
    )

    X, Y = load_planar_dataset()

    def network_panel(n_h, iterations, step):
        parameters = nn_model(X, Y, n_h, num_iterations=iterations)
        accuracy = accuracy_percent(predict(parameters, X), Y)
        grid = decision_grid(lambda points: forward_propagation(points.T, parameters)[0], X,
                             step=step)
        return Panel(f"nₕ = {n_h} · {accuracy:g}%", X, Y, grid, accuracy, step)

    classifier, lr_accuracy = logistic_regression_baseline(X, Y)
    lr_grid = decision_grid(lambda points: classifier.predict_proba(points)[:, 1], X,
                            step=SINGLE_STEP)
    return {
        "c1w3-flower": [Panel("", X, Y)],
        "c1w3-logistic": [Panel(f"{lr_accuracy:g}%", X, Y, lr_grid, lr_accuracy, SINGLE_STEP)],
        "c1w3-nn-4-units": [network_panel(4, NN_ITERATIONS, SINGLE_STEP)],
        "c1w3-hidden-sizes": [network_panel(n, TABLE_ITERATIONS, PANEL_STEP) for n in HIDDEN_SIZES],
    }


def panel_record(panel):
    """The JSON-ready facts one panel shows."""
    labels = np.ravel(panel.Y).astype(int)
    record = {
        "examples": int(labels.size),
        "class_counts": {str(c): int(np.sum(labels == c)) for c in (0, 1)},
        "data_range": {
            "x1": [round(float(panel.X[0].min()), 6), round(float(panel.X[0].max()), 6)],
            "x2": [round(float(panel.X[1].min()), 6), round(float(panel.X[1].max()), 6)],
        },
    }
    if panel.grid is not None:
        xx, yy, P = panel.grid
        record["accuracy_percent"] = panel.accuracy
        record["grid"] = {
            "step": panel.step,
            "shape": [int(s) for s in P.shape],
            "x1": [round(float(xx.min()), 6), round(float(xx.max()), 6)],
            "x2": [round(float(yy.min()), 6), round(float(yy.max()), 6)],
            "share_class_1": round(float(np.mean(P > 0.5)), 4),
        }
    return record


def figure_record(name, panels, context):
    """The record written next to ``<name>.svg``."""
    return {
        "version": RECORD_VERSION,
        "figure": f"{name}.svg",
        "generator": "docs/scripts/c1w3_figures.py",
        **context.get(name, {}),
        "panels": [dict(title=p.title, **panel_record(p)) for p in panels],
    }


CONTEXT = {
    "c1w3-flower": {"shows": "the planar flower data: X (2, 400), Y (1, 400)"},
    "c1w3-logistic": {"shows": "decision regions of LogisticRegressionCV on the flower",
                      "model": {"kind": "logistic_regression_baseline"}},
    "c1w3-nn-4-units": {"shows": "decision regions of nn_model with 4 hidden units",
                        "model": {"kind": "nn_model", "n_h": 4, "num_iterations": NN_ITERATIONS,
                                  "learning_rate": 1.2}},
    "c1w3-hidden-sizes": {"shows": "decision regions of nn_model per hidden-layer size",
                          "model": {"kind": "nn_model", "n_h": list(HIDDEN_SIZES),
                                    "num_iterations": TABLE_ITERATIONS, "learning_rate": 1.2}},
}


def _configure_matplotlib():
    import matplotlib

    matplotlib.use("svg")
    matplotlib.rcParams.update({
        "svg.fonttype": "none",
        "svg.hashsalt": "amiq-c1w3-figures",
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans", "Noto Sans", "Arial"],
        "font.size": 10,
        "figure.facecolor": "white",
        "axes.facecolor": "white",
        "path.simplify": False,
    })
    import matplotlib.pyplot as plt

    return plt


def _draw(ax, panel, plt, rasterized=False):
    if panel.grid is not None:
        xx, yy, P = panel.grid
        # Two filled levels split at 0.5: the regions of the decision P > 0.5, with the boundary
        # interpolated between grid points (smoother and lighter than contouring 0/1 labels).
        ax.contourf(xx, yy, P, levels=[0.0, 0.5, 1.0], colors=[REGION[0], REGION[1]],
                    rasterized=rasterized)
    labels = np.ravel(panel.Y)
    for label in (0, 1):
        chosen = labels == label
        ax.plot(panel.X[0, chosen], panel.X[1, chosen], linestyle="none", marker="o",
                markersize=2.6, markerfacecolor=POINT[label], markeredgecolor="#222222",
                markeredgewidth=0.3, rasterized=rasterized)
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")
    ax.set_aspect("equal")
    if panel.title:
        ax.set_title(panel.title, fontsize=10)


def render_svg(panels):
    """Return the SVG text of one figure (one panel, or a grid of two columns)."""
    plt = _configure_matplotlib()
    if len(panels) == 1:
        fig, axes = plt.subplots(figsize=(4.6, 4.2))
        axes = [axes]
    else:
        rows = (len(panels) + 3) // 4
        fig, grid = plt.subplots(rows, 4, figsize=(11, 3.0 * rows))
        axes = list(np.ravel(grid))
        for ax in axes[len(panels):]:
            ax.set_visible(False)
    # Seven panels of 400 points would be half a megabyte of vector markers: there the regions and
    # points become one embedded bitmap per panel (axes and labels stay vector text).
    for ax, panel in zip(axes, panels):
        _draw(ax, panel, plt, rasterized=len(panels) > 1)
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", dpi=RASTER_DPI,
                metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    plt.close(fig)
    text = re.sub(r"<!-- Created with matplotlib.*?-->\n?", "", buffer.getvalue())
    # Coordinates to 1/100 pt: invisible, and it keeps the 2800-point figure small.
    return _LONG_DECIMAL.sub(lambda m: f"{float(m.group()):.2f}", text)


_LONG_DECIMAL = re.compile(r"-?\d+\.\d{3,}")


def write_figures(all_panels, out_dir):
    """Write ``<name>.svg`` and ``<name>.json`` for every figure; return the written paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, panels in all_panels.items():
        svg = out_dir / f"{name}.svg"
        svg.write_text(render_svg(panels), encoding="utf-8")
        record = out_dir / f"{name}.json"
        record.write_text(
            json.dumps(figure_record(name, panels, CONTEXT), indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        written += [svg, record]
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="output folder")
    args = parser.parse_args(argv)
    for path in write_figures(build_panels(), args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
