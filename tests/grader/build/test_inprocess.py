"""The in-process author tool mimics the sandboxed submission: copies, errors, stubs, callees."""

import numpy as np
import pytest

from grader.build import inprocess, submissions
from grader.feedback import NotAttempted, StudentError
from grader.sandbox.protocol import Foreign
from grader_test_support import with_body


def _submission(sources, exercise, mode="public"):
    return inprocess.InProcessSubmission(sources, exercise, mode=mode)


def test_calls_get_private_copies_and_report_arguments_changed_in_place():
    body = "params['W1'] += 1\nreturn params\n"
    sub = _submission(with_body("update_parameters", body), "update_parameters")
    try:
        params = {"W1": np.zeros((2, 2)), "b1": np.zeros((2, 1))}
        out = sub.call("update_parameters", params, {}, 0.1)
        assert out.mutated == ["params['W1']"]
        assert np.all(params["W1"] == 0)
        assert np.all(out.value["W1"] == 1)
    finally:
        sub.close()


def test_values_cross_the_wire_format_like_the_sandbox():
    body = "return np.zeros((1, 1)).view(type('Sub', (np.ndarray,), {})), (A, W, b)\n"
    sub = _submission(with_body("linear_forward", body), "linear_forward")
    try:
        Z, cache = sub.call("linear_forward", np.ones((3, 2)), np.ones((1, 3)),
                            np.ones((1, 1))).value
        assert isinstance(Z, Foreign) and type(cache) is tuple
    finally:
        sub.close()


def test_not_attempted_only_when_the_function_itself_is_a_stub():
    sub = _submission(submissions.stub_sources(), "linear_activation_forward")
    try:
        with pytest.raises(NotAttempted):
            sub.call("linear_activation_forward", np.ones((3, 2)), np.ones((1, 3)),
                     np.ones((1, 1)), "relu")
    finally:
        sub.close()
    sources = with_body("linear_activation_forward",
                        "return linear_forward(A_prev, W, b)\n",
                        sources=submissions.stub_sources())
    sub = _submission(sources, "linear_activation_forward")
    try:
        with pytest.raises(StudentError) as info:  # the stub it calls raised, not itself
            sub.call("linear_activation_forward", np.ones((3, 2)), np.ones((1, 3)),
                     np.ones((1, 1)), "relu")
        assert info.value.type_name == "NotImplementedError"
    finally:
        sub.close()


def test_printed_output_is_captured_and_numpy_state_restored():
    body = "print('hello', A.shape)\nnp.random.seed(0)\nreturn np.dot(W, A) + b, (A, W, b)\n"
    sub = _submission(with_body("linear_forward", body), "linear_forward")
    np.random.seed(5)
    state = np.random.get_state()[1].copy()
    try:
        out = sub.call("linear_forward", np.ones((3, 2)), np.ones((1, 3)), np.ones((1, 1)))
        assert out.stdout == "hello (3, 2)\n"
        assert np.array_equal(np.random.get_state()[1], state)
    finally:
        sub.close()


def test_reference_callees_need_hidden_mode_and_are_restored_afterwards():
    sources = submissions.mutant_sources("linear_forward.missing_bias")
    args = (np.ones((3, 2)), np.ones((1, 3)), np.full((1, 1), 5.0), "relu")
    public = _submission(sources, "linear_activation_forward")
    try:
        with pytest.raises(RuntimeError, match="hidden mode"):
            public.call("linear_activation_forward", *args,
                        reference_callees=("linear_forward",))
    finally:
        public.close()
    hidden = _submission(sources, "linear_activation_forward", mode="hidden")
    try:
        isolated = hidden.call("linear_activation_forward", *args,
                               reference_callees=("linear_forward",)).value[0]
        own = hidden.call("linear_activation_forward", *args).value[0]
        np.testing.assert_array_equal(isolated, np.full((1, 2), 8.0))
        np.testing.assert_array_equal(own, np.full((1, 2), 3.0))  # the student's again
    finally:
        hidden.close()


def test_a_module_that_does_not_import_is_a_student_error_for_its_functions():
    sources = dict(submissions.reference_sources())
    sources["step_by_step.py"] += "\nundefined_name + 1\n"
    sub = _submission(sources, "compute_cost")
    try:
        with pytest.raises(StudentError) as info:
            sub.call("compute_cost", np.full((1, 2), 0.5), np.ones((1, 2)))
        assert info.value.type_name == "NameError"
    finally:
        sub.close()
    del sources["cat_classifier.py"]
    sub = _submission(sources, "predict")
    try:
        with pytest.raises(StudentError, match="cat_classifier.py is missing"):
            sub.call("predict", np.ones((2, 2)), np.ones((1, 2)), {})
    finally:
        sub.close()


def test_run_checks_reports_per_exercise_scores_and_named_mistakes():
    report = inprocess.run_checks(submissions.mutant_sources("predict.ge_threshold"),
                                  ["compute_cost", "predict"], hidden=False)
    assert [o.id for o in report.outcomes] == ["c1w4.compute_cost/public/values",
                                               "c1w4.predict/public/values"]
    assert report.score("compute_cost") == report.max_score("compute_cost") == 5
    assert report.score("predict") == 0 and report.named("predict") == {"predict.ge_threshold"}
    assert report.named() == {"predict.ge_threshold"}
    assert report.max_score() == 10
