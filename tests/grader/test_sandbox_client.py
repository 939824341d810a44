"""The trusted client: calls, outcomes, student errors, timeouts, crashes and stage isolation."""

import time

import numpy as np
import pytest

from grader.feedback import (
    Blocked,
    CallTimeout,
    ModuleMissing,
    NotAttempted,
    ProtocolViolation,
    ResourceLimit,
    StudentError,
    WorkerCrashed,
)
from grader.sandbox.client import Limits, Submission
from grader.sandbox.protocol import Foreign
from grader_test_support import UNIT, open_sandbox, write_submission

EXTRA = """
import os, sys

def linear_forward(A, W, b):
    if A.shape == (1, 1):
        while True:
            pass
    print("computing", A.shape)
    return np.dot(W, A) + b, (A, W, b)

def compute_cost(AL, Y):
    if AL.shape == (1, 1):
        while True:
            pass
    if AL.shape == (1, 2):
        os._exit(3)
    if AL.shape == (1, 4):
        return np.ones(1 << 40)
    if AL.shape == (1, 5):
        os.write(sys.__stdout__.fileno(), b"noise")
        return AL.view(type("Sub", (np.ndarray,), {}))
    if AL.shape == (1, 6):
        return linear_activation_forward(AL, AL, AL, "relu")
    raise ValueError("bad AL")

def linear_activation_forward(A_prev, W, b, activation):
    raise RuntimeError("student version must not run when isolated")

def L_model_forward(X, parameters):
    A, cache = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    AL, cache2 = linear_activation_forward(A, parameters["W2"], parameters["b2"], "sigmoid")
    return AL, [cache, cache2]

def update_parameters(params, grads, learning_rate):
    params["W1"] += 1
    return params

def linear_backward(dZ, cache):
    return initialize_parameters(1, 1, 1)
"""


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    folder = write_submission(tmp_path_factory.mktemp("sub"), step_extra=EXTRA)
    box = open_sandbox(folder, limits=Limits(timeout=1.0))
    yield box
    box.close()


def test_call_returns_value_stdout_and_timing(sandbox):
    sub = Submission(sandbox, "linear_forward", "public", 0)
    A, W, b = np.ones((3, 2)), np.ones((4, 3)), np.zeros((4, 1))
    out = sub.call("linear_forward", A, W, b)
    Z, cache = out.value
    assert type(Z) is np.ndarray and Z.shape == (4, 2) and np.all(Z == 3)
    assert type(cache) is tuple and np.array_equal(cache[0], A)
    assert out.stdout == "computing (3, 2)\n"
    assert out.mutated == [] and out.seconds > 0
    sub.close()


def test_mutation_paths(sandbox):
    sub = Submission(sandbox, "update_parameters", "public", 0)
    params = {"W1": np.zeros((2, 2)), "b1": np.zeros((2, 1))}
    out = sub.call("update_parameters", params, {}, 0.1)
    assert out.mutated == ["params['W1']"]
    assert np.all(params["W1"] == 0)  # the grader's own copy is untouched
    sub.close()


def test_not_attempted_only_when_the_function_itself_is_a_stub(sandbox):
    sub = Submission(sandbox, "initialize_parameters", "public", 0)
    with pytest.raises(NotAttempted):
        sub.call("initialize_parameters", 2, 3, 1)
    sub.close()
    # linear_backward is attempted; the NotImplementedError comes from the stub it calls, so
    # the check is blocked by that exercise, not "not attempted" itself.
    sub = Submission(sandbox, "linear_backward", "public", 0)
    with pytest.raises(Blocked) as info:
        sub.call("linear_backward", np.ones((1, 3)), ())
    assert info.value.callee == "initialize_parameters"
    assert info.value.status == "blocked"
    text = info.value.message().render("en")
    assert "initialize_parameters (exercise 1)" in text and "not attempted yet" in text
    sub.close()


def test_student_exception_is_reported(sandbox):
    sub = Submission(sandbox, "compute_cost", "public", 0)
    with pytest.raises(StudentError) as info:
        sub.call("compute_cost", np.ones((1, 3)), np.ones((1, 3)))
    assert info.value.type_name == "ValueError" and "bad AL" in info.value.error_message
    assert "compute_cost" in info.value.traceback_text
    sub.close()


def test_timeout_kills_and_the_next_call_gets_a_fresh_worker(sandbox):
    sub = Submission(sandbox, "compute_cost", "public", 0)
    with pytest.raises(CallTimeout):
        sub.call("compute_cost", np.ones((1, 1)), np.ones((1, 1)), timeout=0.3)
    Z, _cache = sub.call("linear_forward", np.ones((3, 2)), np.ones((4, 3)),
                         np.zeros((4, 1))).value
    assert Z.shape == (4, 2) and sub.crashes == 1
    sub.close()


def test_a_function_that_hung_is_not_called_again_in_the_same_mode(sandbox):
    sub = Submission(sandbox, "compute_cost", "hidden", 0)
    with pytest.raises(CallTimeout) as first:
        sub.call("compute_cost", np.ones((1, 1)), np.ones((1, 1)), timeout=0.3)
    assert first.value.repeated is None
    started = time.monotonic()
    for _ in range(3):  # the same function with its own callees: refused at once, not run
        with pytest.raises(CallTimeout) as again:
            sub.call("compute_cost", np.ones((1, 3)), np.ones((1, 3)), timeout=30)
        assert again.value.repeated == "own" and again.value.seconds == first.value.seconds
    with pytest.raises(CallTimeout):
        sub.call_many([("compute_cost", (np.ones((1, 3)), np.ones((1, 3))), {})])
    assert time.monotonic() - started < 0.2 and sub.crashes == 1
    text = again.value.message().render("en")
    assert "did not run" in text and "0.3" in text
    assert "لم يُشغَّل" in again.value.message().render("ar")
    # Another mode (reference callees) and another function still run.
    with pytest.raises(StudentError, match="bad AL"):
        sub.call("compute_cost", np.ones((1, 3)), np.ones((1, 3)),
                 reference_callees=("linear_activation_forward",))
    Z, _cache = sub.call("linear_forward", np.ones((3, 2)), np.ones((4, 3)),
                         np.zeros((4, 1))).value
    assert Z.shape == (4, 2)
    sub.close()


def test_a_mixed_batch_that_hangs_blames_no_function(sandbox):
    sub = Submission(sandbox, "linear_forward", "public", 0)
    with pytest.raises(CallTimeout):
        sub.call_many([
            ("linear_forward", (np.ones((3, 2)), np.ones((4, 3)), np.zeros((4, 1))), {}),
            ("compute_cost", (np.ones((1, 1)), np.ones((1, 1))), {}),
        ], timeout=0.3)
    assert sub.hung == {}
    Z, _cache = sub.call("linear_forward", np.ones((3, 2)), np.ones((4, 3)),
                         np.zeros((4, 1))).value
    assert Z.shape == (4, 2)
    sub.close()


SLOW_THEN_QUICK = """
import time

def linear_forward(A, W, b):
    if A.shape == (1, 1):
        time.sleep(1.5)  # slow on this input, but it ends
    return np.dot(W, A) + b, (A, W, b)
"""


def test_a_limit_cut_short_by_the_exercise_budget_is_not_remembered_as_a_hang(tmp_path):
    # The first call runs under the 0.6 s the exercise has left (its own limit is 3 s): its
    # timeout proves no endless loop, and the next, quick call still runs (capped to 0.5 s).
    folder = write_submission(tmp_path / "sub", step_extra=SLOW_THEN_QUICK)
    box = open_sandbox(folder, limits=Limits(timeout=3.0, exercise_seconds=0.6))
    try:
        sub = Submission(box, "linear_forward", "hidden", 0)
        with pytest.raises(CallTimeout) as first:
            sub.call("linear_forward", np.ones((1, 1)), np.ones((1, 1)), np.ones((1, 1)))
        assert first.value.seconds == pytest.approx(0.6, abs=0.05) and sub.hung == {}
        Z, _cache = sub.call("linear_forward", np.ones((3, 2)), np.ones((4, 3)),
                             np.zeros((4, 1))).value
        assert Z.shape == (4, 2)
        sub.close()
    finally:
        box.close()


def test_a_limit_cut_short_by_the_grading_budget_is_reported_as_the_budget(tmp_path):
    folder = write_submission(tmp_path / "sub", step_extra=SLOW_THEN_QUICK)
    box = open_sandbox(folder, limits=Limits(timeout=3.0, grading_seconds=0.6))
    try:
        sub = Submission(box, "linear_forward", "hidden", 0)
        with pytest.raises(CallTimeout):
            sub.call("linear_forward", np.ones((1, 1)), np.ones((1, 1)), np.ones((1, 1)))
        with pytest.raises(CallTimeout) as later:
            sub.call("linear_forward", np.ones((3, 2)), np.ones((4, 3)), np.zeros((4, 1)))
        # The grading's time is spent: that is what the report must say, not "your function
        # hung earlier" about a function that only ran out of the grading's time.
        assert later.value.budget and not later.value.repeated
        sub.close()
    finally:
        box.close()


def test_a_refused_call_names_the_function_that_hung(sandbox):
    # In a backward exercise's gradient check the student's forward function runs too: the
    # report must say which function hung, not "your function" (read as the exercise's).
    sub = Submission(sandbox, "linear_backward", "hidden", 0)
    with pytest.raises(CallTimeout):
        sub.call_many([("linear_forward", (np.ones((1, 1)), np.ones((1, 1)), np.ones((1, 1))),
                        {})], timeout=0.3)
    with pytest.raises(CallTimeout) as again:
        sub.call_many([("linear_forward", (np.ones((3, 2)), np.ones((4, 3)), np.zeros((4, 1))),
                        {})])
    assert again.value.repeated == "own"
    assert "linear_forward" in again.value.message().render("en")
    assert "linear_forward" in again.value.message().render("ar")
    sub.close()


def test_crash_memory_and_foreign(sandbox):
    sub = Submission(sandbox, "compute_cost", "public", 0)
    with pytest.raises(WorkerCrashed) as info:
        sub.call("compute_cost", np.ones((1, 2)), np.ones((1, 2)))
    assert "exit status 3" in info.value.detail
    with pytest.raises(ResourceLimit) as info:
        sub.call("compute_cost", np.ones((1, 4)), np.ones((1, 4)))
    assert info.value.kind == "memory"
    out = sub.call("compute_cost", np.ones((1, 5)), np.ones((1, 5)))
    assert isinstance(out.value, Foreign) and out.value.type_name.endswith("Sub")
    sub.close()


def test_stage_isolation_uses_the_reference_callee(sandbox):
    sub = Submission(sandbox, "L_model_forward", "hidden", 0)
    params = {
        "W1": np.ones((2, 3)),
        "b1": np.zeros((2, 1)),
        "W2": np.ones((1, 2)),
        "b2": np.zeros((1, 1)),
    }
    X = np.full((3, 4), 0.1)
    with pytest.raises(StudentError):
        sub.call("L_model_forward", X, params)
    out = sub.call("L_model_forward", X, params, reference_callees=("linear_activation_forward",))
    AL, caches = out.value
    assert AL.shape == (1, 4) and np.allclose(AL, 1 / (1 + np.exp(-0.6)))
    assert len(caches) == 2
    sub.close()


def test_reference_errors_reach_the_student_code(sandbox):
    sub = Submission(sandbox, "compute_cost", "hidden", 0)
    with pytest.raises(StudentError) as info:
        sub.call(
            "compute_cost",
            np.ones((1, 6)),
            np.ones((1, 6)),
            reference_callees=("linear_activation_forward",),
        )
    assert info.value.type_name == "ReferenceCallError"
    sub.close()


def test_callback_budget_is_bounded(tmp_path):
    extra = """
def L_model_forward(X, parameters):
    for _ in range(50):
        linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    return None
"""
    folder = write_submission(tmp_path / "sub", step_extra=extra)
    box = open_sandbox(folder, limits=Limits(max_callbacks=10))
    try:
        sub = Submission(box, "L_model_forward", "hidden", 0)
        with pytest.raises(StudentError) as info:
            sub.call(
                "L_model_forward",
                np.ones((2, 2)),
                {"W1": np.ones((2, 2)), "b1": np.ones((2, 1))},
                reference_callees=("linear_activation_forward",),
            )
        assert "more than 10 calls" in info.value.error_message
    finally:
        box.close()


def test_public_mode_cannot_use_the_reference(sandbox):
    sub = Submission(sandbox, "L_model_forward", "public", 0)
    with pytest.raises(RuntimeError, match="hidden mode"):
        sub.call(
            "L_model_forward", np.ones((2, 2)), {}, reference_callees=("linear_activation_forward",)
        )
    sub.close()


def test_call_many_in_one_round_trip(sandbox):
    sub = Submission(sandbox, "linear_forward", "public", 0)
    calls = [
        ("linear_forward", (np.full((3, 2), float(i)), np.ones((4, 3)), np.zeros((4, 1))), {})
        for i in range(50)
    ]
    outs = sub.call_many(calls)
    assert [float(o.value[0][0, 0]) for o in outs] == [3.0 * i for i in range(50)]
    assert sub.calls == 1
    sub.close()


def test_missing_module_file_is_a_student_error(tmp_path):
    folder = write_submission(tmp_path / "sub")
    (folder / "cat_classifier.py").unlink()
    box = open_sandbox(folder)
    try:
        sub = Submission(box, "predict", "public", 0)
        with pytest.raises(ModuleMissing, match="cat_classifier.py"):
            sub.call("predict", np.ones((2, 2)), np.ones((1, 2)), {})
    finally:
        box.close()


def test_garbage_on_the_channel_is_a_protocol_violation(tmp_path):
    extra = """
import socket
def linear_forward(A, W, b):
    for fd in range(3, 64):
        try:
            s = socket.socket(fileno=fd)
            s.sendall(b"\\x00\\x00\\x00\\x05hello")
            s.detach()
        except OSError:
            pass
    return 1
"""
    folder = write_submission(tmp_path / "sub", step_extra=extra)
    box = open_sandbox(folder)
    try:
        sub = Submission(box, "linear_forward", "public", 0)
        with pytest.raises(ProtocolViolation):
            sub.call("linear_forward", np.ones((3, 2)), np.ones((4, 3)), np.zeros((4, 1)))
    finally:
        box.close()


def test_module_of():
    from grader.runner.engine import layout_for

    module_of = layout_for(UNIT, hidden=False).module_of
    assert module_of("linear_forward") == ("step_by_step", "linear_forward")
    assert module_of("predict") == ("cat_classifier", "predict")
    assert module_of("sigmoid") == ("dnn_helpers", "sigmoid")
    assert module_of("cat_classifier.initialize_parameters_deep_scaled")[0] == "cat_classifier"
    with pytest.raises(ValueError):
        module_of("nope")


def test_process_level_isolation_still_grades(tmp_path):
    # Without namespaces (non-root hosts where user namespaces are unavailable) the worker is
    # still a separate process with rlimits and no way to fork.
    extra = """
import os
def linear_forward(A, W, b):
    try:
        os.fork()
        forked = True
    except OSError:
        forked = False
    return np.dot(W, A) + b, forked
"""
    folder = write_submission(tmp_path / "sub", step_extra=extra)
    box = open_sandbox(folder, isolate=False)
    try:
        assert box.isolation == "process"
        sub = Submission(box, "linear_forward", "public", 0)
        Z, forked = sub.call(
            "linear_forward", np.ones((3, 2)), np.ones((4, 3)), np.zeros((4, 1))
        ).value
        assert Z.shape == (4, 2) and forked is False
    finally:
        box.close()


def test_exercise_time_budget_caps_later_calls(sandbox):
    sandbox.limits.exercise_seconds = 0.6
    try:
        sub = Submission(sandbox, "compute_cost", "public", 0)
        with pytest.raises(CallTimeout):
            sub.call("compute_cost", np.ones((1, 1)), np.ones((1, 1)), timeout=0.7)
        started = __import__("time").monotonic()
        with pytest.raises(CallTimeout) as info:  # another looping function: it runs, capped
            sub.call("linear_forward", np.ones((1, 1)), np.ones((1, 1)), np.ones((1, 1)),
                     timeout=30)
        assert info.value.seconds == 0.5
        assert __import__("time").monotonic() - started < 5
        sub.close()
    finally:
        sandbox.limits.exercise_seconds = 30.0


def test_import_errors_carry_their_location_and_the_students_path(tmp_path):
    from grader.feedback import ImportFailed

    folder = write_submission(tmp_path / "sub", step_extra="\ndef broken(:\n    pass\n")
    box = open_sandbox(folder)
    box.display_dir = "my/work"
    try:
        sub = Submission(box, "compute_cost", "public", 0)
        with pytest.raises(ImportFailed) as info:
            sub.call("compute_cost", np.ones((1, 3)), np.ones((1, 3)))
        exc = info.value
        assert exc.file == "step_by_step.py" and exc.type_name == "SyntaxError"
        assert exc.line is not None and exc.column is not None
        assert "def broken(:" in exc.source_line
        assert "frozen" not in exc.traceback_text and "amiq-sandbox" not in exc.traceback_text
        assert "my/work/step_by_step.py" in exc.traceback_text
        assert exc.summary().render("en").startswith(
            f"step_by_step.py cannot be imported: SyntaxError at line {exc.line}, column"
        )
        sub.close()
    finally:
        box.close()


def test_tracebacks_show_the_students_file_and_no_grader_frames(sandbox):
    sandbox.display_dir = "course/c1w4"
    sub = Submission(sandbox, "compute_cost", "public", 0)
    with pytest.raises(StudentError) as info:
        sub.call("compute_cost", np.ones((1, 3)), np.ones((1, 3)))
    text = info.value.traceback_text
    assert 'File "course/c1w4/step_by_step.py", line' in text and 'raise ValueError("bad AL")' in text
    assert "worker.py" not in text and "amiq-sandbox" not in text and "frozen" not in text
    sub.close()
    sandbox.display_dir = ""


def test_printed_output_is_recorded_for_the_report(sandbox):
    sub = Submission(sandbox, "linear_forward", "public", 0)
    sub.call("linear_forward", np.ones((2, 3)), np.ones((1, 2)), np.ones((1, 1)))
    assert sub.printed == ["computing (2, 3)\n"] and not sub.printed_full
    sub.close()


def test_a_flood_of_output_is_named_when_the_call_times_out(tmp_path):
    flood = (
        "\ndef linear_forward(A, W, b):\n"
        "    while True:\n"
        "        print('10 passed ' * 10)\n"
    )
    folder = write_submission(tmp_path / "sub", step_extra=flood)
    box = open_sandbox(folder)
    try:
        sub = Submission(box, "linear_forward", "public", 0)
        with pytest.raises(CallTimeout) as info:
            sub.call("linear_forward", np.ones((2, 3)), np.ones((1, 2)), np.ones((1, 1)), timeout=0.5)
        assert info.value.flooded and sub.printed_full
        text = info.value.message().render("en")
        # The time limit comes first: a loop that never ends and prints must not be told to
        # "remove the prints" (print_cost lines are required by the exercise).
        assert text.index("did not finish") < text.index("printed a lot of output")
        assert "endless loop" in text
        sub.close()
    finally:
        box.close()


def test_the_grader_counts_callbacks_itself(tmp_path):
    # The worker's own count lives in the student's process: code there can reset it. The
    # grader refuses the callbacks past the budget whatever the worker counts.
    extra = """
import sys as _sys
def L_model_forward(X, parameters):
    answered = refused = 0
    for _ in range(30):
        frame = _sys._getframe()
        while frame is not None and "state" not in frame.f_locals:
            frame = frame.f_back
        for cell in (linear_activation_forward.__closure__ or ()):
            if isinstance(cell.cell_contents, dict) and "count" in cell.cell_contents:
                cell.cell_contents["count"] = 0  # reset the worker's counter
        try:
            linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
            answered += 1
        except Exception as exc:
            refused += 1
    return [answered, refused]
"""
    folder = write_submission(tmp_path / "sub", step_extra=extra)
    box = open_sandbox(folder, limits=Limits(max_callbacks=10))
    try:
        sub = Submission(box, "L_model_forward", "hidden", 0)
        out = sub.call(
            "L_model_forward",
            np.ones((2, 2)),
            {"W1": np.ones((2, 2)), "b1": np.ones((2, 1))},
            reference_callees=("linear_activation_forward",),
        )
        assert out.value == [10, 20]
    finally:
        box.close()


def test_a_sandbox_that_cannot_start_leaves_no_folder(monkeypatch):
    import subprocess

    from grader.sandbox.zygote import Zygote

    def refuse(*args, **kwargs):
        raise OSError("no interpreter")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    zygote = Zygote()
    base = zygote.base_dir
    with pytest.raises(OSError):
        zygote.start()
    assert not __import__("os").path.exists(base)
