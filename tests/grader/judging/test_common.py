"""What the check flows share: case descriptions, recognising a mistake, stage isolation."""

from types import SimpleNamespace

import numpy as np
import pytest

from course.i18n import N_
from grader.cases import Case
from grader.feedback import Failure, Message, Mistake, NotAttempted, StudentError
from grader.judging.common import (
    MISSING,
    inputs_text,
    isolated_on_failure,
    recognise,
    summary,
)


def test_summary_shows_shapes_never_array_values():
    value = {"W1": np.ones((3, 4)), "b1": np.zeros((3, 1)), "dims": [4, 3], "lr": 0.0075}
    assert summary(value) == "{W1: (3, 4), b1: (3, 1), dims: [4, 3], lr: 0.0075}"
    assert summary((np.ones((2, 5)), (np.ones(3),))) == "((2, 5), ((3,)))"


def test_inputs_text_names_the_arguments():
    case = Case("x", (np.ones((4, 7)), np.ones((3, 4)), "relu"), {"print_cost": False})
    assert inputs_text(("A", "W", "activation"), case) == \
        "A (4, 7), W (3, 4), 'relu', print_cost=False"
    assert inputs_text(("A",), case).startswith("A (4, 7), args[1] (3, 4)")


MISTAKES = {
    "f.one": Mistake("f.one", Message("one"), Message("fix one")),
    "f.two": Mistake("f.two", Message("two"), Message("fix two")),
}


def test_a_mistake_is_recognised_only_when_it_matches_on_every_case():
    got = [np.array([1.0, 2.0]), np.array([3.0])]
    values = {
        "f.one": [np.array([1.0, 2.0]), np.array([3.5])],  # right on one case only
        "f.two": [np.array([1.0, 2.0]), np.array([3.0])],
        "f.unknown": [np.array([1.0, 2.0]), np.array([3.0])],  # not in the catalogue
    }
    assert recognise(got, lambda: values, MISTAKES) is MISTAKES["f.two"]
    del values["f.two"]
    assert recognise(got, lambda: values, MISTAKES) is None


def test_a_variant_that_raised_on_a_case_matches_nothing():
    got = [np.array([1.0]), None]
    assert recognise(got, lambda: {"f.one": [np.array([1.0]), MISSING]}, MISTAKES) is None


def test_types_count_when_recognising():
    # A 0-d array and a Python float are different outputs (e.g. compute_cost.not_squeezed).
    got = [np.float64(0.5)]
    assert recognise(got, lambda: {"f.one": [np.array([[0.5]])]}, MISTAKES) is None
    assert recognise(got, lambda: {"f.one": [np.float64(0.5)]}, MISTAKES) is MISTAKES["f.one"]


# ------------------------------------------------------------------------------ stage isolation


def _ctx(hidden=True, depends_on=("g", "h")):
    return SimpleNamespace(exercise=SimpleNamespace(depends_on=depends_on),
                           hidden=object() if hidden else None)


class Attempts:
    """An ``attempt(callees)`` that fails (or not) per call and records its callees."""

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.calls = []

    def __call__(self, callees):
        self.calls.append(tuple(callees))
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def _failure(text="wrong"):
    return Failure(Message(text), details=(Message("detail"),))


@pytest.mark.parametrize("ctx", [_ctx(hidden=False), _ctx(depends_on=())],
                         ids=["public-mode", "no-callees"])
def test_without_the_reference_or_callees_there_is_one_attempt(ctx):
    attempt = Attempts(_failure())
    with pytest.raises(Failure):
        isolated_on_failure(ctx, attempt)
    assert attempt.calls == [()]


def test_a_pass_with_the_students_own_functions_is_final():
    attempt = Attempts("ok")
    assert isolated_on_failure(_ctx(), attempt) == "ok"
    assert attempt.calls == [()]


@pytest.mark.parametrize("first", [_failure(), StudentError("ValueError", "shapes"),
                                   NotAttempted("g")], ids=["failure", "error", "callee-stub"])
def test_a_failure_is_retried_with_the_reference_callees_and_that_verdict_counts(first):
    attempt = Attempts(first, "ok")
    assert isolated_on_failure(_ctx(), attempt) == "ok"
    assert attempt.calls == [(), ("g", "h")]


def test_failing_with_the_reference_callees_too_says_so_first():
    attempt = Attempts(_failure("first"), _failure("second"))
    with pytest.raises(Failure) as info:
        isolated_on_failure(_ctx(), attempt)
    assert info.value.message.render("en") == "second"
    details = [d.render("en") for d in info.value.details]
    assert details == [
        "Graded with the reference versions of the functions it calls (g, h), since it did not "
        "pass with your own.", "detail"]


def test_a_grader_bug_is_not_retried():
    attempt = Attempts(KeyError("bug"), "ok")
    with pytest.raises(KeyError):
        isolated_on_failure(_ctx(), attempt)
    assert attempt.calls == [()]


def test_the_note_is_a_translatable_message():
    attempt = Attempts(_failure(), _failure())
    with pytest.raises(Failure) as info:
        isolated_on_failure(_ctx(), attempt)
    note = info.value.details[0]
    assert note.msgid == N_("Graded with the reference versions of the functions it calls "
                            "({names}), since it did not pass with your own.")
