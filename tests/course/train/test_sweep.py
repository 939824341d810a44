"""The learning-rate sweep: settings in order, findings, workers, errors from student code."""

from course.cli.output import texts
import math

import numpy as np
import pytest

from course.train import NotAttemptedError, TrainingConfigError, train
from course.train.sweep import (Finding, SweepError, assess, learning_rate_curves, run_sweep,
                                validate_rates)


def _data(n_x=40, m=30, m_test=10, seed=1):
    rng = np.random.default_rng(seed)
    X = rng.random((n_x, m + m_test))
    y = ((rng.standard_normal(n_x) @ (X - 0.5)) > 0).astype(np.float64).reshape(1, -1)
    return X[:, :m], y[:, :m], X[:, m:], y[:, m:]


SMALL = dict(model="L-layer", layers=(40, 5, 3, 1), iterations=300)


# --- validation -------------------------------------------------------------------------------

@pytest.mark.parametrize("rates, message", [
    ([], "at least one learning rate"),
    ([0.1, 0.0], "must be a positive number"),
    ([-0.1], "must be a positive number"),
    ([float("nan")], "must be a positive number"),
    ([float("inf")], "must be a positive number"),
    (["abc"], "must be a positive number"),
    ([0.1, 0.01, 0.1], "given twice"),
])
def test_bad_rates_are_explained_in_both_languages(rates, message, lang):
    lang("en")
    with pytest.raises(TrainingConfigError, match=message) as info:
        validate_rates(rates)
    assert len(texts(info.value, both=True)) == 2 and texts(info.value, both=True)[1] != str(info.value)


def test_rates_keep_their_order():
    assert validate_rates(["0.1", 0.001, 1]) == (0.1, 0.001, 1.0)


@pytest.mark.parametrize("kwargs, message", [
    (dict(engine="turbo"), "Unknown engine"),
    (dict(jobs=0), "worker processes must be a positive integer"),
    (dict(iterations=0), "iterations must be a positive integer"),
    (dict(layers=(41, 5, 1)), "number of input features"),
])
def test_bad_settings_fail_before_training(kwargs, message, lang):
    lang("en")
    options = dict(SMALL, **kwargs)
    with pytest.raises(TrainingConfigError, match=message):
        run_sweep(*_data(), [0.1], show_bar=False, **options)


# --- findings ---------------------------------------------------------------------------------

def test_assess_kinds_in_order_of_precedence():
    falling = [1.0, 0.8, 0.6, 0.5]
    assert assess(falling[::2], falling) == Finding("ok")
    bumpy_all = [1.0, 0.9, 0.95, 0.5, 0.4]
    assert assess([1.0, 0.95, 0.4], bumpy_all).kind == "ok"  # a rise between records is not one
    recorded = [1.0, 0.7, 0.8, 0.5, 0.6]
    unsteady = assess(recorded, recorded)
    assert (unsteady.kind, unsteady.iteration, unsteady.rises) == ("unsteady", 200, 2)
    rising = assess([1.0, 0.9, 1.2], [1.0, 0.9, 1.2])
    assert (rising.kind, rising.iteration, rising.diverged) == ("rising", 2, True)
    broken = assess([1.0, 0.5], [1.0, 0.5, math.inf, math.nan])
    assert (broken.kind, broken.iteration, broken.diverged) == ("non-finite", 2, True)
    same_answer = assess(falling, falling, np.zeros((1, 5)))
    assert same_answer.kind == "one-class" and not same_answer.diverged
    assert assess(falling, falling, np.array([[0.0, 1.0]])).kind == "ok"


def test_rounding_wobble_is_not_a_rise():
    settled = [0.6439737380528056, 0.6439737380528059, 0.6439737380528056]
    assert assess(settled, settled).kind == "ok"


def test_finding_texts_in_both_languages(lang):
    lang("en")
    assert Finding("unsteady", 700, 4).text() == ("unsteady: the recorded cost went up 4 times "
                                                  "(first at iteration 700)")
    assert "1 time " in Finding("unsteady", 900, 1).text()
    assert "not a number from iteration 3" in Finding("non-finite", 3).text()
    lang("ar")
    assert "مرات" in Finding("unsteady", 700, 4).text() and "700" in Finding("unsteady", 700, 4).text()
    assert "تباعُد" in Finding("rising", 2).text()


# --- running ----------------------------------------------------------------------------------

def test_sweep_matches_single_runs_and_reports_divergence(lang):
    lang("en")
    data = _data()
    rates = [0.2, 0.05, 400.0]
    result = run_sweep(*data, rates, jobs=1, show_bar=False, **SMALL)
    assert [s.learning_rate for s in result.settings] == rates and result.jobs == 1
    for setting in result.settings:
        with np.errstate(all="ignore"):  # the sweep silences the diverging run's warnings itself
            single = train(*data, engine="fast", learning_rate=setting.learning_rate,
                           print_cost=False, show_bar=False, **SMALL)
        np.testing.assert_array_equal(setting.all_costs, single.all_costs)
        np.testing.assert_array_equal(setting.costs, single.costs)
        assert setting.method == single.method
        assert setting.train_accuracy == single.train_accuracy
        assert setting.test_accuracy == single.test_accuracy
    diverged = result.settings[2]
    assert diverged.finding.diverged and not math.isfinite(diverged.final_cost)
    assert diverged.label.endswith("(diverged)")
    assert result.best().learning_rate == 0.2
    row = result.table()[2]
    assert row["final_cost"] is None and row["diverged"] is True and "diverged" in row["finding"]


def test_workers_give_the_same_numbers_as_one_process():
    data = _data()
    rates = [0.2, 0.05, 0.005]
    here = run_sweep(*data, rates, jobs=1, show_bar=False, **SMALL)
    workers = run_sweep(*data, rates, jobs=2, show_bar=False, **SMALL)
    assert workers.jobs == 2
    for a, b in zip(here.settings, workers.settings):
        assert a.learning_rate == b.learning_rate
        np.testing.assert_array_equal(a.all_costs, b.all_costs)
        assert (a.train_accuracy, a.test_accuracy, a.finding) == (
            b.train_accuracy, b.test_accuracy, b.finding)


def test_jobs_are_capped_by_the_number_of_rates():
    result = run_sweep(*_data(), [0.1], jobs=8, show_bar=False, **SMALL)
    assert result.jobs == 1


def test_progress_bar_counts_every_iteration_of_every_setting():
    import io

    bar = io.StringIO()
    run_sweep(*_data(), [0.1, 0.2], jobs=2, show_bar=True, bar_file=bar, **SMALL)
    assert "600/600" in bar.getvalue()


def test_best_and_near_best():
    result = run_sweep(*_data(), [0.2, 0.05, 0.005], jobs=1, show_bar=False, **SMALL)
    finals = {s.learning_rate: s.final_cost for s in result.settings}
    best = min(finals, key=finals.get)
    assert result.best().learning_rate == best
    assert [s.learning_rate for s in result.near_best(0.0)] == [best]
    assert {s.learning_rate for s in result.near_best(1e9)} == set(finals)


def test_figure_data_follows_the_costs():
    result = run_sweep(*_data(), [0.2, 400.0], jobs=1, show_bar=False, **SMALL)
    curves = result.figure_data()
    assert result.plot_step() == 12  # 300 iterations: about 25 points
    for curve, setting in zip(curves, result.settings):
        assert curve["label"] == setting.label
        assert curve["iterations"][0] == 0 and curve["iterations"][-1] == 299
        assert np.all(np.diff(curve["iterations"]) > 0)
        expected = np.asarray(setting.all_costs)[curve["iterations"]]
        np.testing.assert_array_equal(curve["costs"][np.isfinite(expected)],
                                      expected[np.isfinite(expected)])
        assert np.isnan(curve["costs"][~np.isfinite(expected)]).all()
    assert [c["diverged"] for c in curves] == [False, True]


def test_learning_rate_curves_for_the_docs():
    X, Y, _, _ = _data()
    curves = learning_rate_curves(X, Y, [0.2, 0.05], model="L-layer", layers=(40, 5, 3, 1),
                                  iterations=250, jobs=1)
    assert list(curves) == [0.2, 0.05]
    for rate, costs in curves.items():
        single = train(X, Y, X, Y, model="L-layer", layers=(40, 5, 3, 1), learning_rate=rate,
                       iterations=250, print_cost=False, show_bar=False)
        assert costs == single.costs and len(costs) == 3  # iterations 0, 100, 200


# --- the student's code -----------------------------------------------------------------------

@pytest.mark.parametrize("jobs", [1, 2])
def test_unfinished_student_code_is_not_attempted(jobs, lang):
    lang("en")
    with pytest.raises(NotAttemptedError, match="Not attempted yet: L_layer_model") as info:
        run_sweep(*_data(), [0.1, 0.2], engine="student", jobs=jobs, show_bar=False, **SMALL)
    assert info.value.function == "L_layer_model"
    assert "amiq grade" in texts(info.value, both=True)[1]


def test_failing_student_code_is_a_sweep_error_with_its_traceback(monkeypatch, lang):
    import course.c1w4.cat_classifier as student

    def broken(*args, **kwargs):
        raise ValueError("shapes (5,40) and (30,30) not aligned")

    monkeypatch.setattr(student, "L_layer_model", broken)
    lang("en")
    with pytest.raises(SweepError, match="learning rate 0.1") as info:
        run_sweep(*_data(), [0.1], engine="student", jobs=1, show_bar=False, **SMALL)
    assert "ValueError: shapes" in info.value.details
    assert "amiq grade" in texts(info.value, both=True)[1]
