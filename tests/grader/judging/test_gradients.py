"""The gradient checks: a backward function against centred differences of a forward function.

A wrong forward function is never blamed on the backward function's public gradient check: the
expected forward output stands in, and the feedback says so.
"""

import numpy as np
import pytest

from course.c1w4.grading.checks import CHECKS
from course.c1w4.grading.gradients import LayerGradient
from grader.build import inprocess, submissions
from grader.cases import Case
from grader.judging.gradients import forward_problem
from grader.sources import HiddenData

SPEC = LayerGradient("linear_forward")


def _describe(outcome):
    return f"{outcome.id}: {outcome.status} {outcome.message and outcome.message.render('en')}"


def test_a_right_forward_output_is_no_problem():
    expected = np.arange(6.0).reshape(2, 3)
    assert forward_problem(SPEC, (expected.copy(), ("cache",)), expected) is None
    assert forward_problem(SPEC, (expected.astype(int), None), expected) is None  # ints are read


@pytest.mark.parametrize("value, words", [
    (np.zeros((2, 3)), "to return (output, cache)"),
    ((np.zeros((3, 2)), None), "array of shape (2, 3)"),
    ((np.ones((2, 3)), None), "differs from the expected values"),
])
def test_a_wrong_forward_output_is_described(value, words):
    problem = forward_problem(SPEC, value, np.zeros((2, 3)))
    assert problem is not None and words in problem.render("en")


def test_every_backward_exercise_declares_a_gradient_check_and_its_cases():
    declared = {c.name: c.gradient for c in CHECKS if c.gradient is not None}
    assert set(declared) == {"linear_backward", "linear_activation_backward", "L_model_backward"}
    from course.c1w4.grading.cases import PUBLIC

    for name, spec in declared.items():
        names = {c.name for c in PUBLIC[name]()}
        assert set(spec.cases) <= names, name
        assert spec.forward in {"linear_forward", "linear_activation_forward", "L_model_forward"}


def _forward_and_backward(forward_mistake, backward_mistake=None):
    """The reference with one forward mistake and, optionally, one backward mistake."""
    sources = submissions.mutant_sources(forward_mistake)
    if backward_mistake:
        name = backward_mistake.split(".")[0]
        code = HiddenData("c1w4").mutants(name)[backward_mistake].mutant_source
        sources = submissions.with_function(sources, name, code)
    return sources


@pytest.mark.parametrize("forward_mistake, backward", [
    ("linear_forward.bias_multiplied", "linear_backward"),
    ("linear_forward.z_transposed", "linear_backward"),
    ("linear_forward.bias_multiplied", "linear_activation_backward"),
    ("linear_activation_forward.swapped", "linear_activation_backward"),
    ("L_model_forward.sigmoid_hidden", "L_model_backward"),
])
def test_a_right_backward_passes_its_gradient_checks_with_a_wrong_forward(forward_mistake,
                                                                          backward):
    report = inprocess.run_checks(_forward_and_backward(forward_mistake), [backward])
    failed = [_describe(o) for o in report.outcomes if o.status != "passed"]
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("hidden", [False, True], ids=["public", "hidden"])
def test_a_wrong_backward_with_a_wrong_forward_is_graded_against_the_expected_forward(hidden):
    sources = _forward_and_backward("linear_forward.bias_multiplied",
                                    "linear_backward.db_no_1_over_m")
    report = inprocess.run_checks(sources, ["linear_backward"], hidden=hidden)
    (outcome,) = [o for o in report.outcomes if o.id == "c1w4.linear_backward/public/gradient"]
    assert outcome.status == "failed"
    text = outcome.message.render("en")
    assert text.startswith("db does not match the numerical gradient of the expected "
                           "linear_forward"), text
    notes = [d.render("en") for d in outcome.details]
    assert any(n.startswith("Your linear_forward is wrong, so this check used the expected "
                            "forward output instead") for n in notes), notes
    assert outcome.mistake.id == "linear_backward.db_no_1_over_m"
    if hidden:  # the hidden gradient check uses the reference forward function anyway
        (hidden_check,) = [o for o in report.outcomes
                           if o.id == "c1w4.linear_backward/hidden/gradient"]
        text = hidden_check.message.render("en")
        assert "numerical gradient of the reference linear_forward" in text
        assert not any("Your linear_forward is wrong" in d.render("en")
                       for d in hidden_check.details)


def test_an_unattempted_forward_does_not_block_the_backward_gradient_check():
    sources = submissions.with_function(
        submissions.reference_sources(), "linear_forward",
        'def linear_forward(A, W, b):\n    raise NotImplementedError("not attempted yet")\n')
    report = inprocess.run_checks(sources, ["linear_backward"])
    assert report.score("linear_backward") == report.max_score("linear_backward") == 10


def test_the_hidden_gradient_check_uses_random_points_with_consistent_caches():
    data = HiddenData("c1w4")
    rng = np.random.default_rng(0)
    (case,) = data.gradient_cases("linear_backward", rng)
    dZ, (A_prev, W, b) = case.args
    assert dZ.shape == (W.shape[0], A_prev.shape[1])
    assert isinstance(case, Case)
