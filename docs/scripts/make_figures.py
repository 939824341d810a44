"""Generate the docs site's plots from the project's own reference code: data records and SVGs.

Trains the reference models of ``solutions.c1w4.cat_classifier`` on the real cat-vs-non-cat data
and writes, for each figure, a data record (``<name>.json``: what the plot shows) and, rendered
from that record alone, an Arabic SVG (``<name>.svg``, the default language) and an English one
(``<name>.en.svg``; mkdocs-static-i18n serves it at the same URL under ``/en/``):

* ``cost-two-layer``  - two-layer model (12288, 7, 1), learning rate 0.0075, 2500 iterations;
* ``cost-L-layer``    - L-layer model [12288, 20, 7, 5, 1], learning rate 0.0075, 2500 iterations;
* ``cost-curves``     - both curves on one plot;
* ``learning-rates``  - the sweep of the learning-rate lab (``course/c1w4/grading/lab.py``: the
  two-layer model, learning rates 0.001, 0.0075, 0.03 and 0.1, 1200 iterations each), run by the
  code of ``amiq sweep`` (``run_sweep`` on the fast engine, one BLAS thread per setting) and drawn
  by ``course.plots.sweep_figure``, with its own record (``learning-rates.json``: the lab's
  settings, the curves, which settings end within the lab's margin of the best).

The two cost figures are trained on the fast exact engine (``course/train/fast.py``: the
reference's costs within 1e-9 relative, in seconds instead of minutes).

A record holds the plotted series (x and y data, legend label in both languages, colour, line
and marker), the axis labels, the title, the axis scales and limits. Each SVG carries the SHA-256
of its record's file in its ``<dc:description>``, and each plotted series is an SVG group
``amiq-series-<i>`` whose vertices are the record's points on the page.

``--check`` compares instead of writing: the committed records with freshly computed ones (labels,
styles, scales, limits, x values and lengths exactly; plotted y values within ``1e-4`` of the
figure's y span, a fortieth of a pixel: another NumPy/BLAS build changes the last bits of a cost,
amplified by the oscillating learning-rate-0.1 run, not what a plot shows; see
:data:`SPAN_TOLERANCE`), and each committed SVG with its committed record (:func:`svg_problems`).
SVG bytes are never compared: another matplotlib release writes other bytes for the same plot.

Rendering is deterministic for one matplotlib release (fixed seeds inside the reference models,
``svg.hashsalt`` fixed, no date or version metadata); text stays text (``svg.fonttype: none``,
so the browser shapes the Arabic labels) measured with the DejaVu Sans font matplotlib ships.

Usage (two to three minutes on two cores)::

    python docs/scripts/make_figures.py [--out DIR] [--data-dir DIR] [--check]

The data folder is ``--data-dir``, else ``$AMIQ_DATA_DIR``, else ``../shared/datasets/catvnoncat``
beside the repository, else the project's default (``datasets/catvnoncat``).
"""

import argparse
import hashlib
import io
import itertools
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
    """Train the course's two cat models and return their recorded costs (every 100 iterations).

    The fast exact engine (:func:`course.train.engines.fit` with ``"fast"``) gives the course-style
    reference's costs within 1e-9 relative (``tests/course/train/test_fast.py``), far below what
    a plot shows.

    Parameters
    ----------
    train_x : numpy.ndarray, shape (12288, m)
    train_y : numpy.ndarray, shape (1, m)
    iterations : int
        Gradient-descent iterations of every run.

    Returns
    -------
    dict
        ``{"two": costs, "deep": costs}``; each ``costs`` is a list of Python floats, at full
        precision (records are compared within a tolerance, never by their digits).
    """
    from course.train.engines import fit

    def run(model, dims):
        fitted = fit("fast", train_x, train_y, model, tuple(dims), LEARNING_RATE, iterations,
                     print_cost=False, show_bar=False)
        return [float(np.squeeze(c)) for c in fitted.costs]

    return {"two": run("two-layer", TWO_LAYER_DIMS), "deep": run("L-layer", L_LAYER_DIMS)}


# ---------------------------------------------------------------------------------------------
# Records: what each figure shows
# ---------------------------------------------------------------------------------------------

RECORD_NOTE = (
    "Generated by docs/scripts/make_figures.py from the reference solution; do not edit. "
    "The SVGs beside it are rendered from this record and carry its SHA-256."
)
SERIES_GID = "amiq-series-{index}"
DIGEST_PREFIX = "amiq figure record sha256:"


def _series(key, costs, label=None):
    """One plotted series: ``key`` picks the style (and the label, unless ``label`` is given)."""
    return {
        "label": {lang: label or LABELS[lang][key] for lang in LABELS},
        # As JSON holds it (a dash pattern tuple becomes a list; _style turns it back).
        "style": json.loads(json.dumps(STYLE[key])),
        "x": [int(i) for i in np.arange(len(costs)) * 100],
        "y": [float(c) for c in costs],
    }


def _record(name, series):
    return {
        "figure": name,
        "note": RECORD_NOTE,
        "title": None,
        "xlabel": {lang: LABELS[lang]["iterations"] for lang in LABELS},
        "ylabel": {lang: LABELS[lang]["cost"] for lang in LABELS},
        "xscale": "linear",
        "yscale": "linear",
        # null: matplotlib's automatic limit (from the data) on that side.
        "xlim": [0, ITERATIONS],
        "ylim": [0, None],
        "legend": True,
        "series": series,
    }


def build_records(curves):
    """Describe every figure as a data record.

    Parameters
    ----------
    curves : dict
        As returned by :func:`train_curves`.

    Returns
    -------
    dict
        ``{name: record}``. A record is JSON-able: ``figure``, ``title`` (``None`` or
        ``{lang: text}``), ``xlabel``/``ylabel`` (``{lang: text}``), ``xscale``/``yscale``,
        ``xlim``/``ylim`` (``[low, high]``, ``None`` for automatic), ``legend`` and ``series``:
        a list of ``{"label": {lang: text}, "style": {...}, "x": [...], "y": [...]}`` in drawing
        order, ``x`` the iteration and ``y`` the cost (``len(costs)`` points each).
    """
    return {
        "cost-two-layer": _record("cost-two-layer", [_series("two", curves["two"])]),
        "cost-L-layer": _record("cost-L-layer", [_series("deep", curves["deep"])]),
        "cost-curves": _record(
            "cost-curves", [_series("two", curves["two"]), _series("deep", curves["deep"])]
        ),
    }


def record_text(record):
    """The file text of a record (stable key order, one trailing newline)."""
    return json.dumps(record, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def record_digest(text):
    """SHA-256 (hex) of a record file's text, as embedded in the SVGs rendered from it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------
# Rendering a record
# ---------------------------------------------------------------------------------------------


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
            # Every point of the data stays a vertex of the drawn path (svg_problems counts them).
            "path.simplify": False,
        }
    )
    import matplotlib.pyplot as plt

    return plt


def _svg_text(fig, digest):
    """Serialise a figure to SVG text: no date, creator or generator comment; the record's digest."""
    buffer = io.StringIO()
    fig.savefig(
        buffer,
        format="svg",
        bbox_inches="tight",
        metadata={"Date": None, "Creator": None, "Format": None, "Type": None,
                  "Description": DIGEST_PREFIX + digest},
    )
    text = buffer.getvalue()
    # The backend always writes a "Created with matplotlib (<url>)" comment; keep the file neutral.
    return re.sub(r"<!-- Created with matplotlib.*?-->\n?", "", text)


def _style(style):
    style = dict(style)
    if isinstance(style.get("linestyle"), list):  # JSON has no tuples: (offset, (on, off, ...))
        offset, dashes = style["linestyle"]
        style["linestyle"] = (offset, tuple(dashes))
    return style


def render_record(record, lang, plt=None):
    """Render one record as SVG text in ``lang`` (``"ar"`` or ``"en"``).

    Only the record is used, so the SVG shows exactly what the record describes; the SVG
    carries :func:`record_digest` of :func:`record_text` of the record.
    """
    plt = plt or _configure_matplotlib()
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    for index, series in enumerate(record["series"]):
        ax.plot(series["x"], series["y"], label=series["label"][lang], markersize=4,
                linewidth=1.6, gid=SERIES_GID.format(index=index), **_style(series["style"]))
    if record["title"]:
        ax.set_title(record["title"][lang])
    ax.set_xlabel(record["xlabel"][lang])
    ax.set_ylabel(record["ylabel"][lang])
    ax.set_xscale(record["xscale"])
    ax.set_yscale(record["yscale"])
    ax.set_xlim(*record["xlim"])
    ax.set_ylim(*record["ylim"])
    if record["legend"]:
        ax.legend(frameon=False)
    try:
        return _svg_text(fig, record_digest(record_text(record)))
    finally:
        plt.close(fig)


def render_figures(curves, lang):
    """Return ``{name: svg_text}`` for one language."""
    plt = _configure_matplotlib()
    return {name: render_record(record, lang, plt)
            for name, record in build_records(curves).items()}


def write_figures(curves, out_dir):
    """Write every figure's record and its SVGs in both languages into ``out_dir``.

    Returns
    -------
    list of pathlib.Path
        The written files: ``<name>.json``, ``<name>.svg`` (Arabic), ``<name>.en.svg``.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plt = _configure_matplotlib()
    written = []
    for name, record in build_records(curves).items():
        path = out_dir / f"{name}.json"
        path.write_text(record_text(record), encoding="utf-8")
        written.append(path)
        for lang, suffix in (("ar", ".svg"), ("en", ".en.svg")):
            path = out_dir / f"{name}{suffix}"
            path.write_text(render_record(record, lang, plt), encoding="utf-8")
            written.append(path)
    return written


# ---------------------------------------------------------------------------------------------
# Checking committed figures: records within a tolerance, SVGs against their records
# ---------------------------------------------------------------------------------------------

# Plotted values must agree within this fraction of the figure's y span (largest minus smallest
# y of all its series): 1e-4 is a fortieth of a pixel at the published height (~260 px), so no
# visible change passes, and no last-bit drift fails. Not the 1e-9 of the other checks: the
# learning-rate 0.1 run oscillates (its cost jumps between iterations), which amplifies the
# last-bit differences of BLAS builds far beyond 1e-9 over 2500 iterations (a new matplotlib/
# NumPy moved that figure's y ticks by 1/2000 px).
SPAN_TOLERANCE = 1e-4
# The SVG writes coordinates with 6 decimals: points may sit this far (in px) off the line
# through the record's data.
PIXEL_TOLERANCE = 1e-3

_TEXT = re.compile(r"<text\b[^>]*>([^<]*)</text>")
_VERTEX = re.compile(r"[ML] (-?[\d.]+(?:e-?\d+)?) (-?[\d.]+(?:e-?\d+)?)")


def _unescape(text):
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&#39;", "'").replace("&amp;", "&"))


def read_svg(svg_text):
    """What a rendered SVG shows, read back from its text.

    Returns
    -------
    dict
        ``digest`` (the record digest it carries, or ``None``), ``texts`` (every ``<text>``
        content, in order) and ``series``: one ``numpy.ndarray`` of shape ``(n_points, 2)``
        per ``amiq-series-<i>`` group (the path's vertices in SVG units), plus ``markers``,
        the number of markers drawn in each of those groups.
    """
    digest = re.search(re.escape(DIGEST_PREFIX) + r"([0-9a-f]{64})", svg_text)
    series, markers = [], []
    for index in itertools.count():
        gid = SERIES_GID.format(index=index)
        start = svg_text.find(f'<g id="{gid}">')
        if start < 0:
            break
        end = svg_text.find('<g id="', start + 1)
        group = svg_text[start:end if end > 0 else len(svg_text)]
        path = re.search(r'<path d="([^"]*)"', group)
        vertices = [(float(x), float(y)) for x, y in _VERTEX.findall(path.group(1) if path else "")]
        series.append(np.array(vertices, dtype=float).reshape(-1, 2))
        markers.append(group.count("<use "))
    return {
        "digest": digest.group(1) if digest else None,
        "texts": [_unescape(t) for t in _TEXT.findall(svg_text)],
        "series": series,
        "markers": markers,
    }


def _fit_problem(axis, data, drawn, scale):
    """Do the drawn coordinates follow the data through one affine map (the axis)?"""
    data = np.log10(data) if scale == "log" else np.asarray(data, dtype=float)
    design = np.column_stack([data, np.ones_like(data)])
    (slope, offset), *_ = np.linalg.lstsq(design, drawn, rcond=None)
    worst = float(np.max(np.abs(design @ (slope, offset) - drawn)))
    if slope == 0 or not worst <= PIXEL_TOLERANCE:
        return [f"{axis}: the drawn points are not the record's data (off by {worst:.3g} px)"]
    return []


def svg_problems(record, svg_text, lang):
    """Check that an SVG was rendered from ``record`` in ``lang``, by what it shows.

    Checked: the digest of the record's file text in the SVG; the title, axis labels and legend
    entries as text elements; one ``amiq-series-<i>`` group per series with as many path
    vertices and markers as the series has points; and that all vertices of all series follow
    the record's x and y data through one affine map per axis (the axis scale), within
    :data:`PIXEL_TOLERANCE`. SVG bytes are never compared.

    Returns
    -------
    list of str
        Problems; empty when the SVG shows the record.
    """
    shown = read_svg(svg_text)
    problems = []
    if shown["digest"] != record_digest(record_text(record)):
        problems.append("carries another record's digest (re-render from the record)")
    labels = [record["xlabel"][lang], record["ylabel"][lang]]
    labels += [series["label"][lang] for series in record["series"]] if record["legend"] else []
    labels += [record["title"][lang]] if record["title"] else []
    missing = [label for label in labels if label not in shown["texts"]]
    if missing:
        problems.append(f"text missing: {missing}")
    if len(shown["series"]) != len(record["series"]):
        return problems + [f"{len(shown['series'])} series drawn, the record has "
                           f"{len(record['series'])}"]
    counts = []
    for index, (series, drawn, markers) in enumerate(
            zip(record["series"], shown["series"], shown["markers"])):
        if len(drawn) != len(series["x"]) or markers != len(series["x"]):
            counts.append(f"series {index}: {len(drawn)} vertices and {markers} markers drawn, "
                          f"the record has {len(series['x'])} points")
    if counts:
        return problems + counts
    drawn = np.concatenate(shown["series"])
    xs = np.concatenate([series["x"] for series in record["series"]])
    ys = np.concatenate([series["y"] for series in record["series"]])
    problems += _fit_problem("x", xs, drawn[:, 0], record["xscale"])
    problems += _fit_problem("y", ys, drawn[:, 1], record["yscale"])
    return problems


def tolerance_of(record):
    """The absolute tolerance of a record's plotted values: :data:`SPAN_TOLERANCE` x its y span."""
    ys = [y for series in record["series"] for y in series["y"]]
    return SPAN_TOLERANCE * (max(ys) - min(ys)) if ys else 0.0


def check_figures(curves, folder):
    """Compare the committed figures in ``folder`` with freshly computed records.

    Each committed record must match the fresh one (numbers within :func:`tolerance_of` the
    stored record, i.e. :data:`SPAN_TOLERANCE` times its y span; labels, styles, scales, limits,
    x values and lengths exactly; see :func:`course.authoring.drift.differences`) and each
    committed SVG must show its committed record (:func:`svg_problems`).

    Returns
    -------
    list of str
        Problems, each naming its file; empty when the figures are up to date.
    """
    from course.authoring.drift import differences

    folder = Path(folder)
    problems = []
    for name, fresh in build_records(curves).items():
        path = folder / f"{name}.json"
        if not path.is_file():
            problems.append(f"{path}: missing")
            continue
        stored = json.loads(path.read_text(encoding="utf-8"))
        problems += [f"{path}: {line}" for line in differences(
            stored, fresh, rtol=0.0, atol=tolerance_of(stored), path=name)]
        for lang, suffix in (("ar", ".svg"), ("en", ".en.svg")):
            svg = folder / f"{name}{suffix}"
            if not svg.is_file():
                problems.append(f"{svg}: missing")
                continue
            problems += [f"{svg}: {line}"
                         for line in svg_problems(stored, svg.read_text(encoding="utf-8"), lang)]
    return problems


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
        return _svg_text(fig, record_digest(learning_rate_text(record)))


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
    path.write_text(learning_rate_text(record), encoding="utf-8")
    return written + [path]


def learning_rate_text(record):
    """The file text of the learning-rate record (its SVGs carry this text's SHA-256)."""
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


# Until this iteration every setting of the lab is stable: a rerun on another NumPy/BLAS build
# matches the record to its 6 decimals. After it, 0.03 and 0.1 are chaotic (last-bit differences
# grow into other curves), so only the conclusions are compared.
STABLE_UNTIL = 300
STABLE_RATES = (0.001, 0.0075)
ROUNDING = 1e-6


def learning_rate_problems(stored, fresh):
    """Compare the committed learning-rate record with a fresh sweep, by what is stable.

    Settings, iterations and the rates within the lab's margin exactly; the stable settings'
    costs (:data:`STABLE_RATES`) within the record's rounding everywhere, the chaotic ones' up to
    :data:`STABLE_UNTIL`; and the best setting still ends at least 5x below every other.

    Returns
    -------
    list of str
        Problems; empty when the record is what the lab's sweep gives.
    """
    problems = []
    for key in ("lab", "model", "layers", "iterations", "margin", "within_margin"):
        if stored.get(key) != fresh.get(key):
            problems.append(f"{key}: {stored.get(key)!r} != {fresh.get(key)!r}")
    if len(stored["curves"]) != len(fresh["curves"]):
        return problems + ["another number of curves"]
    for old, new in zip(stored["curves"], fresh["curves"]):
        rate = old["learning_rate"]
        if new["learning_rate"] != rate or new["iterations"] != old["iterations"]:
            problems.append(f"α = {rate:g}: other settings or iterations")
            continue
        keep = [i for i, it in enumerate(old["iterations"])
                if rate in STABLE_RATES or it <= STABLE_UNTIL]
        for i in keep:
            a, b = old["costs"][i], new["costs"][i]
            if (a is None) != (b is None) or (a is not None and abs(a - b) > ROUNDING):
                problems.append(f"α = {rate:g}, iteration {old['iterations'][i]}: {a} != {b}")
                break
    finals = {c["learning_rate"]: c["final_cost"] for c in fresh["curves"]
              if c["final_cost"] is not None and not c["diverged"]}
    if finals:
        best = min(finals, key=finals.get)
        if any(finals[best] * 5 >= cost for rate, cost in finals.items() if rate != best):
            problems.append(f"α = {best:g} no longer ends far below every other setting")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="output (or checked) folder")
    parser.add_argument("--data-dir", default=None, help="folder with the two .h5 files")
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed figures (data within "
                        f"{SPAN_TOLERANCE:g} of each figure's y span) instead of writing")
    args = parser.parse_args(argv)
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    train_x, train_y, _test_x, _test_y = load_dataset(args.data_dir)
    curves = train_curves(train_x, train_y)
    lab_record = learning_rate_record(*sweep_learning_rates(train_x, train_y))
    if args.check:
        print(f"data compared within {SPAN_TOLERANCE:g} of each figure's y span, labels, axes "
              "and SVGs by what they show / البيانات ضمن سماحية قدرها "
              f"{SPAN_TOLERANCE:g} من مدى المحور الرأسي، والتسميات والمحاور والرسوم بما تعرضه")
        problems = check_figures(curves, args.out)
        stored = Path(args.out) / f"{LEARNING_RATES_NAME}.json"
        if stored.is_file():
            stored_record = json.loads(stored.read_text(encoding="utf-8"))
            problems += [f"{stored}: {line}"
                         for line in learning_rate_problems(stored_record, lab_record)]
        else:
            problems.append(f"{stored}: missing")
        for line in problems:
            print(line)
        if problems:
            print("regenerate with `python docs/scripts/make_figures.py` / "
                  "أعد التوليد بالأمر `python docs/scripts/make_figures.py`")
            return 1
        print("the figures are up to date / الرسوم محدَّثة")
        return 0
    for path in write_figures(curves, args.out) + write_learning_rates(lab_record, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
