"""The committed stubs are exactly what ``amiq stubs`` generates, and every exercise is unfilled."""

import copy
import importlib
from pathlib import Path

import numpy as np
import pytest

from course.authoring.stubs import not_attempted_message, render_unit
from course.units import get_unit
from solutions.c1w4 import step_by_step as ref

ROOT = Path(__file__).resolve().parents[3]
EXERCISES = get_unit("c1w4").exercises


def test_committed_stubs_equal_regenerated_ones():
    rendered = render_unit(ROOT / "solutions", "c1w4")
    # The unit's own files (unit.py, quiz.py, grading/) are not generated from the reference.
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "course/c1w4").glob("*.py")
                 if p.name not in ("unit.py", "quiz.py")}
    assert sorted(rendered) == sorted(committed)
    drifted = [name for name in rendered if rendered[name] != committed[name]]
    assert not drifted, f"run `amiq stubs`: {drifted} differ from solutions/"


def _inputs():
    """Valid arguments for every exercise (built with the reference)."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(4, 3))
    Y = np.array([[1.0, 0.0, 1.0]])
    params = ref.initialize_parameters_deep([4, 3, 1])
    AL, caches = ref.L_model_forward(X, params)
    W, b = params["W1"], params["b1"]
    Z = W @ X + b
    grads = ref.L_model_backward(AL, Y, caches)
    return {
        "initialize_parameters": (3, 2, 1),
        "initialize_parameters_deep": ([4, 3, 1],),
        "linear_forward": (X, W, b),
        "linear_activation_forward": (X, W, b, "relu"),
        "L_model_forward": (X, params),
        "compute_cost": (AL, Y),
        "linear_backward": (Z, (X, W, b)),
        "linear_activation_backward": (Z, caches[0], "relu"),
        "L_model_backward": (AL, Y, caches),
        "update_parameters": (copy.deepcopy(params), grads, 0.1),
        "two_layer_model": (X, Y, (4, 3, 1)),
        "L_layer_model": (X, Y, [4, 3, 1]),
        "predict": (X, Y, params),
    }


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_every_stub_raises_not_attempted(exercise):
    module = importlib.import_module(f"course.{exercise.unit}.{exercise.module}")
    args = _inputs()[exercise.name]
    with pytest.raises(NotImplementedError) as info:
        getattr(module, exercise.name)(*args)
    assert str(info.value) == not_attempted_message(exercise.name)


def test_inputs_cover_every_exercise():
    assert list(_inputs()) == [ex.name for ex in EXERCISES]


def test_stubs_keep_the_reference_docstrings_and_signatures():
    import inspect

    for exercise in EXERCISES:
        stub = getattr(importlib.import_module(f"course.c1w4.{exercise.module}"), exercise.name)
        solution = getattr(importlib.import_module(f"solutions.c1w4.{exercise.module}"),
                           exercise.name)
        assert inspect.signature(stub) == inspect.signature(solution)
        assert stub.__doc__ == solution.__doc__ and "العربية" in stub.__doc__
