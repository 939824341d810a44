"""Test support for the learning-rate lab: hand-made sweeps and choice files."""

import numpy as np

from course.train.sweep import Finding, SettingResult, SweepResult
from grader.declare import LearningRateLab

LAB = LearningRateLab(unit="c1w4", model="two-layer", layers=(12288, 7, 1),
                      rates=(0.001, 0.0075, 0.03, 0.1), iterations=1200, margin=0.10)


def setting(rate, final, kind="ok", first=0.69):
    costs = [first, (first + final) / 2, final]
    return SettingResult(learning_rate=rate, costs=costs, all_costs=costs, train_accuracy=0.9,
                         test_accuracy=None, seconds=0.1, method=None, finding=Finding(kind))


def sweep(finals):
    """A sweep with the given final cost (and finding kind) per rate, in LAB's order."""
    settings = [setting(rate, *([value] if np.isscalar(value) else value))
                for rate, value in finals.items()]
    return SweepResult(model=LAB.model, layers=LAB.layers, iterations=LAB.iterations,
                       engine="fast", settings=settings, jobs=1, seconds=0.5)


# Final costs like the course's at 1200 iterations, with 0.0075 put within 10 % of the best.
CLOSE = {0.001: 0.64, 0.0075: 0.105, 0.03: 0.1, 0.1: (0.9, "rising")}


def write_choice(tmp_path, rate, unit="c1w4", extra=""):
    path = tmp_path / "lab_choice.toml"
    path.write_text(f'[lab]\nunit = "{unit}"\nformat = 1\nlearning_rate = {rate}\n{extra}',
                    encoding="utf-8")
    return path
