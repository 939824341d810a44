"""c1w4's learning-rate lab declaration: its settings give one verdict on any machine.

The declaration (``course/c1w4/grading/lab.py``) says that above 0.0075 training is chaotic, yet
the settings within the margin are the same in every run and far from the margin's edge. Rounding-
sized noise on the inputs stands in for another BLAS build or another machine.
"""

import numpy as np
import pytest

from grader.lab import load_lab, reference_sweep


def test_the_settings_within_the_margin_do_not_depend_on_rounding(real_data_dir):
    """The declaration's claim: 0.03 and 0.1 are chaotic, but the settings within the margin are
    the same whatever the rounding (another BLAS build, another machine). Rounding-sized noise on
    the inputs stands in for those differences."""
    from course.data import load_data, preprocess
    from course.train.sweep import run_sweep

    lab = load_lab("c1w4")
    course_sweep = reference_sweep(lab, real_data_dir)
    assert [s.learning_rate for s in course_sweep.near_best(lab.margin)] == [0.03]
    train_x_orig, train_y, *_ = load_data(real_data_dir)
    train_x = preprocess(train_x_orig)
    stable = {s.learning_rate: s.final_cost for s in course_sweep.settings
              if s.learning_rate <= 0.0075}
    for seed in (1, 2):
        noise = np.random.default_rng(seed).uniform(-1, 1, train_x.shape) * 1e-15 * train_x
        sweep = run_sweep(train_x + noise, train_y, None, None, lab.rates,
                          iterations=lab.iterations, model=lab.model, layers=lab.layers,
                          engine="fast", show_bar=False)
        assert [s.learning_rate for s in sweep.near_best(lab.margin)] == [0.03]
        best = sweep.best()
        # The best is far ahead of every other setting: at least 5 times lower.
        assert all(s.final_cost > 5 * best.final_cost for s in sweep.settings if s is not best)
        for s in sweep.settings:
            if s.learning_rate in stable:
                assert s.final_cost == pytest.approx(stable[s.learning_rate], rel=1e-9)
