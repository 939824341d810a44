"""c1w4's quiz key: its numbers and shapes are what the reference implementation produces for the
same layer sizes (every unit's key is checked complete and consistent in
../../test_quiz_keys.py)."""

import numpy as np
import pytest

from course.quiz.questions import questions
from course.quiz.variants import variant
from grader.quiz import expected_answer, load_key
from solutions.c1w4 import step_by_step as ref

UNIT = "c1w4"
KEY = load_key(UNIT)
QUESTIONS = {q.id: q for q in questions(UNIT)}
STUDENTS = [f"s{n}" for n in range(40)]


def _answer(qid, student):
    drawn = variant(UNIT, QUESTIONS[qid], student)
    return drawn.params, expected_answer(QUESTIONS[qid], drawn, KEY[qid])


@pytest.mark.parametrize("student", STUDENTS)
def test_counts_and_shapes_match_the_reference_network(student):
    params, answer = _answer("layer_count", student)
    assert answer == len(ref.initialize_parameters_deep(params["dims"])) // 2
    params, answer = _answer("param_count", student)
    assert answer == sum(p.size for p in ref.initialize_parameters_deep(params["dims"]).values())
    for qid, name in (("w_shape", "W"), ("b_shape", "b")):
        params, answer = _answer(qid, student)
        built = ref.initialize_parameters_deep(params["dims"])
        assert answer == built[f"{name}{params['l']}"].shape


@pytest.mark.parametrize("student", STUDENTS)
def test_z_and_a_shapes_match_a_forward_pass(student):
    for qid in ("z_shape", "a_shape"):
        params, answer = _answer(qid, student)
        dims, l, m = params["dims"], params["l"], params["m"]
        X = np.random.default_rng(0).normal(size=(dims[0], m))
        _AL, caches = ref.L_model_forward(X, ref.initialize_parameters_deep(dims))
        if qid == "z_shape":
            (_linear, Z) = caches[l - 1]
            assert answer == Z.shape
        else:
            A = X if l == 0 else caches[l][0][0]  # A[l] is the input kept by layer l + 1
            assert answer == A.shape


def test_the_cache_holds_what_the_key_says():
    rng = np.random.default_rng(1)
    A_prev, W, b = rng.normal(size=(4, 3)), rng.normal(size=(2, 4)), rng.normal(size=(2, 1))
    _A, cache = ref.linear_activation_forward(A_prev, W, b, "relu")
    (linear, Z) = cache
    held = {"A_prev": linear[0], "W": linear[1], "b": linear[2], "Z": Z}
    assert np.allclose(Z, W @ A_prev + b) and held["A_prev"] is A_prev
    assert KEY["cache_contents"].correct == set(held)
    assert {o.id for o in QUESTIONS["cache_contents"].options} - set(held) == \
        {"dW", "dA", "Y", "alpha"}
