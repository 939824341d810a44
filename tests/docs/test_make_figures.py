"""docs/scripts/make_figures.py: deterministic SVG plots, committed copies that regenerate identically.

The learning-rate figure is made by the sweep code and compared by its data record instead (its
runs above 0.0075 are chaotic): see test_make_figures_learning_rates.py.
"""

import importlib.util
import re

import pytest

from .conftest import CONTENT_DIR, DOCS_DIR

FIGURES = CONTENT_DIR / "assets" / "figures"
NAMES = ("cost-two-layer", "cost-L-layer", "cost-curves")


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


def test_rendering_is_byte_for_byte_deterministic():
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


def test_write_figures_names_the_languages_for_static_i18n(tmp_path):
    written = make_figures.write_figures(FAKE_CURVES, tmp_path)
    assert sorted(p.name for p in written) == sorted(
        [f"{n}.svg" for n in NAMES] + [f"{n}.en.svg" for n in NAMES]
    )


def test_committed_figures_exist_in_both_languages():
    for name in NAMES:
        ar, en = FIGURES / f"{name}.svg", FIGURES / f"{name}.en.svg"
        assert ar.is_file() and en.is_file(), f"run python docs/scripts/make_figures.py ({name})"
        assert "التكلفة" in ar.read_text(encoding="utf-8")
        assert "cost J" in en.read_text(encoding="utf-8")


@pytest.mark.slow
def test_committed_figures_regenerate_identically(tmp_path):
    """Retrains the reference models on the real data (2-3 minutes) and compares every SVG."""
    try:
        train_x, train_y, _test_x, _test_y = make_figures.load_dataset()
    except (SystemExit, Exception) as exc:  # the data is required: CI has it in ../shared
        pytest.fail(f"the cat-vs-non-cat data could not be loaded: {exc}")
    curves = make_figures.train_curves(train_x, train_y)
    # The published numbers, as a sanity check that these are the reference runs.
    assert curves["two"][0] == pytest.approx(0.693049735659989, abs=1e-6)
    assert curves["deep"][0] == pytest.approx(0.7717493284237686, abs=1e-6)
    written = make_figures.write_figures(curves, tmp_path)
    stale = [
        p.name
        for p in written
        if p.read_text(encoding="utf-8") != (FIGURES / p.name).read_text(encoding="utf-8")
    ]
    import matplotlib

    assert not stale, (
        f"committed figures differ from a fresh run with matplotlib {matplotlib.__version__}: "
        f"{stale}; regenerate with `python docs/scripts/make_figures.py`"
    )


def test_committed_cost_curves_name_both_models():
    text = (FIGURES / "cost-curves.en.svg").read_text(encoding="utf-8")
    assert re.search(r">two-layer model \(12288, 7, 1\)</text>", text)
    assert re.search(r">L-layer model \[12288, 20, 7, 5, 1\]</text>", text)
