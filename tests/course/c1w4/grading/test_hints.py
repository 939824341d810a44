"""A NumPy shape error in a layer function gets guidance built from the case's own shapes."""

import numpy as np

from course.c1w4.grading import hints
from grader.build import inprocess
from grader.cases import Case
from grader.feedback import Failure, StudentError
from grader_test_support import with_body


def _text(outcome):
    return "\n".join([outcome.message.render("en")] + [d.render("en") for d in outcome.details])


def test_shapes_in_error_messages_are_parsed():
    assert hints.shapes_in("shapes (3,1) and (3,2) not aligned: 1 (dim 1) != 3 (dim 0)") == [
        (3, 1), (3, 2)]
    assert hints.shapes_in("could not be broadcast together with shapes (4,) (2,3) ") == [
        (4,), (2, 3)]


LAYER_CASE = Case("c", (np.ones((3, 2)), np.ones((1, 3)), np.ones((1, 1))))


def test_only_shape_value_errors_of_layer_functions_are_explained():
    error = StudentError("ValueError", "shapes (3,1) and (3,2) not aligned")
    assert isinstance(hints.shape_hint("linear_forward", [LAYER_CASE], error), Failure)
    for other in (StudentError("ValueError", "math domain error"),
                  StudentError("TypeError", "shapes are odd")):
        assert hints.shape_hint("linear_forward", [LAYER_CASE], other) is None
    assert hints.shape_hint("compute_cost", [LAYER_CASE], error) is None  # not a layer


def test_the_case_that_explains_the_shapes_is_described():
    other = Case("d", (np.ones((5, 4)), np.ones((2, 5)), np.ones((2, 1))))
    error = StudentError("ValueError", "shapes (5,2) and (5,4) not aligned")
    failure = hints.shape_hint("linear_forward", [LAYER_CASE, other], error)
    text = " ".join(d.render("en") for d in failure.details)
    assert "W is (2, 5) and A is (5, 4)" in text
    assert "(5, 2) is the shape of W.T" in text


def test_transposed_W_in_linear_forward_is_explained_with_the_case_shapes():
    sources = with_body("linear_forward", "Z = np.dot(W.T, A) + b\nreturn Z, (A, W, b)\n")
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
    body = ("A_prev, W, b = cache\nm = A_prev.shape[1]\ndW = np.dot(dZ, A_prev) / m\n"
            "db = np.sum(dZ, axis=1, keepdims=True) / m\nreturn np.dot(W.T, dZ), dW, db\n")
    report = inprocess.run_checks(with_body("linear_backward", body), ["linear_backward"],
                                  hidden=False)
    text = _text(report.outcomes[0])
    assert "dZ is (3, 4), A_prev is (5, 4) and W is (3, 5)" in text
    assert "multiplies (3, 4) by (4, 5) and has the shape of W, (3, 5)" in text
    assert "(5, 4) is the shape of A_prev." in text


def test_arabic_shape_guidance_isolates_the_shapes():
    error = StudentError("ValueError", "shapes (3,1) and (3,2) not aligned")
    failure = hints.shape_hint("linear_forward", [LAYER_CASE], error)
    text = failure.details[0].render("ar")
    assert "\u2066(1, 3)\u2069" in text and "\u2066np.dot(W, A)\u2069" in text
    assert "البثّ" in text
