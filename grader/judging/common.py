"""What the check flows share: calling the student's function, describing cases, naming mistakes.

ما تشترك فيه مسارات الفحص: استدعاء دالة الطالب، ووصف الحالات، والتعرّف على الأخطاء الشائعة.
"""

import numpy as np

from course.i18n import N_
from grader.compare import matches, shape_text
from grader.feedback import Failure, Message, StudentError


class _Missing:
    """Marks a case on which a mistake's variant raised (it cannot match any output)."""

    def __repr__(self):
        return "MISSING"


MISSING = _Missing()


def summary(value):
    """Shapes of arrays and the values of small plain numbers: ``{W1: (3, 4), b1: (3, 1)}``."""
    if type(value) is np.ndarray:
        return shape_text(value.shape)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {summary(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, (int, float)) for v in value):
            return repr(list(value))
        return "(" + ", ".join(summary(v) for v in value) + ")"
    if isinstance(value, float):
        return f"{value:.4g}"
    return repr(value)


def inputs_text(arg_names, case):
    """``A (4, 7), W (3, 4), b (3, 1)``: a case's inputs by shape, never by value."""
    parts = []
    for i, value in enumerate(case.args):
        name = arg_names[i] if i < len(arg_names) else f"args[{i}]"
        parts.append(repr(value) if isinstance(value, str) else f"{name} {summary(value)}")
    for key, value in case.kwargs.items():
        parts.append(f"{key}={summary(value)}")
    return ", ".join(parts)


def public_detail(arg_names, case):
    return Message(N_("Public case \"{case}\": {inputs}."), case=case.name,
                   inputs=inputs_text(arg_names, case))


def hidden_detail(arg_names, case):
    return Message(N_("Random case with inputs {inputs}."), inputs=inputs_text(arg_names, case))


def fail_with(failure, details=(), mistake=None):
    """Raise ``failure`` again with extra leading detail lines and the recognised mistake."""
    raise Failure(failure.message, details=tuple(details) + failure.details,
                  mistake=mistake or failure.mistake) from None


def recognise(got_values, mutant_values, mistakes):
    """The catalogued mistake whose outputs match the student's on every case, or ``None``.

    Parameters
    ----------
    got_values : list
        The student's return values, one per case.
    mutant_values : callable
        Returns ``{mistake id: [value per case]}`` (``MISSING`` where the variant raised);
        called only when a check failed.
    mistakes : dict
        ``{mistake id: grader.feedback.Mistake}`` of the unit.
    """
    for mistake_id, values in mutant_values().items():
        if mistake_id not in mistakes or len(values) != len(got_values):
            continue
        if all(v is not MISSING and matches(g, v) for g, v in zip(got_values, values)):
            return mistakes[mistake_id]
    return None


def call_cases(ctx, cases, callees=(), kwargs=None):
    """Call the student's function on each case; returns the :class:`Outcome` list.

    Without stage isolation the calls go in one round trip. An error the unit knows how to
    explain (``ctx.checks.hint``, e.g. a NumPy shape error in a layer function) becomes a
    :class:`Failure` with that guidance.

    Parameters
    ----------
    ctx : grader.plan.Context
    cases : list of grader.cases.Case
    callees : tuple of str
        Functions the call uses in their reference version (hidden mode only).
    kwargs : dict or None
        Keyword arguments replaced in every call.
    """
    name = ctx.exercise.name
    calls = [(c.args, {**c.kwargs, **(kwargs or {})}, c.seed) for c in cases]
    try:
        if callees:
            return [ctx.submission.call(name, *a, reference_callees=tuple(callees), seed=s, **k)
                    for a, k, s in calls]
        return ctx.submission.call_many([(name, a, k, s) for a, k, s in calls])
    except StudentError as error:
        hint = ctx.checks.hint
        failure = hint(name, cases, error) if hint is not None else None
        if failure is None:
            raise
        raise failure from None


def judge(ctx, cases, got_values, expected_values, mutant_values, detail, values=True):
    """Compare every case with ``ctx.checks.returns``; fail at the first difference.

    The failure starts with the case's description and names the catalogued mistake whose
    outputs the student's match on every case, if any.
    """
    for case, got, exp in zip(cases, got_values, expected_values):
        try:
            ctx.checks.returns.check(got, exp, ctx.checks.result, values)
        except Failure as failure:
            mistake = recognise(got_values, mutant_values, ctx.mistakes)
            fail_with(failure, (detail(ctx.arg_names, case),), mistake)


def mutated_failure(ctx, outcome, case, detail):
    """The failure for arguments changed in place (``outcome.mutated`` lists their paths)."""
    from grader.feedback import Plural

    paths = outcome.mutated
    mistake = next((m for mid, m in ctx.mistakes.items()
                    if mid.startswith(ctx.exercise.name + ".") and mid.endswith(".in_place")), None)
    return Failure(
        Plural("Your function changed its input {names} in place; inputs must come back "
               "unchanged.",
               "Your function changed its inputs {names} in place; inputs must come back "
               "unchanged.", len(paths), names=", ".join(paths[:6])),
        details=(detail(ctx.arg_names, case),
                 Message(N_("Work on copies (copy.deepcopy) or build new arrays instead of "
                            "using -=, += or slice assignment on the inputs."))),
        mistake=mistake,
    )


def isolated_on_failure(ctx, attempt):
    """Run ``attempt(())``; in graded (hidden) runs retry a failure with reference callees.

    An exercise that calls other exercises first runs with the student's own functions (cheap:
    one round trip). When that fails in hidden mode, ``attempt(callees)`` runs it again with the
    reference versions of those functions (stage isolation), and only that verdict counts, so a
    mistake in a callee never costs points twice.

    Parameters
    ----------
    attempt : callable
        ``callees -> result``; raises :class:`Failure` (or a student problem) to fail.
    """
    from grader.feedback import StudentProblem

    callees = tuple(ctx.exercise.depends_on)
    if ctx.hidden is None or not callees:
        return attempt(())
    try:
        return attempt(())
    except (Failure, StudentProblem):
        pass
    note = Message(N_("Graded with the reference versions of the functions it calls ({names}), "
                      "since it did not pass with your own."), names=", ".join(callees))
    try:
        return attempt(callees)
    except Failure as failure:
        fail_with(failure, (note,))
