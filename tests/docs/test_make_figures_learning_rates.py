"""docs/scripts/make_figures.py, the learning-rate figure: the lab's sweep, compared by data.

The figure on the hyperparameter page is the learning-rate lab's sweep, run and drawn by the code
of ``amiq sweep``. It is never compared byte for byte. Its JSON record says what it shows, and
the tests check (1) that the record is the lab's declared sweep, (2) that each committed SVG
draws the record's curves (one path per setting whose points are the record's costs, up to the
plot's scale) with labels in the page's language, and (3) that running the sweep again gives
the record's numbers within tolerances: exactly (to the record's 6 decimals) where training is
stable, and where it is chaotic (0.03 and 0.1 after a few hundred iterations, see
``course/c1w4/grading/lab.py``) only the conclusions: the same settings within the margin.
"""

import copy
import importlib.util
import json
import re

import numpy as np
import pytest

from grader.lab import load_lab

from .conftest import CONTENT_DIR, DOCS_DIR

FIGURES = CONTENT_DIR / "assets" / "figures"
RECORD = FIGURES / "learning-rates.json"


def _load_script():
    spec = importlib.util.spec_from_file_location("amiq_make_figures_lr",
                                                  DOCS_DIR / "scripts" / "make_figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_figures = _load_script()


@pytest.fixture(scope="module")
def record():
    return json.loads(RECORD.read_text(encoding="utf-8"))


def _curve_paths(svg, colour):
    """The vertices ``(x, y)`` of every clipped line path drawn in ``colour`` (the data lines;
    the legend's sample lines are not clipped)."""
    paths = re.findall(r'<path d="([^"]*)"\s+clip-path="[^"]*"\s+style="fill: none; stroke: '
                       + colour, svg)
    return [np.array([[float(v) for v in pair.split()]
                      for pair in re.findall(r"[ML] ([-\d.]+ [-\d.]+)", d)]) for d in paths]


def test_the_record_is_the_labs_sweep(record):
    lab = load_lab(make_figures.LAB_UNIT)
    assert record["lab"] == lab.id
    assert record["version"] == make_figures.RECORD_VERSION
    assert (record["model"], tuple(record["layers"]), record["iterations"]) == \
        (lab.model, lab.layers, lab.iterations)
    assert [c["learning_rate"] for c in record["curves"]] == list(lab.rates)
    assert record["margin"] == lab.margin and record["engine"] == "fast"
    best = min(c["final_cost"] for c in record["curves"] if not c["diverged"])
    assert record["within_margin"] == [c["learning_rate"] for c in record["curves"]
                                       if not c["diverged"]
                                       and c["final_cost"] <= best * (1 + lab.margin)]
    for curve in record["curves"]:
        assert curve["iterations"][0] == 0 and curve["iterations"][-1] == lab.iterations - 1
        assert len(curve["iterations"]) == len(curve["costs"])
        assert curve["costs"][-1] == curve["final_cost"]


@pytest.mark.parametrize("lang, name, title", [
    ("ar", "learning-rates.svg", make_figures.SWEEP_TITLES["ar"]),
    ("en", "learning-rates.en.svg", make_figures.SWEEP_TITLES["en"]),
])
def test_each_svg_draws_the_records_curves_in_its_language(record, lang, name, title):
    svg = (FIGURES / name).read_text(encoding="utf-8")
    assert f">{title}</text>" in svg
    assert f">{make_figures.LABELS[lang]['iterations']}</text>" in svg
    xs, ys, ticks = [], [], []
    for curve in record["curves"]:
        assert f">{curve['label']}</text>" in svg
        paths = _curve_paths(svg, make_figures.STYLE[curve["learning_rate"]]["color"].lower())
        assert len(paths) == 1, curve["label"]
        drawn = paths[0]
        assert len(drawn) == len(curve["costs"]), curve["label"]
        xs.append(drawn[:, 0])
        ys.append(drawn[:, 1])
        ticks.append((curve["iterations"], curve["costs"]))
    # One scale for all curves: pixel = a * value + b on each axis, to a hundredth of a pixel.
    for axis, pixels in ((0, xs), (1, ys)):
        values = np.concatenate([np.asarray(t[axis], dtype=float) for t in ticks])
        pixels = np.concatenate(pixels)
        fit = np.polyfit(values, pixels, 1)
        assert np.abs(np.polyval(fit, values) - pixels).max() < 0.01
        assert (fit[0] > 0) == (axis == 0)  # SVG's y axis points down


def test_a_record_renders_without_training(record):
    fake = dict(record, curves=[dict(c, costs=[0.69, 0.5, None], iterations=[0, 1, 2],
                                     diverged=(i == 3)) for i, c in enumerate(record["curves"])])
    for lang in ("ar", "en"):
        svg = make_figures.render_learning_rates(fake, lang)
        assert f">{make_figures.SWEEP_TITLES[lang]}</text>" in svg
        assert all(f">α = {rate:g}</text>" in svg for rate in (0.001, 0.0075, 0.03, 0.1))


def test_writing_names_the_languages_for_static_i18n(record, tmp_path):
    written = make_figures.write_learning_rates(record, tmp_path)
    assert sorted(p.name for p in written) == ["learning-rates.en.svg", "learning-rates.json",
                                               "learning-rates.svg"]
    assert json.loads((tmp_path / "learning-rates.json").read_text(encoding="utf-8")) == record


def test_running_the_sweep_again_gives_the_records_numbers(record, real_data_dir):
    train_x, train_y, _test_x, _test_y = make_figures.load_dataset(real_data_dir)
    fresh = make_figures.learning_rate_record(*make_figures.sweep_learning_rates(train_x, train_y))
    assert fresh["within_margin"] == record["within_margin"] == [0.03]
    assert make_figures.learning_rate_problems(record, fresh) == []


def test_the_record_check_catches_a_changed_curve_or_conclusion(record):
    assert make_figures.learning_rate_problems(record, copy.deepcopy(record)) == []
    stable = copy.deepcopy(record)
    curve = next(c for c in stable["curves"] if c["learning_rate"] == 0.0075)
    curve["costs"][-1] += 10 * make_figures.ROUNDING
    assert any("α = 0.0075" in p for p in make_figures.learning_rate_problems(record, stable))
    early = copy.deepcopy(record)
    curve = next(c for c in early["curves"] if c["learning_rate"] == 0.1)
    curve["costs"][1] += 10 * make_figures.ROUNDING
    assert any("α = 0.1" in p for p in make_figures.learning_rate_problems(record, early))
    # After the stable iterations a chaotic curve may differ; the conclusion may not.
    late = copy.deepcopy(record)
    curve = next(c for c in late["curves"] if c["learning_rate"] == 0.1)
    curve["costs"][-1] += 0.01
    assert make_figures.learning_rate_problems(record, late) == []
    other = copy.deepcopy(record)
    other["within_margin"] = [0.0075]
    assert any(p.startswith("within_margin") for p in make_figures.learning_rate_problems(record, other))


@pytest.mark.parametrize("page", ["parameters-vs-hyperparameters.md",
                                  "parameters-vs-hyperparameters.en.md"])
def test_the_hyperparameter_page_shows_the_figure_and_states_the_record_and_the_margin(record,
                                                                                      page):
    text = (CONTENT_DIR / "c1w4" / page).read_text(encoding="utf-8")
    assert "](../assets/figures/learning-rates.svg)" in text
    assert f"{record['iterations']} " in text and f"{record['plot_step']} " in text
    assert all(f"`{c['learning_rate']:g}`" in text for c in record["curves"])
    assert f"{100 * record['margin']:g} %" in text and "amiq grade lab" in text
