"""Hidden-check flows: expected values and mistakes computed live by the reference.

مسارات الفحوص المخفية: القيم المتوقَّعة والأخطاء الشائعة تُحسَب مباشرةً بالحل المرجعي.

Everything here runs in the trusted process: the reference (``solutions``) and the mutants are
called on the hidden cases drawn from the check's ``rng``; only the student's function runs in
the sandbox. Mutants run only after a failure, to name the mistake, so a correct submission pays
nothing for them.
"""

import dataclasses
import importlib

from course import catalog
from course.i18n import N_
from grader.cases import c1w4 as cases
from grader.feedback import Failure, Message
from grader.hidden.c1w4 import mutants
from grader.public.c1w4 import _support as s
from grader.sandbox import protocol


def reference(function_name):
    """The reference function (an exercise or a provided function) by name."""
    module = None
    for ex in catalog.EXERCISES:
        if ex.id == function_name:
            module = ex.module
    for mod, names in catalog.PROVIDED.items():
        if function_name in names:
            module = mod
    return getattr(importlib.import_module(f"solutions.{catalog.UNIT}.{module}"), function_name)


def _as_received(value):
    # The same value the student's output becomes after crossing the sandbox boundary.
    return protocol.decode(protocol.encode(value))


def reference_values(exercise_id, case_list):
    """The reference's return values on the cases."""
    function = reference(exercise_id)
    return [_as_received(mutants.run(function, c.args, c.kwargs)[0]) for c in case_list]


def live_mutants(exercise_id, case_list):
    """``mutant_values`` for :func:`_support.recognise`, running the mutants when asked."""

    def values():
        out = {}
        for mistake_id, function in mutants.mutants_of(exercise_id).items():
            row = []
            for c in case_list:
                try:
                    row.append(_as_received(mutants.run(function, c.args, c.kwargs)[0]))
                except Exception:  # noqa: BLE001 - this variant cannot run on this case
                    row.append(s.MISSING)
            out[mistake_id] = row
        return out

    return values


def with_kwargs(case_list, **kwargs):
    """The cases with some keyword arguments replaced (e.g. fewer iterations)."""
    return [dataclasses.replace(c, kwargs={**c.kwargs, **kwargs}) for c in case_list]


def hidden_values(submission, rng, exercise_id, *, isolated=False, case_list=None,
                  iterations=None):
    """Compare with the reference on random non-square cases.

    Parameters
    ----------
    isolated : bool
        Stage isolation: the functions the exercise calls (``depends_on`` in the catalogue) are
        answered by the reference, so only this exercise's own code is graded.
    case_list : list of Case or None
        Default: fresh hidden cases from ``rng``.
    iterations : int or None
        For the models: a shorter ``num_iterations`` (stage isolation costs a round trip per
        reference call).
    """
    case_list = case_list if case_list is not None else cases.hidden_cases(exercise_id, rng)
    if iterations is not None:
        case_list = with_kwargs(case_list, num_iterations=iterations)
    expected = reference_values(exercise_id, case_list)
    callees = catalog.exercise(exercise_id).depends_on if isolated else ()
    outcomes = s.call_cases(submission, exercise_id, case_list, callees)
    s.judge(
        exercise_id,
        case_list,
        [o.value for o in outcomes],
        expected,
        live_mutants(exercise_id, case_list),
        s.hidden_case_detail,
    )
    return outcomes


def hidden_inputs(submission, rng, exercise_id, **kwargs):
    """The student's function must leave its (random) inputs unchanged."""
    case = with_kwargs(cases.hidden_cases(exercise_id, rng)[:1], **kwargs)[0]
    s.inputs_unchanged(submission, exercise_id, case, s.hidden_case_detail)


def _gradient_cases(exercise_id, rng):
    return [cases.gradient_case(p) for p in cases.hidden_gradient_points(exercise_id, rng)]


def _reference_forward(calls):
    return [_as_received(mutants.run(reference(name), args, kwargs)[0])
            for name, args, kwargs in calls]


def hidden_gradient_own(submission, rng, exercise_id):
    """Gradient check on a random point against the student's own forward function.

    The student's forward function is first compared with the reference at the point; when it
    is wrong, the numerical gradients of the reference forward function are used instead (and
    the feedback says so), so a forward bug is never blamed on the backward function.
    """
    case_list = _gradient_cases(exercise_id, rng)

    def expected_forward(i, case):
        name, args = s.forward_call(exercise_id, case)
        return _reference_forward([(name, args, {})])[0][0]

    def fallback(i, case, calls, finish):
        return finish(_reference_forward(calls))

    s.gradient_check(
        submission, exercise_id, case_list, s.own_forward(submission), s.yours,
        live_mutants(exercise_id, case_list), s.hidden_case_detail,
        expected_forward=expected_forward, fallback=fallback,
    )


def _the_reference(forward):
    return Message(N_("the reference {function}"), function=forward)


def hidden_gradient_reference(submission, rng, exercise_id):
    """Gradient check on a random point against numerical derivatives of the reference."""
    case_list = _gradient_cases(exercise_id, rng)
    s.gradient_check(
        submission, exercise_id, case_list, _reference_forward, _the_reference,
        live_mutants(exercise_id, case_list), s.hidden_case_detail,
    )


def hidden_costs_decrease(submission, rng, exercise_id):
    """A model trained on random data records its cost every 100 iterations and improves."""
    case_list = cases.hidden_cases(exercise_id, rng)
    expected = reference_values(exercise_id, case_list)[0]
    got = submission.call(exercise_id, *case_list[0].args, **case_list[0].kwargs).value
    try:
        s.check_costs_decrease(got, expected)
    except Failure as failure:
        s.fail_with(failure, (s.hidden_case_detail(exercise_id, case_list[0]),),
                    s.recognise(exercise_id, [got], live_mutants(exercise_id, case_list)))
