"""Mistakes as edits of the reference: exact-once text replacements compiled into functions.

The catalogue-wide properties (every c1w4 edit applies, every mutant really differs) are in
``tests/solutions/c1w4/grading/test_mutants.py``.
"""

import numpy as np
import pytest

from grader import mutate
from grader.mutate import Edit, EditError
from solutions.c1w4 import step_by_step as ref


def test_an_edit_replaces_each_old_text_exactly_once_in_order():
    edit = Edit(("a + b", "a - b"), ("a - b", "a * b"))
    assert mutate.apply("return a + b\n", edit) == "return a * b\n"


@pytest.mark.parametrize("source", ["return a\n", "return a + b + a + b\n"],
                         ids=["absent", "twice"])
def test_an_edit_that_does_not_apply_exactly_once_is_an_error_naming_the_mistake(source):
    with pytest.raises(EditError, match=r"f\.x: 'a \+ b' occurs [02] times"):
        mutate.apply(source, Edit(("a + b", "a")), "f.x")


def test_a_built_mutant_is_the_reference_with_the_mistake():
    mutant = mutate.build(ref.linear_forward, Edit(("np.dot(W, A) + b", "np.dot(W, A)")),
                          "linear_forward.missing_bias")
    A, W, b = np.ones((3, 2)), np.ones((1, 3)), np.full((1, 1), 5.0)
    Z, cache = mutant(A, W, b)
    np.testing.assert_array_equal(Z, np.full((1, 2), 3.0))
    assert ref.linear_forward(A, W, b)[0][0, 0] == 8.0  # the reference is untouched
    assert mutant.__name__ == "linear_forward" and mutant.mistake_id == \
        "linear_forward.missing_bias"
    assert "Z = np.dot(W, A)\n" in mutant.mutant_source
    assert "Z = np.dot(W, A) + b" not in mutant.mutant_source
    assert mutant.mutant_source.startswith("def linear_forward(A, W, b):")


def test_a_mutant_gets_a_copy_of_the_reference_globals():
    mutant = mutate.build(ref.linear_activation_forward, Edit(("cache = (linear_cache, "
                                                                "activation_cache)",
                                                                "cache = (linear_cache, A)")))
    assert mutant.__globals__ is not ref.linear_activation_forward.__globals__
    assert mutant.__globals__["linear_forward"] is ref.linear_forward
    assert ref.linear_activation_forward.__globals__["linear_activation_forward"] is \
        ref.linear_activation_forward


def test_an_edit_that_breaks_the_syntax_names_the_mistake():
    with pytest.raises(SyntaxError):
        mutate.build(ref.linear_forward, Edit(("np.dot(W, A) + b", "np.dot(W, A +")), "f.bad")


def test_run_copies_arguments_captures_output_and_restores_numpy_state():
    def noisy(params):
        params["W"] += 1
        np.random.seed(0)
        print("hello")
        return np.random.rand()

    params = {"W": np.zeros(2)}
    np.random.seed(5)
    state = np.random.get_state()[1].copy()
    value, stdout = mutate.run(noisy, (params,))
    assert stdout == "hello\n" and 0 <= value < 1
    assert np.all(params["W"] == 0)
    assert np.array_equal(np.random.get_state()[1], state)


def test_run_keeps_numpy_quiet_about_diverging_mistakes():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value, _ = mutate.run(lambda x: np.exp(x), (np.array([1e4]),))
    assert np.isinf(value[0])
