"""The models' print check: cost lines at the right iterations, close values, silence when off."""

import pytest

from grader.build import inprocess
from grader.feedback import Failure
from grader.judging.printing import (
    PRINT_RTOL,
    check_printed_costs,
    check_silent,
    printed_costs,
)
from grader_test_support import reference_function, with_body

EXPECTED = ("Cost after iteration 0: 0.6931471805599453\n"
            "Cost after iteration 100: 0.5\n"
            "Cost after iteration 149: 0.25\n")


def test_cost_lines_are_read_wherever_they_are():
    text = "noise\nCost after iteration 0: 0.69\n  Cost after iteration 100:0.5 extra\nCost: 1\n"
    assert printed_costs(text) == [(0, "0.69"), (100, "0.5")]
    assert printed_costs("") == printed_costs(None) == []


def test_the_same_costs_printed_differently_pass():
    got = ("Cost after iteration 0: 0.69314718056\n"  # fewer digits, within PRINT_RTOL
           "some debugging line\n"
           "Cost after iteration 100: 5.0e-01\n"
           "Cost after iteration 149: 0.25000000001\n")
    check_printed_costs(got, EXPECTED)


@pytest.mark.parametrize("got, words", [
    ("Cost after iteration 0: 0.6931471805599453\nCost after iteration 100: 0.5\n",
     "at iterations 0, 100, 149; your code printed it at 0, 100."),
    ("", "your code printed it at -."),
    ("Cost after iteration 0: 0.69\nCost after iteration 100: 0.5\n"
     "Cost after iteration 149: 0.25\n", "iteration 0 is 0.69; expected 0.6931471805599453"),
    ("Cost after iteration 0: nan\nCost after iteration 100: 0.5\n"
     "Cost after iteration 149: 0.25\n", "iteration 0 is nan"),
])
def test_wrong_iterations_or_values_fail_with_what_was_printed(got, words):
    with pytest.raises(Failure) as info:
        check_printed_costs(got, EXPECTED)
    assert words in info.value.message.render("en")


def test_the_tolerance_is_relative():
    # A large value printed with all its digits: the tolerance scales with it (the last printed
    # digit, 1e-10 here, is far smaller).
    value = 1234.5678901234
    close = value * (1 + 0.5 * PRINT_RTOL)
    far = value * (1 + 3 * PRINT_RTOL)
    assert abs(far - value) > 1e-3  # beyond an absolute 1e-6 by far, and still refused
    expected = f"Cost after iteration 0: 0.6931471805599453\nCost after iteration 100: {value!r}\n"
    check_printed_costs(expected.replace(repr(value), repr(close)), expected)
    with pytest.raises(Failure):
        check_printed_costs(expected.replace(repr(value), repr(far)), expected)


def test_a_number_printed_with_few_decimals_may_differ_by_one_unit_of_its_last_digit():
    # '%f' prints six decimals: another machine may round the last one the other way.
    expected = "Cost after iteration 0: 0.693147\n"
    check_printed_costs("Cost after iteration 0: 0.693148\n", expected)
    with pytest.raises(Failure):
        check_printed_costs("Cost after iteration 0: 0.693150\n", expected)


def test_print_cost_false_must_print_no_cost_line():
    check_silent("training...\n")
    with pytest.raises(Failure) as info:
        check_silent("Cost after iteration 0: 0.69\n")
    assert "print_cost=False" in info.value.message.render("en")


def test_a_model_that_never_prints_fails_only_the_print_check():
    source = reference_function("two_layer_model")
    quiet = source.replace("if print_cost and (i % 100 == 0 or i == num_iterations - 1):",
                           "if False:")
    assert quiet != source
    body = quiet[quiet.index('"""', quiet.index('"""') + 3) + 3:]
    report = inprocess.run_checks(with_body("two_layer_model", body), ["two_layer_model"],
                                  hidden=False)
    status = {o.id: o for o in report.outcomes}
    assert status["c1w4.two_layer_model/public/values"].status == "passed"
    prints = status["c1w4.two_layer_model/public/prints"]
    assert prints.status == "failed"
    assert prints.message.render("en").startswith(
        "With print_cost=True the cost must be printed at iterations 0, 100, 149; your code "
        "printed it at -.")
    assert prints.details[0].render("en").startswith('Public case "print"')
