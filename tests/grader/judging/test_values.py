"""Points only for right values (issue 8 section 4): do-nothing answers earn nothing.

Each submission below replaces every c1w4 function (computed from the reference source with
:func:`grader.build.submissions.with_function`):

* ``none``: returns ``None``;
* ``zeros``: returns zeros shaped exactly like the reference's result (the models return zero
  parameters and a made-up decreasing cost list of the right length);
* ``inputs``: returns (a copy of) its first input unchanged;
* ``constant``: returns 0.5.

Every one scores 0 with the hidden checks. The ``zeros`` and ``inputs`` answers have the right
types, keys, shapes and lengths, and change no input: the tests show that a check looking at
structure only would have passed them, and that the check which could (``inputs``, ``prints``)
fails saying that it counts only with the right values.
"""

from functools import lru_cache

import numpy as np
import pytest

from course.c1w4.grading.checks import CHECKS
from course.c1w4.grading.cases import PUBLIC
from grader.build import inprocess
from grader.feedback import Failure
from grader.sources import HiddenData, received
from grader_test_support import NAMES, replaced

ZEROS_LIKE = '''
def _zeros_like(value):
    """Zeros shaped like ``value``; a list of numbers becomes 1.0, 0.9, 0.8, ..."""
    import numpy as _np
    if type(value) is _np.ndarray:
        return _np.zeros(value.shape, dtype=value.dtype)
    if isinstance(value, dict):
        return {k: _zeros_like(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, (int, float, _np.number))
                         or (type(v) is _np.ndarray and v.ndim == 0) for v in value):
            return [1.0 - 0.1 * i for i in range(len(value))]
        return type(value)(_zeros_like(v) for v in value)
    if isinstance(value, (int, float, _np.number)):
        return type(value)(0)
    return value
'''

BODIES = {
    "none": "    return None\n",
    "zeros": "    return _zeros_like(_reference_{name}(*args, **kwargs))\n",
    "inputs": "    import copy\n    return copy.deepcopy(args[0])\n",
    "constant": "    return 0.5\n",
}


@lru_cache(maxsize=None)
def _report(kind):
    return inprocess.run_checks(replaced(BODIES[kind], helpers=ZEROS_LIKE), hidden=True)


@pytest.mark.parametrize("kind", sorted(BODIES))
def test_a_do_nothing_submission_earns_no_point(kind):
    report = _report(kind)
    passed = [o.id for o in report.outcomes if o.status == "passed"]
    assert not passed, passed
    assert report.score() == 0 and report.max_score() == 130


def _zeros(value):
    """The ``zeros`` answer for a reference value, computed here the same way."""
    namespace = {}
    exec(ZEROS_LIKE, namespace)  # noqa: S102 - the helper above, shared with the submission
    return namespace["_zeros_like"](value)


@pytest.mark.parametrize("name", NAMES)
def test_zeros_of_the_right_shape_pass_a_structure_only_comparison_and_fail_the_values(name):
    decl = next(c for c in CHECKS if c.name == name)
    case = PUBLIC[name]()[0]
    expected = received(HiddenData("c1w4").outputs(name, [case])[0][0])
    zeros = received(_zeros(expected))
    decl.returns.check(zeros, expected, decl.result, values=False)  # types, keys, shapes: fine
    with pytest.raises(Failure):
        decl.returns.check(zeros, expected, decl.result, values=True)
    # ... and in the real run, the values check is the one that fails it.
    (values,) = [o for o in _report("zeros").of(name) if o.id.endswith("public/values")]
    assert values.status == "failed"


def test_the_models_fake_cost_list_has_the_right_length_and_decreases():
    decl = next(c for c in CHECKS if c.name == "L_layer_model")
    case = PUBLIC["L_layer_model"]()[0]
    parameters, costs = received(HiddenData("c1w4").outputs("L_layer_model", [case])[0][0])
    fake_parameters, fake_costs = _zeros((parameters, costs))
    assert len(fake_costs) == len(costs) == 3 and fake_costs == sorted(fake_costs, reverse=True)
    assert all(np.all(v == 0) for v in fake_parameters.values())
    decl.returns.check((fake_parameters, fake_costs), (parameters, costs), decl.result,
                       values=False)


def _check(report, check_id):
    (outcome,) = [o for o in report.outcomes if o.id == check_id]
    return outcome


@pytest.mark.parametrize("name", [n for n in NAMES if next(c for c in CHECKS if c.name == n)
                                  .inputs])
def test_the_inputs_check_needs_the_right_values_not_just_untouched_inputs(name):
    # The zeros answer changes no input, so an "inputs unchanged" test alone would pass it.
    outcome = _check(_report("zeros"), f"c1w4.{name}/hidden/inputs")
    assert outcome.status == "failed"
    details = [d.render("en") for d in outcome.details]
    assert "This check counts only when the values are right." in details


def test_returning_the_parameters_unchanged_fails_the_update_and_its_inputs_check():
    report = _report("inputs")
    outcome = _check(report, "c1w4.update_parameters/hidden/inputs")
    assert outcome.status == "failed" and outcome.message.render("en").startswith(
        "parameters['W1'] differs from the expected values")
    assert "This check counts only when the values are right." in [
        d.render("en") for d in outcome.details]
    assert "in place" not in outcome.message.render("en")  # nothing was changed in place


@pytest.mark.parametrize("name", ["two_layer_model", "L_layer_model"])
def test_the_print_check_of_a_model_needs_the_right_values(name):
    outcome = _check(_report("zeros"), f"c1w4.{name}/public/prints")
    assert outcome.status == "failed"
    assert outcome.message.render("en") == (
        "This check counts only when the values are right: fix the values first (see the values "
        "check).")


def test_a_constant_fails_with_a_type_message_not_an_error():
    report = _report("constant")
    cost = _check(report, "c1w4.compute_cost/public/values")
    assert cost.message.render("en").startswith("cost is 0.5; expected 0.2797765636")
    linear = _check(report, "c1w4.linear_forward/public/values")
    assert "the return value (Z, cache)" in linear.message.render("en")
    assert {o.status for o in report.outcomes} == {"failed"}
