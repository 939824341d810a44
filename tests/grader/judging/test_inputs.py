"""The hidden ``inputs`` check: right values, and the arguments come back unchanged."""

from grader.build import inprocess, submissions
from grader_test_support import with_body

IN_PLACE = """\
for key in list(params):
    params[key] -= learning_rate * grads["d" + key]
return params
"""


def _inputs_check(sources, name):
    report = inprocess.run_checks(sources, [name], hidden=True)
    (outcome,) = [o for o in report.outcomes if o.id == f"c1w4.{name}/hidden/inputs"]
    return report, outcome


def test_changing_the_arguments_in_place_is_named_with_their_paths():
    report, outcome = _inputs_check(with_body("update_parameters", IN_PLACE), "update_parameters")
    # The values are right (points legitimately earned); the in-place change is caught.
    assert [o.status for o in report.outcomes if o.id != outcome.id] == ["passed", "passed"]
    assert outcome.status == "failed"
    text = outcome.message.render("en")
    assert text.startswith("Your function changed its inputs ") and "in place" in text
    assert "params['W1']" in text and "params['b1']" in text
    details = [d.render("en") for d in outcome.details]
    assert details[0].startswith("Random case with inputs params {W1: (")
    assert "copy.deepcopy" in details[1]
    assert outcome.mistake.id == "update_parameters.in_place"
    assert outcome.message.render("ar") != text


def test_changing_an_array_argument_names_it():
    body = "Z = np.dot(W, A) + b\ncache = (A.copy(), W, b)\nA[0, 0] = 7.0\nreturn Z, cache\n"
    _, outcome = _inputs_check(with_body("linear_forward", body), "linear_forward")
    assert outcome.status == "failed"
    assert outcome.message.render("en") == (
        "Your function changed its input A in place; inputs must come back unchanged.")
    assert outcome.mistake is None  # linear_forward has no catalogued in-place mistake


def test_untouched_inputs_with_wrong_values_fail_on_the_values():
    sources = submissions.mutant_sources("update_parameters.plus_sign")
    _, outcome = _inputs_check(sources, "update_parameters")
    assert outcome.status == "failed"
    assert [d.render("en") for d in outcome.details][0] == (
        "This check counts only when the values are right.")
    assert outcome.mistake.id == "update_parameters.plus_sign"


def test_the_models_inputs_check_uses_few_iterations_and_passes_the_reference():
    report = inprocess.run_checks(submissions.reference_sources(), ["L_layer_model"], hidden=True)
    (outcome,) = [o for o in report.outcomes if o.id.endswith("hidden/inputs")]
    assert outcome.status == "passed"
