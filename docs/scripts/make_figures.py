"""Generate the docs site's plots from the project's own reference code, as deterministic SVGs.

Trains the reference models of ``solutions.c1w4.cat_classifier`` on the real cat-vs-non-cat data
and writes, for each figure, an Arabic SVG (``<name>.svg``, the default language) and an English
one (``<name>.en.svg``; mkdocs-static-i18n serves it at the same URL under ``/en/``):

* ``cost-two-layer``  - two-layer model (12288, 7, 1), learning rate 0.0075, 2500 iterations;
* ``cost-L-layer``    - L-layer model [12288, 20, 7, 5, 1], learning rate 0.0075, 2500 iterations;
* ``cost-curves``     - both curves on one plot;
* ``learning-rates``  - the sweep of the learning-rate lab (``course/c1w4/grading/lab.py``: the
  two-layer model, learning rates 0.001, 0.0075, 0.03 and 0.1, 1200 iterations each), run and drawn
  by the code of ``amiq sweep`` (``run_sweep`` on the fast engine, one BLAS thread per setting, and
  ``course.plots.sweep_figure``), with a JSON record of what it shows (``learning-rates.json``,
  including which settings end within the lab's margin of the best) beside it.

The first three are byte-for-byte reproducible: fixed seeds (inside the reference models), costs
rounded to 6 decimals before plotting, ``svg.hashsalt`` fixed, no date or version metadata, text
kept as text (``svg.fonttype: none``, so the browser shapes the Arabic labels) and measured with the
DejaVu Sans font that matplotlib itself ships. The learning-rate figure is compared by its record's
data instead, never by bytes (``tests/docs/test_make_figures_learning_rates.py``): above 0.0075
its runs are chaotic (rounding differences of another BLAS build grow into different curves after
a few hundred iterations), so only what is stable is compared exactly.

Usage (two to three minutes on two cores)::

    python docs/scripts/make_figures.py [--out DIR] [--data-dir DIR]

The data folder is ``--data-dir``, else ``$AMIQ_DATA_DIR``, else ``../shared/datasets/catvnoncat``
beside the repository, else the project's default (``datasets/catvnoncat``).
"""

import argparse
import io
import json
import os
import re
import sys
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "docs" / "content" / "assets" / "figures"

LEARNING_RATE = 0.0075
ITERATIONS = 2500
TWO_LAYER_DIMS = (12288, 7, 1)
L_LAYER_DIMS = [12288, 20, 7, 5, 1]

# Labels are either all Arabic or all Latin/digits: mixed runs inside one SVG <text> element
# would be reordered by the bidi algorithm in a left-to-right SVG.
LABELS = {
    "ar": {
        "iterations": "التكرار",
        "cost": "التكلفة",
        "two": "نموذج الطبقتين",
        "deep": "نموذج الطبقات الأربع",
    },
    "en": {
        "iterations": "iteration",
        "cost": "cost J",
        "two": "two-layer model (12288, 7, 1)",
        "deep": "L-layer model [12288, 20, 7, 5, 1]",
    },
}

STYLE = {
    # Colour-blind-safe colours, and distinct line styles so the plots also read in grey.
    "two": {"color": "#0072B2", "linestyle": "-", "marker": "o"},
    "deep": {"color": "#D55E00", "linestyle": "--", "marker": "s"},
    0.1: {"color": "#E69F00", "linestyle": (0, (6, 2, 1, 2, 1, 2)), "marker": "v"},
    0.03: {"color": "#CC79A7", "linestyle": "-.", "marker": "^"},
    0.0075: {"color": "#0072B2", "linestyle": "-", "marker": "o"},
    0.001: {"color": "#009E73", "linestyle": ":", "marker": "D"},
}


def resolve_data_dir(data_dir=None):
    """The folder with ``train_catvnoncat.h5`` and ``test_catvnoncat.h5`` (``None``: the default)."""
    if data_dir:
        return Path(data_dir)
    if os.environ.get("AMIQ_DATA_DIR"):
        return Path(os.environ["AMIQ_DATA_DIR"])
    shared = REPO_ROOT.parent / "shared" / "datasets" / "catvnoncat"
    return shared if (shared / "train_catvnoncat.h5").is_file() else None


def load_dataset(data_dir=None):
    """Load and preprocess the real data: ``train_x`` (12288, 209), ``train_y`` (1, 209), ``test_*``.

    Uses the project's loader (``course.data``) when it is there, else reads the HDF5 files with
    h5py using the course's preprocessing (flatten channel-last, divide by 255).

    Returns
    -------
    tuple of numpy.ndarray
        ``(train_x, train_y, test_x, test_y)``.
    """
    folder = resolve_data_dir(data_dir)
    try:
        from course.data import load_data, preprocess
    except ImportError:
        load_data = None
    if load_data is not None:
        train_x_orig, train_y, test_x_orig, test_y, _classes = load_data(folder)
        return preprocess(train_x_orig), train_y, preprocess(test_x_orig), test_y

    import h5py

    if folder is None:
        folder = REPO_ROOT / "datasets" / "catvnoncat"
    arrays = {}
    for split in ("train", "test"):
        path = folder / f"{split}_catvnoncat.h5"
        if not path.is_file():
            sys.exit(
                f"make_figures: {path} not found; set AMIQ_DATA_DIR to the folder with the data / "
                f"الملف غير موجود؛ اضبط AMIQ_DATA_DIR على مجلد البيانات"
            )
        with h5py.File(path, "r") as fh:
            x = np.array(fh[f"{split}_set_x"])
            y = np.array(fh[f"{split}_set_y"]).reshape(1, -1)
        arrays[split] = (x.reshape(x.shape[0], -1).T / 255.0, y)
    return arrays["train"][0], arrays["train"][1], arrays["test"][0], arrays["test"][1]


def train_curves(train_x, train_y, iterations=ITERATIONS):
    """Run the reference models and return their recorded costs (every 100 iterations).

    Parameters
    ----------
    train_x : numpy.ndarray, shape (12288, m)
    train_y : numpy.ndarray, shape (1, m)
    iterations : int
        Gradient-descent iterations of every run.

    Returns
    -------
    dict
        ``{"two": costs, "deep": costs}``; each ``costs`` is a list of floats rounded to 6
        decimals (so last-bit differences of BLAS builds do not change the SVG).
    """
    from solutions.c1w4.cat_classifier import L_layer_model, two_layer_model

    def run(model, dims, rate):
        with redirect_stdout(io.StringIO()):
            _params, costs = model(
                train_x, train_y, dims, learning_rate=rate, num_iterations=iterations
            )
        return [round(float(np.squeeze(c)), 6) for c in costs]

    return {"two": run(two_layer_model, TWO_LAYER_DIMS, LEARNING_RATE),
            "deep": run(L_layer_model, L_LAYER_DIMS, LEARNING_RATE)}


def _configure_matplotlib():
    import matplotlib

    matplotlib.use("svg")
    matplotlib.rcParams.update(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "amiq-figures",
            "font.family": "sans-serif",
            # Metrics come from the DejaVu Sans that matplotlib ships (same on every machine);
            # the rest of the list is what the browser may fall back to for Arabic.
            "font.sans-serif": ["DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Arial"],
            "font.size": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "path.simplify": False,
        }
    )
    import matplotlib.pyplot as plt

    return plt


def _svg_text(fig):
    """Serialise a figure to SVG text without date, creator or generator comment."""
    buffer = io.StringIO()
    fig.savefig(
        buffer,
        format="svg",
        bbox_inches="tight",
        metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
    )
    text = buffer.getvalue()
    # The backend always writes a "Created with matplotlib (<url>)" comment; keep the file neutral.
    return re.sub(r"<!-- Created with matplotlib.*?-->\n?", "", text)


def _iterations(costs):
    return np.arange(len(costs)) * 100


def plot_costs(plt, series, lang):
    """One cost-vs-iteration plot; ``series`` is a list of ``(key, label, costs)``."""
    labels = LABELS[lang]
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    for key, label, costs in series:
        ax.plot(_iterations(costs), costs, label=label, markersize=4, linewidth=1.6, **STYLE[key])
    ax.set_xlabel(labels["iterations"])
    ax.set_ylabel(labels["cost"])
    ax.set_xlim(0, ITERATIONS)
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False)
    return fig


def render_figures(curves, lang):
    """Return ``{name: svg_text}`` for one language."""
    plt = _configure_matplotlib()
    labels = LABELS[lang]
    specs = {
        "cost-two-layer": [("two", labels["two"], curves["two"])],
        "cost-L-layer": [("deep", labels["deep"], curves["deep"])],
        "cost-curves": [
            ("two", labels["two"], curves["two"]),
            ("deep", labels["deep"], curves["deep"]),
        ],
    }
    out = {}
    for name, series in specs.items():
        fig = plot_costs(plt, series, lang)
        out[name] = _svg_text(fig)
        plt.close(fig)
    return out


def write_figures(curves, out_dir):
    """Write every figure in both languages into ``out_dir``; return the written paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for lang, suffix in (("ar", ".svg"), ("en", ".en.svg")):
        for name, text in render_figures(curves, lang).items():
            path = out_dir / f"{name}{suffix}"
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


# ---------------------------------------------------------------------------------------------
# The learning-rate figure: the sweep code's own run and plot, and its data record.

LEARNING_RATES_NAME = "learning-rates"
LAB_UNIT = "c1w4"
# Iterations between plotted points: fine enough to show 0.03's spikes and 0.1's oscillation.
PLOT_STEP = 25
RECORD_VERSION = 1
SWEEP_TITLES = {
    "ar": "التكلفة أثناء التدريب، منحنًى لكل معدّل تعلّم",
    "en": "Cost during training, one curve per learning rate",
}


def sweep_learning_rates(train_x, train_y, jobs=None):
    """Run the learning-rate lab's sweep (its declared settings) with ``amiq sweep``'s code.

    Parameters
    ----------
    train_x : numpy.ndarray, shape (12288, m)
    train_y : numpy.ndarray, shape (1, m)
    jobs : int, optional
        Worker processes (default: all cores); every setting runs on one BLAS thread.

    Returns
    -------
    (grader.declare.LearningRateLab, course.train.sweep.SweepResult)
    """
    from course.train.sweep import run_sweep
    from grader.lab import load_lab

    lab = load_lab(LAB_UNIT)
    return lab, run_sweep(train_x, train_y, None, None, lab.rates, iterations=lab.iterations,
                          model=lab.model, layers=lab.layers, engine="fast", jobs=jobs,
                          show_bar=False)


def learning_rate_record(lab, result, step=PLOT_STEP):
    """What the learning-rate figure shows, as JSON-ready data (the figure is drawn from it).

    Parameters
    ----------
    lab : grader.declare.LearningRateLab
    result : course.train.sweep.SweepResult
        The lab's sweep (:func:`sweep_learning_rates`).
    step : int
        Iterations between plotted points (the last iteration is always plotted).

    Returns
    -------
    dict
        The run's settings, the lab's ``margin`` and ``within_margin`` (the rates whose final
        cost is within it of the best), and one entry per curve: ``learning_rate``, ``label``,
        ``iterations`` (list of int), ``costs`` (rounded to 6 decimals; ``None`` where not
        finite), ``final_cost``, ``finding`` (the sweep's finding kind) and ``diverged``.
    """
    curves = []
    for setting, curve in zip(result.settings, result.figure_data(step)):
        final = setting.final_cost
        curves.append({
            "learning_rate": setting.learning_rate,
            "label": f"α = {setting.learning_rate:g}",
            "iterations": [int(i) for i in curve["iterations"]],
            "costs": [round(float(c), 6) if np.isfinite(c) else None for c in curve["costs"]],
            "final_cost": round(float(final), 6) if np.isfinite(final) else None,
            "finding": setting.finding.kind,
            "diverged": bool(curve["diverged"]),
        })
    return {
        "version": RECORD_VERSION,
        "figures": {"ar": f"{LEARNING_RATES_NAME}.svg", "en": f"{LEARNING_RATES_NAME}.en.svg"},
        "generator": "docs/scripts/make_figures.py",
        "shows": "the learning-rate lab's sweep: cost during training of one model, one curve "
                 "per learning rate (the code of amiq sweep: run_sweep and "
                 "course.plots.sweep_figure)",
        "lab": lab.id,
        "model": result.model,
        "layers": list(result.layers),
        "iterations": result.iterations,
        "engine": result.engine,
        "blas_threads": 1,
        "plot_step": step,
        "margin": lab.margin,
        "within_margin": [s.learning_rate for s in result.near_best(lab.margin)],
        "curves": curves,
    }


def render_learning_rates(record, lang):
    """The learning-rate figure of ``record`` as SVG text in ``lang`` (``sweep_figure``).

    Legend labels are language-neutral (``α = 0.03``); a diverged curve is dashed.
    """
    import matplotlib
    from cycler import cycler

    from course.plots import sweep_figure

    _configure_matplotlib()
    labels = LABELS[lang]
    curves = [{"label": c["label"], "iterations": np.asarray(c["iterations"]),
               "costs": np.array([np.nan if v is None else v for v in c["costs"]]),
               "diverged": c["diverged"]} for c in record["curves"]]
    colours = [STYLE[c["learning_rate"]]["color"] for c in record["curves"]]
    with matplotlib.rc_context({"axes.prop_cycle": cycler(color=colours)}):
        fig = sweep_figure(curves, title=SWEEP_TITLES[lang], xlabel=labels["iterations"],
                           ylabel=labels["cost"])
        fig.axes[0].set_xlim(0, record["iterations"])
        fig.axes[0].set_ylim(bottom=0)
        return _svg_text(fig)


def write_learning_rates(record, out_dir):
    """Write the figure in both languages and its record; return the written paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for lang, name in record["figures"].items():
        path = out_dir / name
        path.write_text(render_learning_rates(record, lang), encoding="utf-8")
        written.append(path)
    path = out_dir / f"{LEARNING_RATES_NAME}.json"
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return written + [path]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="output folder")
    parser.add_argument("--data-dir", default=None, help="folder with the two .h5 files")
    args = parser.parse_args(argv)
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    train_x, train_y, _test_x, _test_y = load_dataset(args.data_dir)
    curves = train_curves(train_x, train_y)
    for path in write_figures(curves, args.out):
        print(path)
    record = learning_rate_record(*sweep_learning_rates(train_x, train_y))
    for path in write_learning_rates(record, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
