"""The hidden ``inputs`` check: right values, and the inputs come back unchanged.

فحص المُدخلات المخفي: قيم صحيحة، والمُدخلات تعود دون تغيير.

In-place changes are detected by the grader, which compares the arguments it sent with the
arguments as the worker holds them after the call. The check also requires the right output on
the same call, so a function that does nothing (and so changes nothing) earns no point here.
"""

from course.i18n import N_
from grader.feedback import Failure, Message
from grader.judging.common import call_cases, fail_with, hidden_detail, judge, mutated_failure


def hidden_inputs(ctx):
    name = ctx.exercise.name
    callees = ctx.exercise.depends_on
    case = ctx.hidden.cases(name, ctx.rng)[0].with_kwargs(**ctx.checks.inputs_kwargs)
    (outcome,) = call_cases(ctx, [case], callees=callees)
    expected = ctx.hidden.expected(name, [case])
    try:
        judge(ctx, [case], [outcome.value], expected,
              ctx.hidden.mutant_values(name, [case]), hidden_detail)
    except Failure as failure:
        fail_with(failure, (Message(N_("This check counts only when the values are right.")),))
    if outcome.mutated:
        raise mutated_failure(ctx, outcome, case, hidden_detail)
