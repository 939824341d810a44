"""Exercise-level notes about dependencies: "fix the function this one calls first".

ملاحظات على مستوى التمرين حول الاعتماديات: أصلح الدالة التي يستدعيها هذا التمرين أولًا.

An exercise that calls another exercise's function (``course.units.Exercise.depends_on``,
followed transitively) can fail only because that function is wrong. When both fail in one run,
the report says so once, under the exercise, so the student starts with the right function.
"""

from ..feedback import Message, N_

# Check statuses of a dependency that make an exercise's failures suspect ("blocked" is not one:
# a check blocked by an unwritten function explains itself).
NOT_PASSED = {"failed", "not_attempted", "error", "timeout", "crashed", "did_not_report"}
# The hidden check that grades a composite with the reference versions of its callees.
ISOLATED_CHECK = "values"


def dependency_closure(exercise, unit_exercises):
    """Names of all exercises ``exercise`` depends on, directly or not, in course order."""
    known = {ex.name: ex for ex in unit_exercises}
    seen, todo = set(), list(exercise.depends_on)
    while todo:
        current = todo.pop()
        if current in seen or current not in known:
            continue
        seen.add(current)
        todo.extend(known[current].depends_on)
    return sorted(seen, key=lambda name: known[name].number)


def _isolated_passed(ex):
    return any(
        c.name == ISOLATED_CHECK and c.visibility == "hidden" and c.status == "passed"
        for c in ex.checks
    )


def dependency_notes(ex, by_exercise, mode):
    """The notes for one :class:`~grader.runner.results.ExerciseResult` (may be empty)."""
    if ex.status not in ("failed", "partial"):
        return []
    from course.units import get_unit

    failing = [
        by_exercise[d].exercise
        for d in dependency_closure(ex.exercise, get_unit(ex.exercise.unit).exercises)
        if d in by_exercise and any(c.status in NOT_PASSED for c in by_exercise[d].checks)
    ]
    if not failing:
        return []
    if len(failing) == 1:
        dep = failing[0]
        notes = [
            Message(
                N_(
                    "{exercise} calls your {function} (exercise {number}), which did not pass "
                    "its checks: fix {function} first; these failures may come from it."
                ),
                exercise=ex.exercise.name,
                function=dep.name,
                number=dep.number,
            )
        ]
    else:
        notes = [
            Message(
                N_(
                    "{exercise} calls your {functions}, which did not pass their checks: fix "
                    "them first; these failures may come from them."
                ),
                exercise=ex.exercise.name,
                functions=", ".join(f"{d.name} ({d.number})" for d in failing),
            )
        ]
    if mode == "hidden" and _isolated_passed(ex):
        notes.append(
            Message(
                N_(
                    "With the reference versions of the functions it calls, {exercise} gives "
                    "the right results: the function itself looks right."
                ),
                exercise=ex.exercise.name,
            )
        )
    return notes


def add_dependency_notes(by_exercise, mode, blocked=()):
    """Fill ``notes`` of each exercise result in ``by_exercise`` (id -> ExerciseResult).

    Exercises in ``blocked`` (zeroed by a module that cannot be imported or is missing) get no
    note: the problem at the top of the report explains them.
    """
    for ex in by_exercise.values():
        if ex.exercise.name in blocked:
            continue
        ex.notes.extend(dependency_notes(ex, by_exercise, mode))
