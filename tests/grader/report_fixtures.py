"""Hand-built reports for the report-format tests (no grading needed).

The exercises are the real ones of unit c1w4 (:mod:`course.units`); check ids are qualified
(``c1w4.linear_forward/public/values``) and a check's name is its kind, as the engine makes them.
"""

from course.units import get_unit
from grader.feedback import Message, Mistake
from grader.runner.results import CheckResult, ExerciseResult, Report

UNIT = get_unit("c1w4")
SEED = 424242  # a recognisable seed: no report format may show it
ISOLATION = "namespaces"


def _check(exercise, kind, status, visibility="public", points=2.0, **kwargs):
    ex = UNIT.exercise(exercise)
    result = CheckResult(
        id=f"{ex.id}/{visibility}/{kind}",
        exercise=ex.name,
        name=kind,
        visibility=visibility,
        title=Message("Z has the right values"),
        points=points,
    )
    if status != "did_not_report":
        result.set(status, **kwargs)
    result.seconds = 0.01
    return result


def make_report(mode="public", hidden_pending=5, statuses=None, isolation=ISOLATION):
    """linear_forward: one passed, one failed with a mistake; compute_cost: not attempted.

    In hidden mode linear_forward also has a hidden check that timed out.
    """
    mistake = Mistake(
        "linear_forward.transposed",
        Message("W was transposed."),
        Message("Use np.dot(W, A), not np.dot(W.T, A)."),
    )
    statuses = statuses or ("passed", "failed")
    lf = ExerciseResult(
        UNIT.exercise("linear_forward"),
        [
            _check("linear_forward", "values", statuses[0]),
            (
                _check(
                    "linear_forward",
                    "gradient",
                    statuses[1],
                    message=Message("Z has shape {shape}.", shape=(12288, 209)),
                    details=[Message("max error {err}", err=0.5)],
                    mistake=mistake,
                )
                if statuses[1] != "passed"
                else _check("linear_forward", "gradient", "passed")
            ),
        ],
    )
    cc = ExerciseResult(
        UNIT.exercise("compute_cost"),
        [
            _check(
                "compute_cost",
                "values",
                "not_attempted",
                message=Message("{function} is not attempted yet.", function="compute_cost"),
            ),
        ],
    )
    if mode == "hidden":
        lf.checks.append(
            _check(
                "linear_forward",
                "values",
                "timeout",
                visibility="hidden",
                message=Message("timed out"),
            )
        )
    return Report(
        unit="c1w4",
        seed=SEED,
        mode=mode,
        exercises=[lf, cc],
        hidden_pending=None if mode == "hidden" else hidden_pending,
        submission="/tmp/s",
        isolation=isolation,
        versions={"numpy": "x", "isolation": isolation},
        seconds=0.5,
    )


def all_passed_report(hidden_pending=5):
    lf = ExerciseResult(UNIT.exercise("linear_forward"),
                        [_check("linear_forward", "values", "passed")])
    return Report(
        unit="c1w4",
        seed=SEED,
        mode="public",
        exercises=[lf],
        hidden_pending=hidden_pending,
        submission="/tmp/s",
        isolation=ISOLATION,
    )
