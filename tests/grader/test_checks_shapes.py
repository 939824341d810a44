"""A NumPy shape error in a layer function gets guidance built from the case's own shapes."""

import numpy as np
import pytest

from grader.build import inprocess, submissions
from grader.feedback import Failure, StudentError
from grader.public.c1w4 import _shapes


def _text(outcome):
    return "\n".join([outcome.message.render("en")] + [d.render("en") for d in outcome.details])


def test_shapes_in_error_messages_are_parsed():
    assert _shapes.shapes_in("shapes (3,1) and (3,2) not aligned: 1 (dim 1) != 3 (dim 0)") == [
        (3, 1), (3, 2)]
    assert _shapes.shapes_in("could not be broadcast together with shapes (4,) (2,3) ") == [
        (4,), (2, 3)]


def test_only_shape_value_errors_are_converted():
    args = (np.ones((3, 2)), np.ones((1, 3)), np.ones((1, 1)))
    with pytest.raises(Failure):
        with _shapes.shape_hints("linear_forward", [args]):
            raise StudentError("ValueError", "shapes (3,1) and (3,2) not aligned")
    for error in (StudentError("ValueError", "math domain error"),
                  StudentError("TypeError", "shapes are odd")):
        with pytest.raises(StudentError):
            with _shapes.shape_hints("linear_forward", [args]):
                raise error
    with pytest.raises(StudentError):  # not a layer function
        with _shapes.shape_hints("compute_cost", [args]):
            raise StudentError("ValueError", "shapes (3,1) and (3,2) not aligned")


def _with(function_source, name):
    return submissions.with_function(submissions.reference_sources(), name, function_source)


def test_transposed_W_in_linear_forward_is_explained_with_the_case_shapes():
    sources = _with("def linear_forward(A, W, b):\n    Z = np.dot(W.T, A) + b\n"
                    "    return Z, (A, W, b)\n", "linear_forward")
    report = inprocess.run_checks(sources, ["linear_forward"], hidden=True)
    outcome = report.outcomes[0]
    assert outcome.status == "failed"  # a Failure with feedback, not a bare error
    text = _text(outcome)
    assert "ValueError: shapes (3,1) and (3,2) not aligned" in text
    assert ("W is (1, 3) and A is (3, 2): np.dot(W, A) needs W's second dimension to equal "
            "A's first (3 and 3 here)") in text
    assert "(3, 1) is the shape of W.T" in text and "(3, 2) is the shape of A." in text
    # Hidden cases: the guidance uses the random case's shapes, whatever they are.
    hidden = [o for o in report.outcomes if o.visibility == "hidden"][0]
    assert hidden.status == "failed" and ".T" in _text(hidden)
    assert report.score("linear_forward") == 0


def test_missing_transpose_in_linear_backward_names_the_array():
    sources = _with(
        "def linear_backward(dZ, cache):\n    A_prev, W, b = cache\n    m = A_prev.shape[1]\n"
        "    dW = np.dot(dZ, A_prev) / m\n    db = np.sum(dZ, axis=1, keepdims=True) / m\n"
        "    return np.dot(W.T, dZ), dW, db\n", "linear_backward")
    report = inprocess.run_checks(sources, ["linear_backward"], hidden=False)
    text = _text(report.outcomes[0])
    assert "dZ is (3, 4), A_prev is (5, 4) and W is (3, 5)" in text
    assert "multiplies (3, 4) by (4, 5) and has the shape of W, (3, 5)" in text
    assert "(5, 4) is the shape of A_prev." in text


def test_arabic_shape_guidance_isolates_the_shapes():
    args = (np.ones((3, 2)), np.ones((1, 3)), np.ones((1, 1)))
    (rule, *_rest) = _shapes.hint("linear_forward", args, "shapes (3,1) and (3,2) not aligned")
    text = rule.render("ar")
    assert "\u2066(1, 3)\u2069" in text and "\u2066np.dot(W, A)\u2069" in text
    assert "البثّ" in text
