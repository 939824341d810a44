"""Generate the docs site's plots from the project's own reference code, as deterministic SVGs.

Trains the reference models of ``solutions.c1w4.cat_classifier`` on the real cat-vs-non-cat data
and writes, for each figure, an Arabic SVG (``<name>.svg``, the default language) and an English
one (``<name>.en.svg``; mkdocs-static-i18n serves it at the same URL under ``/en/``):

* ``cost-two-layer``  - two-layer model (12288, 7, 1), learning rate 0.0075, 2500 iterations;
* ``cost-L-layer``    - L-layer model [12288, 20, 7, 5, 1], learning rate 0.0075, 2500 iterations;
* ``cost-curves``     - both curves on one plot;
* ``learning-rates``  - the two-layer model with learning rates 0.1, 0.03, 0.0075 and 0.001,
  2500 iterations each.

The output is byte-for-byte reproducible: fixed seeds (inside the reference models), costs rounded
to 6 decimals before plotting, ``svg.hashsalt`` fixed, no date or version metadata, text kept as
text (``svg.fonttype: none``, so the browser shapes the Arabic labels) and measured with the
DejaVu Sans font that matplotlib itself ships.

Usage (two to three minutes on two cores)::

    python docs/scripts/make_figures.py [--out DIR] [--data-dir DIR]

The data folder is ``--data-dir``, else ``$AMIQ_DATA_DIR``, else ``../shared/datasets/catvnoncat``
beside the repository, else the project's default (``datasets/catvnoncat``).
"""

import argparse
import io
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
# 0.1 is too large for this model (the cost jumps up and down); 0.001 is too small.
RATES = (0.1, 0.03, 0.0075, 0.001)

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
        ``{"two": costs, "deep": costs, "rates": {alpha: costs}}``; each ``costs`` is a list of
        floats rounded to 6 decimals (so last-bit differences of BLAS builds do not change the SVG).
    """
    from solutions.c1w4.cat_classifier import L_layer_model, two_layer_model

    def run(model, dims, rate):
        with redirect_stdout(io.StringIO()):
            _params, costs = model(
                train_x, train_y, dims, learning_rate=rate, num_iterations=iterations
            )
        return [round(float(np.squeeze(c)), 6) for c in costs]

    curves = {"rates": {}}
    for rate in RATES:
        curves["rates"][rate] = run(two_layer_model, TWO_LAYER_DIMS, rate)
    curves["two"] = curves["rates"][LEARNING_RATE]
    curves["deep"] = run(L_layer_model, L_LAYER_DIMS, LEARNING_RATE)
    return curves


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
        "learning-rates": [
            (rate, f"α = {rate:g}", curves["rates"][rate]) for rate in sorted(curves["rates"])
        ][::-1],
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
