"""grader.lab: the learning-rate lab's choice judged against the grader's own reference sweep.

Two layers of tests: the judging on hand-made sweeps (no training, every branch), and the whole
grading on the course's data, where a good choice must pass, a far-too-small and a far-too-large
one must fail, and nothing the student's files claim (curves, costs, their own functions) can
change the outcome.
"""

import numpy as np
import pytest

from grader.lab import (LabError, STATUSES, grade_lab, judge, lab_unit_of, lab_units, load_lab,
                        outcomes, reference_sweep)
from lab_support import CLOSE, LAB
from lab_support import sweep as _sweep
from lab_support import write_choice as _write

# ------------------------------------------------------------------------------ finding the lab


def test_the_cat_unit_declares_the_lab_and_the_planar_unit_does_not():
    assert lab_units() == ["c1w4"]
    assert load_lab("c1w4").id == "c1w4.lab" and load_lab("c1w3") is None
    assert lab_unit_of("c1w4.lab") == lab_unit_of("lab") == "c1w4"
    assert lab_unit_of("c1w4.linear_forward") is None


@pytest.mark.parametrize("item", ["c1w3.lab", "c7w7.lab"])
def test_a_unit_without_a_lab_is_a_bilingual_error(item, lang):
    for code, words in (("en", "has no learning-rate lab"), ("ar", "مختبر")):
        lang(code)
        with pytest.raises(LabError) as info:
            lab_unit_of(item)
        assert words in str(info.value) and "c1w4" in str(info.value)


def test_the_declared_settings_are_offered_up_to_decimal_rounding():
    lab = load_lab("c1w4")
    assert lab.offered(0.03) == 0.03 and lab.offered(0.1 + 1e-15) == 0.1
    assert lab.offered(0.02) is None and lab.offered(0.01) is None
    assert 0 < lab.margin < 1 and lab.points > 0


# ------------------------------------------------------------------------------ judging


def test_every_setting_within_the_margin_passes_and_the_others_fail():
    settings = outcomes(LAB, _sweep(CLOSE))
    assert [s.within_margin for s in settings] == [False, True, True, False]
    assert [judge(LAB, rate, settings)[0] for rate in LAB.rates] == \
        ["failed", "passed", "passed", "failed"]


def test_the_margin_is_relative_to_the_best_final_cost():
    # 10 % of 0.1 is 0.01: 0.11 is on the edge (passes), 0.1101 is over it (fails).
    for cost, status in ((0.11, "passed"), (0.1101, "failed")):
        settings = outcomes(LAB, _sweep({**CLOSE, 0.0075: cost}))
        assert judge(LAB, 0.0075, settings)[0] == status


def test_a_diverged_setting_is_never_the_best_even_with_a_low_final_cost():
    # A diverged run is out whatever number it ends on (here lower than every other one).
    sweep = _sweep({**CLOSE, 0.1: (0.01, "non-finite")})
    settings = outcomes(LAB, sweep)
    assert not settings[3].within_margin
    status, message, advice = judge(LAB, 0.1, settings)
    assert status == "failed" and "diverge" in message.render("en")
    assert "too large" in advice.render("en")


def test_advice_says_too_small_below_the_best_and_too_large_above(lang):
    settings = outcomes(LAB, _sweep({0.001: 0.64, 0.0075: 0.28, 0.03: 0.023, 0.1: 0.5}))
    small = judge(LAB, 0.001, settings)
    large = judge(LAB, 0.1, settings)
    assert "too small" in small[2].render("en") and "صغير" in small[2].render("ar")
    assert "too large" in large[2].render("en") and "كبير" in large[2].render("ar")
    for _status, message, _advice in (small, large):
        for code in ("en", "ar"):
            text = message.render(code)
            assert "10 %" in text and "0.0230" in text and "1200" in text  # margin, best, count
    passed = judge(LAB, 0.03, settings)
    assert passed[0] == "passed" and passed[2] is None and "10 %" in passed[1].render("ar")


def test_a_sweep_where_everything_diverged_cannot_judge():
    with pytest.raises(LabError, match="diverged"):
        outcomes(LAB, _sweep({r: (1.0, "rising") for r in LAB.rates}))


# ------------------------------------------------------------------------------ the choice file


@pytest.mark.parametrize("make, status", [
    (lambda d: d / "absent.toml", "missing"),
    (lambda d: (d / "bad.toml").write_text("[lab\n") and d / "bad.toml", "unreadable"),
    (lambda d: _write(d, '"0.03"'), "unreadable"),
    (lambda d: _write(d, 0.03, unit="c1w3"), "unreadable"),
    (lambda d: _write(d, 0.02), "not_offered"),
])
def test_a_choice_that_cannot_count_scores_zero_without_training(tmp_path, make, status,
                                                                  monkeypatch):
    def no_sweep(*args, **kwargs):
        raise AssertionError("the reference sweep ran for a choice that cannot count")

    monkeypatch.setattr("grader.lab.reference_sweep", no_sweep)
    result = grade_lab("c1w4", make(tmp_path))
    assert result.status == status and status in STATUSES
    assert result.score == 0 and result.settings == []
    assert result.message.render("en") and result.message.render("ar") != result.message.render("en")


def test_a_given_sweep_is_used_as_it_is(tmp_path):
    result = grade_lab("c1w4", _write(tmp_path, 0.0075), sweep=_sweep(CLOSE))
    assert result.passed and result.score == result.max_score == LAB.points
    assert repr(result) == "<LabResult c1w4.lab passed 10/10>"
    assert result.best.learning_rate == 0.03


def test_without_the_reference_networks_a_usable_choice_is_pending(tmp_path, monkeypatch):
    monkeypatch.setattr("course.train.engines.fast_available", lambda: False)
    result = grade_lab("c1w4", _write(tmp_path, 0.1))
    assert result.status == "pending" and result.score == 0 and result.choice == 0.1
    assert "submit" in result.message.render("en")


def test_without_the_data_the_lab_cannot_be_graded(tmp_path):
    with pytest.raises(LabError) as info:
        grade_lab("c1w4", _write(tmp_path, 0.03), data_dir=tmp_path / "nowhere")
    assert "data" in str(info.value)


# ------------------------------------------------------------------------------ on the course's data


@pytest.mark.parametrize("rate, status, advice", [
    (0.03, "passed", None),
    (0.001, "failed", "too small"),  # far too small: still near the starting cost
    (0.1, "failed", "too large"),    # too large: the cost jumps about and ends high
    (0.0075, "failed", "too small"),  # the course's own rate: good, but not the best here
])
def test_on_the_course_data_a_good_choice_passes_and_bad_ones_fail(
        tmp_path, real_data_dir, rate, status, advice):
    # The checkout's course/c1w4 modules are unwritten stubs: grading does not run them.
    result = grade_lab("c1w4", _write(tmp_path, rate), data_dir=real_data_dir)
    assert result.status == status
    assert [s.learning_rate for s in result.settings if s.within_margin] == [0.03]
    if advice is None:
        assert result.advice is None and result.score == result.max_score
    else:
        assert advice in result.advice.render("en") and result.score == 0


def test_numbers_written_into_the_choice_file_are_not_trusted(tmp_path, real_data_dir):
    # A file that claims its own curves and costs is graded on the grader's sweep all the same.
    forged = ("[lab.reference]\n\"0.1\" = 0.0001\n"
              "[sweep]\nfinal_costs = [0.9, 0.9, 0.9, 0.0001]\nnear_best = [0.1]\n")
    result = grade_lab("c1w4", _write(tmp_path, 0.1, extra=forged), data_dir=real_data_dir)
    assert result.status == "failed"
    chosen = next(s for s in result.settings if s.learning_rate == 0.1)
    assert chosen.final_cost > 0.3
