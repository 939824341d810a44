"""Hand-built reports for the report-format tests (no grading needed)."""

from course import catalog
from grader.feedback import Message, Mistake
from grader.runner.results import CheckResult, ExerciseResult, Report


def _check(exercise, name, status, visibility="public", points=2.0, **kwargs):
    result = CheckResult(
        id=f"{exercise}/{visibility}/{name}",
        exercise=exercise,
        name=name,
        visibility=visibility,
        title=Message("Z has the right values"),
        points=points,
    )
    if status != "did_not_report":
        result.set(status, **kwargs)
    result.seconds = 0.01
    return result


def make_report(mode="public", hidden_pending=5, statuses=None):
    """linear_forward: one passed, one failed with a mistake; compute_cost: not attempted."""
    ex = {e.id: e for e in catalog.EXERCISES}
    mistake = Mistake(
        "linear_forward.transposed",
        Message("W was transposed."),
        Message("Use np.dot(W, A), not np.dot(W.T, A)."),
    )
    statuses = statuses or ("passed", "failed")
    lf = ExerciseResult(
        ex["linear_forward"],
        [
            _check("linear_forward", "check_shapes", statuses[0]),
            (
                _check(
                    "linear_forward",
                    "check_values",
                    statuses[1],
                    message=Message("Z has shape {shape}.", shape=(12288, 209)),
                    details=[Message("max error {err}", err=0.5)],
                    mistake=mistake,
                )
                if statuses[1] != "passed"
                else _check("linear_forward", "check_values", "passed")
            ),
        ],
    )
    cc = ExerciseResult(
        ex["compute_cost"],
        [
            _check(
                "compute_cost",
                "check_value",
                "not_attempted",
                message=Message("{function} is not attempted yet.", function="compute_cost"),
            ),
        ],
    )
    if mode == "hidden":
        lf.checks.append(
            _check(
                "linear_forward",
                "check_hidden",
                "timeout",
                visibility="hidden",
                message=Message("timed out"),
            )
        )
    return Report(
        unit="c1w4",
        seed=42,
        mode=mode,
        exercises=[lf, cc],
        hidden_pending=None if mode == "hidden" else hidden_pending,
        submission="/tmp/s",
        isolation="namespaces",
        versions={"numpy": "x"},
        seconds=0.5,
    )


def all_passed_report(hidden_pending=5):
    ex = {e.id: e for e in catalog.EXERCISES}
    lf = ExerciseResult(ex["linear_forward"], [_check("linear_forward", "check_shapes", "passed")])
    return Report(
        unit="c1w4",
        seed=42,
        mode="public",
        exercises=[lf],
        hidden_pending=hidden_pending,
        submission="/tmp/s",
    )
