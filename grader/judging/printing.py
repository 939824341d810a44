"""The public ``prints`` check of the models: right values, and ``print_cost`` prints as it should.

فحص الطباعة للنماذج: قيم صحيحة، و ``print_cost`` يطبع كما ينبغي.

With ``print_cost=True`` the cost is printed as ``Cost after iteration i: c`` at iterations 0,
100, ... and at the last one; with ``print_cost=False`` no cost line is printed. The printed
numbers are compared with the reference's within a tolerance, never by their last digits.
"""

import re

import numpy as np

from course.i18n import N_
from grader.feedback import Failure, Message
from grader.judging.common import call_cases, fail_with, isolated_on_failure, judge, \
    public_detail

_COST_LINE = re.compile(r"Cost after iteration (\d+):\s*(\S+)")
PRINT_RTOL = 1e-6


def printed_costs(stdout):
    """``[(iteration, value text), ...]`` of the ``Cost after iteration i: c`` lines."""
    return [(int(i), v) for i, v in _COST_LINE.findall(stdout or "")]


def print_tolerance(text):
    """How far a printed number may be from the expected one: ``PRINT_RTOL`` relative, or one
    unit of its last printed digit (``%f`` prints six decimals, so the last one may round either
    way on another machine)."""
    value = float(text)
    tolerance = PRINT_RTOL * max(1.0, abs(value))
    mantissa = text.lower().split("e")[0]
    if "." in mantissa and "e" not in text.lower():
        tolerance = max(tolerance, 1.01 * 10.0 ** -len(mantissa.split(".")[1]))
    return tolerance


def check_printed_costs(got_stdout, expected_stdout):
    """The printed cost lines are at the reference's iterations with values within ``PRINT_RTOL``."""
    expected = printed_costs(expected_stdout)
    got = printed_costs(got_stdout)
    exp_iters = [i for i, _ in expected]
    got_iters = [i for i, _ in got]
    if got_iters != exp_iters:
        raise Failure(
            Message(N_("With print_cost=True the cost must be printed at iterations {expected}; "
                       "your code printed it at {got}."),
                    expected=", ".join(map(str, exp_iters)),
                    got=", ".join(map(str, got_iters)) or "-"),
            details=(Message(N_("Expected lines such as: Cost after iteration 0: 0.69...")),),
        )
    for (i, exp_text), (_, got_text) in zip(expected, got):
        try:
            value = float(got_text)
        except ValueError:
            value = float("nan")
        exp_value = float(exp_text)
        if not np.isfinite(value) or abs(value - exp_value) > print_tolerance(exp_text):
            raise Failure(Message(N_("The cost printed at iteration {iteration} is {got}; "
                                     "expected {expected}."),
                                  iteration=i, got=got_text, expected=exp_text))


def check_silent(stdout):
    """``print_cost=False`` must not print costs."""
    if printed_costs(stdout):
        raise Failure(Message(N_("With print_cost=False nothing about the cost may be printed, "
                                 "but your code printed cost lines.")))


def public_prints(ctx):
    """Loud and quiet calls on the declared case: values right, then the printing."""
    (stored,) = ctx.public.stored(ctx.exercise.name, [ctx.checks.prints])

    def attempt(callees):
        loud = stored.case
        expected, expected_stdout = stored.expected, stored.stdout
        if callees:
            loud = loud.with_kwargs(**ctx.checks.isolated_kwargs)
            ((expected, expected_stdout),) = ctx.hidden.outputs(ctx.exercise.name, [loud])
        outcomes = call_cases(ctx, [loud, loud.with_kwargs(print_cost=False)], callees)
        try:
            judge(ctx, [loud], [outcomes[0].value], [expected], lambda: {}, public_detail)
        except Failure:
            raise Failure(Message(N_("This check counts only when the values are right: fix "
                                     "the values first (see the values check)."))) from None
        try:
            check_printed_costs(outcomes[0].stdout, expected_stdout)
            check_silent(outcomes[1].stdout)
        except Failure as failure:
            fail_with(failure, (public_detail(ctx.arg_names, loud),))

    isolated_on_failure(ctx, attempt)
