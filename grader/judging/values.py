"""The ``values`` checks: the student's outputs equal the reference's.

فحوص القيم: مخرجات الطالب تساوي مخرجات الحل المرجعي.

Public mode compares with the stored outputs of the public cases. Hidden mode (graded work)
also runs random non-square cases against the live reference. An exercise that calls other
exercises is graded with the reference versions of those functions where its own fail (see
:func:`~grader.judging.common.isolated_on_failure`); the random cases always run isolated.
"""

from grader.judging.common import call_cases, hidden_detail, isolated_on_failure, judge, \
    public_detail


def public_values(ctx):
    """``values`` on the public cases (stored outputs; live reference when isolated)."""
    stored = ctx.public.stored(ctx.exercise.name, ctx.checks.public)

    def attempt(callees):
        cases = [s.case for s in stored]
        if callees:
            cases = [c.with_kwargs(**ctx.checks.isolated_kwargs) for c in cases]
            expected = ctx.hidden.expected(ctx.exercise.name, cases)
            mutants = ctx.hidden.mutant_values(ctx.exercise.name, cases)
        else:
            expected, mutants = [s.expected for s in stored], ctx.public.mutant_values(stored)
        outcomes = call_cases(ctx, cases, callees)
        judge(ctx, cases, [o.value for o in outcomes], expected, mutants, public_detail)
        return outcomes

    return isolated_on_failure(ctx, attempt)


def hidden_values(ctx):
    """``values`` on random non-square cases, stage-isolated when the exercise calls others."""
    name = ctx.exercise.name
    callees = ctx.exercise.depends_on
    cases = ctx.hidden.cases(name, ctx.rng)
    if callees:
        cases = [c.with_kwargs(**ctx.checks.isolated_kwargs) for c in cases]
    expected = ctx.hidden.expected(name, cases)
    outcomes = call_cases(ctx, cases, callees=callees)
    judge(ctx, cases, [o.value for o in outcomes], expected,
          ctx.hidden.mutant_values(name, cases), hidden_detail)
    return outcomes
