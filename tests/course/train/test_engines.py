"""The engine registry: which engine runs, conflicts with --impl, and a missing fast engine."""

from course.cli.output import texts
import io
import sys
import warnings

import numpy as np
import pytest

from course.data import load_data, preprocess
from course.train import ENGINES, ImplementationError, TrainingConfigError, resolve_engine, train
from course.train.engines import default_sweep_engine, fast_available, load_fast


@pytest.fixture(scope="module")
def synthetic(synthetic_data_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        train_x, train_y, test_x, test_y, _ = load_data(synthetic_data_dir, synthetic=True)
    return preprocess(train_x), train_y, preprocess(test_x), test_y


def test_registry_names_and_networks():
    assert list(ENGINES) == ["fast", "reference", "student"]
    assert {name: e.impl for name, e in ENGINES.items()} == {
        "fast": "reference", "reference": "reference", "student": "student"}


@pytest.mark.parametrize("engine, impl, default, expected", [
    (None, None, "reference", "fast"),
    (None, None, "student", "student"),
    (None, "reference", "student", "fast"),
    (None, "student", "reference", "student"),
    ("reference", None, "student", "reference"),
    ("reference", "reference", "student", "reference"),
    ("fast", None, "student", "fast"),
    ("student", "student", "reference", "student"),
])
def test_resolution(engine, impl, default, expected):
    assert resolve_engine(engine, impl, default_impl=default) == expected


@pytest.mark.parametrize("engine, impl", [("fast", "student"), ("student", "reference")])
def test_contradicting_options_are_refused_in_both_languages(engine, impl, lang):
    lang("en")
    with pytest.raises(TrainingConfigError, match="give only one of the two options") as info:
        resolve_engine(engine, impl)
    english, arabic = texts(info.value, both=True)
    assert f"--engine {engine}" in english and f"--impl {impl}" in english
    assert "اكتفِ بأحد الخيارين" in arabic


def test_unknown_engine_and_impl(lang):
    lang("en")
    with pytest.raises(TrainingConfigError, match="Unknown engine 'turbo': expected fast, "
                                                  "reference, student"):
        resolve_engine("turbo")
    with pytest.raises(ImplementationError, match="Unknown implementation"):
        resolve_engine(None, "mine")


def test_missing_fast_engine_is_explained(monkeypatch, lang):
    lang("en")
    monkeypatch.setitem(sys.modules, "course.train.fast", None)  # as in a student bundle
    with pytest.raises(ImplementationError, match="fast engine is not installed") as info:
        load_fast()
    assert "--engine student" in str(info.value)


def test_default_sweep_engine_follows_the_installation(monkeypatch):
    assert fast_available() and default_sweep_engine() == "fast"
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert not fast_available() and default_sweep_engine() == "student"


@pytest.mark.parametrize("model", ["two-layer", "L-layer"])
def test_fast_and_reference_engines_agree_through_train(synthetic, model):
    runs = {engine: train(*synthetic, model=model, engine=engine, iterations=120,
                          print_cost=False, show_bar=False) for engine in ("fast", "reference")}
    fast, reference = runs["fast"], runs["reference"]
    assert (fast.engine, fast.impl, reference.engine, reference.impl) == (
        "fast", "reference", "reference", "reference")
    assert fast.method in ("gram", "plain") and reference.method is None
    np.testing.assert_allclose(fast.all_costs, reference.all_costs, rtol=1e-9, atol=0)
    np.testing.assert_allclose(fast.costs, reference.costs, rtol=1e-9, atol=0)
    np.testing.assert_array_equal(fast.train_predictions, reference.train_predictions)
    np.testing.assert_array_equal(fast.test_predictions, reference.test_predictions)
    assert fast.train_accuracy == reference.train_accuracy
    assert fast.test_accuracy == reference.test_accuracy


def test_reference_networks_default_to_the_fast_engine(synthetic):
    result = train(*synthetic, impl="reference", iterations=2, print_cost=False, show_bar=False)
    assert result.engine == "fast" and result.impl == "reference"


def test_fast_engine_prints_course_lines_and_moves_the_bar(synthetic):
    out, bar = io.StringIO(), io.StringIO()
    result = train(*synthetic, engine="fast", iterations=101, show_bar=True, bar_file=bar,
                   out=out)
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == ["Cost after iteration 0",
                                                      "Cost after iteration 100"]
    assert float(lines[0].split(": ")[1]) == result.first_cost
    assert "101/101" in bar.getvalue()
