"""The ``gradient`` checks: a backward function against centred differences of a forward one.

فحوص التدرّج: دالة الانتشار الخلفي مقارنةً بالفروق المركزية لدالة الانتشار الأمامي.

A unit describes each backward exercise with a :class:`GradientSpec` (how to find the forward
call at a backward case's point, which perturbed forward calls give the numerical gradients in
the course's convention, and how to read the student's gradients). The flows here are generic:

* public: the numerical gradients come from the student's *own* forward function, evaluated in
  the sandbox in one round trip; when that forward function is wrong at the point (or raises),
  the stored expected gradients stand in, and the feedback says so, so a forward bug is never
  blamed on the backward function;
* hidden: the numerical gradients come from the reference forward function.
"""

from course.i18n import N_
from grader import gradcheck
from grader.feedback import (
    Blocked,
    CallTimeout,
    Failure,
    Message,
    NotAttempted,
    ResourceLimit,
    StudentError,
    WorkerCrashed,
)
from grader.judging.common import (
    call_cases,
    fail_with,
    hidden_detail,
    isolated_on_failure,
    public_detail,
    recognise,
)

# What the student's forward function may raise at the point: then it is "wrong". A forward
# function that hangs or crashes there is wrong too, never the backward function's fault (and
# once it hung it is not called again in the exercise: later cases fall back at once).
_FORWARD_PROBLEMS = (StudentError, NotAttempted, Blocked, CallTimeout, WorkerCrashed,
                     ResourceLimit)


class GradientSpec:
    """How one backward exercise is gradient-checked (implemented by each unit).

    Attributes
    ----------
    forward : str
        The forward function whose derivatives the backward function returns.
    cases : tuple of str
        The public cases (consistent caches) the public check uses.
    """

    forward = None
    cases = ("gradient",)

    def forward_args(self, case):
        """The forward function's arguments at a backward case's point."""
        raise NotImplementedError

    def forward_output(self, value, shape):
        """The array the forward function's return value is judged by (raise :class:`Failure`)."""
        raise NotImplementedError

    def plan(self, case):
        """``(calls, finish, order)``: perturbed forward calls ``[(name, args, kwargs)]``,
        ``finish(outputs) -> {gradient name: array}`` in the course's convention, and the
        gradient names in checking order."""
        raise NotImplementedError

    def analytic(self, value, order):
        """The student's backward return value as ``{gradient name: array}`` (raise Failure)."""
        raise NotImplementedError

    def expected_gradients(self, value):
        """The reference backward return value as ``{gradient name: array}``."""
        return self.analytic(value, None)


def forward_problem(spec, value, expected_output):
    """What is wrong with a forward return value at the point, or None (only its output counts)."""
    import numpy as np

    from grader.compare import check_array

    try:
        out = spec.forward_output(value, np.shape(expected_output))
        check_array(out, np.asarray(expected_output, dtype=float), spec.forward + "(...)[0]")
    except Failure as failure:
        return failure.message
    return None


def _forward_note(forward, problem):
    return Message(
        N_("Your {function} is wrong, so this check used the expected forward output instead: "
           "your gradients are compared with those of the correct {function}, and the mistake "
           "in {function} is graded by its own checks, not here. What differs: {problem}"),
        function=forward, problem=problem)


def gradient_check(ctx, cases, evaluate, against, mutant_values, detail, *,
                   expected_forward=None, fallback=None):
    """Compare the student's gradients at each case with numerical ones.

    Parameters
    ----------
    ctx : grader.plan.Context
    cases : list of Case
        Backward calls with consistent caches.
    evaluate : callable
        ``[(name, args, kwargs)] -> [forward return values]``.
    against : callable
        ``forward name -> Message`` ("your linear_forward", "the reference linear_forward").
    mutant_values, detail : see :func:`grader.judging.common.judge`.
    expected_forward : callable or None
        ``(index, case) -> expected forward output``: when given, ``evaluate`` is the student's
        own forward function, which is first checked at the point itself (same round trip);
        when it is wrong, ``fallback(index, case, calls, finish)`` gives the gradients of the
        correct forward function instead.
    """
    isolated_on_failure(ctx, lambda callees: _gradient_check(
        ctx, cases, evaluate, against, mutant_values, detail, expected_forward, fallback, callees))


def _gradient_check(ctx, cases, evaluate, against, mutant_values, detail, expected_forward,
                    fallback, callees):
    spec = ctx.checks.gradient
    outcomes = call_cases(ctx, cases, callees)
    got_values = [o.value for o in outcomes]
    for i, (case, got) in enumerate(zip(cases, got_values)):
        calls, finish, order = spec.plan(case)
        notes = ()
        against_text = against(spec.forward)
        if expected_forward is None:
            numeric = finish(evaluate(calls))
        else:
            base = (spec.forward, spec.forward_args(case), {})
            try:
                outputs = evaluate([base] + calls)
                problem = forward_problem(spec, outputs[0], expected_forward(i, case))
            except _FORWARD_PROBLEMS as error:
                if isinstance(error, CallTimeout) and error.repeated:
                    # A refused repeat reads "this check did not run": here it did, without it.
                    error = CallTimeout(error.seconds)
                outputs, problem = None, error.message()
            if problem is None:
                numeric = finish(outputs[1:])
            else:
                numeric = fallback(i, case, calls, finish)
                notes = (_forward_note(spec.forward, problem),)
                against_text = Message(N_("the expected {function}"), function=spec.forward)
        try:
            analytic = spec.analytic(got, order)
            gradcheck.compare_gradients(analytic, numeric, against=against_text, order=order)
        except Failure as failure:
            fail_with(failure, (detail(ctx.arg_names, case),) + notes,
                      recognise(got_values, mutant_values, ctx.mistakes))


def _yours(forward):
    return Message(N_("your {function}"), function=forward)


def _the_reference(forward):
    return Message(N_("the reference {function}"), function=forward)


def public_gradient(ctx):
    """Against the student's own forward function (stored gradients where it is wrong)."""
    spec = ctx.checks.gradient
    stored = ctx.public.stored(ctx.exercise.name, spec.cases)

    def evaluate(calls):
        return [o.value for o in ctx.submission.call_many(calls)]

    gradient_check(
        ctx, [s.case for s in stored], evaluate, _yours, ctx.public.mutant_values(stored),
        public_detail,
        expected_forward=lambda i, case: stored[i].forward,
        fallback=lambda i, case, calls, finish: spec.expected_gradients(stored[i].expected),
    )


def hidden_gradient(ctx):
    """Against numerical derivatives of the reference forward function at random points."""
    name = ctx.exercise.name
    cases = ctx.hidden.gradient_cases(name, ctx.rng)

    def evaluate(calls):
        return [ctx.hidden.outputs(f, [_call(a, k)])[0][0] for f, a, k in calls]

    gradient_check(ctx, cases, evaluate, _the_reference, ctx.hidden.mutant_values(name, cases),
                   hidden_detail)


def _call(args, kwargs):
    from grader.cases import Case

    return Case("point", tuple(args), dict(kwargs or {}))
