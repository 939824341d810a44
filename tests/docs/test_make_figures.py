"""docs/scripts/make_figures.py: figures as data records, SVGs checked by what they show.

The learning-rate figure is the lab's sweep, with a record of its own whose chaotic runs are
compared by what is stable: see test_make_figures_learning_rates.py.

The committed records must match a fresh run within a tolerance (slow test: it retrains), and the
committed SVGs must show their committed records; SVG bytes are never compared with the files.
"""

import copy
import importlib.util
import json
import re

import pytest

from .conftest import CONTENT_DIR, DOCS_DIR

FIGURES = CONTENT_DIR / "assets" / "figures"
NAMES = ("cost-two-layer", "cost-L-layer", "cost-curves")
LANGS = (("ar", ".svg"), ("en", ".en.svg"))


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "amiq_make_figures", DOCS_DIR / "scripts" / "make_figures.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_figures = _load_script()

FAKE_CURVES = {
    "two": [0.69, 0.5, 0.3, 0.1],
    "deep": [0.77, 0.6, 0.4, 0.2],
}


def _committed_record(name):
    return json.loads((FIGURES / f"{name}.json").read_text(encoding="utf-8"))


def _curves_of_committed_records():
    """The curves the committed records were built from, read back from their series."""
    by_label = {
        series["label"]["en"]: series["y"]
        for name in NAMES
        for series in _committed_record(name)["series"]
    }
    return {
        "two": by_label[make_figures.LABELS["en"]["two"]],
        "deep": by_label[make_figures.LABELS["en"]["deep"]],
    }


def test_rendering_is_deterministic_within_one_matplotlib_release():
    first = make_figures.render_figures(FAKE_CURVES, "ar")
    second = make_figures.render_figures(FAKE_CURVES, "ar")
    assert first == second
    for text in first.values():
        assert "<dc:date>" not in text and "Created with matplotlib" not in text
        assert "matplotlib.org" not in text and "Matplotlib v" not in text


@pytest.mark.parametrize(
    "lang, words", [("ar", ("التكرار", "التكلفة")), ("en", ("iteration", "cost J"))]
)
def test_labels_are_text_in_the_page_language(lang, words):
    svgs = make_figures.render_figures(FAKE_CURVES, lang)
    assert set(svgs) == set(NAMES)
    for word in words:
        assert all(f">{word}</text>" in text for text in svgs.values()), word


def test_write_figures_writes_records_and_both_languages(tmp_path):
    written = make_figures.write_figures(FAKE_CURVES, tmp_path)
    assert sorted(p.name for p in written) == sorted(
        [f"{n}.json" for n in NAMES] + [f"{n}.svg" for n in NAMES] + [f"{n}.en.svg" for n in NAMES]
    )
    assert make_figures.check_figures(FAKE_CURVES, tmp_path) == []


def test_records_describe_what_is_plotted():
    records = make_figures.build_records(FAKE_CURVES)
    record = records["cost-curves"]
    assert [s["label"]["en"] for s in record["series"]] == [make_figures.LABELS["en"]["two"],
                                                            make_figures.LABELS["en"]["deep"]]
    assert record["series"][0]["x"] == [0, 100, 200, 300]
    assert record["series"][1]["y"] == FAKE_CURVES["deep"]
    assert (record["xscale"], record["yscale"], record["xlim"], record["ylim"]) == (
        "linear", "linear", [0, make_figures.ITERATIONS], [0, None])
    assert records["cost-curves"]["xlabel"] == {"ar": "التكرار", "en": "iteration"}


def test_committed_figures_exist_in_both_languages_with_their_records():
    for name in NAMES:
        ar, en = FIGURES / f"{name}.svg", FIGURES / f"{name}.en.svg"
        assert ar.is_file() and en.is_file(), f"run python docs/scripts/make_figures.py ({name})"
        assert (FIGURES / f"{name}.json").is_file(), f"{name}.json: the figure's data record"
        assert "التكلفة" in ar.read_text(encoding="utf-8")
        assert "cost J" in en.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_committed_svgs_show_their_committed_records(name):
    record = _committed_record(name)
    for lang, suffix in LANGS:
        svg = (FIGURES / f"{name}{suffix}").read_text(encoding="utf-8")
        assert make_figures.svg_problems(record, svg, lang) == [], f"{name}{suffix}"


def test_committed_records_have_the_scripts_current_layout():
    # Rebuilt from their own data, the records come out identical: labels, styles, axes, x.
    rebuilt = make_figures.build_records(_curves_of_committed_records())
    for name in NAMES:
        assert rebuilt[name] == _committed_record(name), name


@pytest.mark.parametrize("name", NAMES)
def test_todays_matplotlib_renders_the_committed_records_identically_in_content(name):
    # Whatever bytes this matplotlib writes, the SVG shows the same data, labels and axes.
    record = _committed_record(name)
    for lang, _suffix in LANGS:
        assert make_figures.svg_problems(record, make_figures.render_record(record, lang), lang) == []


def test_svg_check_catches_a_changed_point_label_series_or_record():
    record = make_figures.build_records(FAKE_CURVES)["cost-curves"]
    svg = make_figures.render_record(record, "en")
    assert make_figures.svg_problems(record, svg, "en") == []

    moved = copy.deepcopy(record)
    moved["series"][0]["y"][2] += 0.01  # one point, about 2 px on the page
    problems = make_figures.svg_problems(moved, svg, "en")
    assert any(p.startswith("y: the drawn points are not the record's data") for p in problems)
    assert any("digest" in p for p in problems)

    relabelled = svg.replace(">cost J</text>", ">loss</text>")
    assert any("text missing: ['cost J']" in p
               for p in make_figures.svg_problems(record, relabelled, "en"))

    one_series = make_figures.build_records(FAKE_CURVES)["cost-two-layer"]
    assert any("1 series drawn, the record has 2" in p
               for p in make_figures.svg_problems(record, make_figures.render_record(one_series, "en"), "en"))

    shorter = copy.deepcopy(record)
    for series in shorter["series"]:
        series["x"], series["y"] = series["x"][:3], series["y"][:3]
    assert any("vertices and 4 markers drawn, the record has 3 points" in p
               for p in make_figures.svg_problems(shorter, svg, "en"))


def test_record_check_uses_the_stated_tolerance(tmp_path):
    make_figures.write_figures(FAKE_CURVES, tmp_path)
    assert make_figures.SPAN_TOLERANCE == 1e-4
    span = max(FAKE_CURVES["deep"]) - min(FAKE_CURVES["deep"])
    drifted = copy.deepcopy(FAKE_CURVES)
    drifted["deep"][1] += 0.5e-4 * span  # invisible: half the tolerance
    assert make_figures.check_figures(drifted, tmp_path) == []
    changed = copy.deepcopy(FAKE_CURVES)
    changed["deep"][1] += 2e-4 * span
    problems = make_figures.check_figures(changed, tmp_path)
    assert problems and all("cost-L-layer.json" in p or "cost-curves.json" in p for p in problems)
    assert any("['series'][0]['y']" in p for p in problems)


@pytest.mark.slow
def test_committed_figures_match_a_fresh_run():
    """Retrains the two cat models on the real data (fast engine, seconds) and the lab's sweep,
    and checks every figure: records within the stated tolerance, SVGs by what they show, the
    learning-rate record by what is stable."""
    try:
        train_x, train_y, _test_x, _test_y = make_figures.load_dataset()
    except (SystemExit, Exception) as exc:  # the data is required: CI has it in ../shared
        pytest.fail(f"the cat-vs-non-cat data could not be loaded: {exc}")
    curves = make_figures.train_curves(train_x, train_y)
    # The published numbers, as a sanity check that these are the reference runs.
    assert curves["two"][0] == pytest.approx(0.693049735659989, rel=1e-9)
    assert curves["deep"][0] == pytest.approx(0.7717493284237686, rel=1e-9)
    problems = make_figures.check_figures(curves, FIGURES)
    lab_record = make_figures.learning_rate_record(
        *make_figures.sweep_learning_rates(train_x, train_y))
    problems += make_figures.learning_rate_problems(
        json.loads((FIGURES / "learning-rates.json").read_text(encoding="utf-8")), lab_record)
    import matplotlib
    import numpy

    assert not problems, (
        f"committed figures differ from a fresh run (numpy {numpy.__version__}, matplotlib "
        f"{matplotlib.__version__}): {problems}; regenerate with "
        "`python docs/scripts/make_figures.py`"
    )


def test_committed_cost_curves_name_both_models():
    text = (FIGURES / "cost-curves.en.svg").read_text(encoding="utf-8")
    assert re.search(r">two-layer model \(12288, 7, 1\)</text>", text)
    assert re.search(r">L-layer model \[12288, 20, 7, 5, 1\]</text>", text)
