"""The committed Week 3 stubs are exactly what ``amiq stubs --unit c1w3`` generates, every graded
function is unfilled, and the code written around the solution regions is sound."""

import ast
import importlib
import inspect
import textwrap
from pathlib import Path

import numpy as np
import pytest

from course.authoring.stubs import not_attempted_message, render_unit
from solutions.c1w3 import planar_classifier as ref

ROOT = Path(__file__).resolve().parents[3]

# The eight graded functions, in the course's order.
GRADED = ("layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
          "backward_propagation", "update_parameters", "nn_model", "predict")


def test_committed_stubs_equal_regenerated_ones():
    rendered = render_unit(ROOT / "solutions", "c1w3")
    # The unit's own files (unit.py, grading/) are not generated from the reference.
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "course/c1w3").glob("*.py")
                 if p.name != "unit.py"}
    assert sorted(rendered) == sorted(committed) == ["__init__.py", "planar_classifier.py",
                                                     "planar_utils.py"]
    drifted = [name for name in rendered if rendered[name] != committed[name]]
    assert not drifted, f"run `amiq stubs --unit c1w3`: {drifted} differ from solutions/"


def _inputs():
    """Valid arguments for every graded function (built with the reference)."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2, 5))
    Y = np.array([[1, 0, 1, 1, 0]], dtype=np.uint8)
    np.random.seed(2)
    params = ref.initialize_parameters(2, 3, 1)
    A2, cache = ref.forward_propagation(X, params)
    grads = ref.backward_propagation(params, cache, X, Y)
    return {
        "layer_sizes": (X, Y),
        "initialize_parameters": (2, 3, 1),
        "forward_propagation": (X, params),
        "compute_cost": (A2, Y),
        "backward_propagation": (params, cache, X, Y),
        "update_parameters": (params, grads),
        "nn_model": (X, Y, 3),
        "predict": (params, X),
    }


def test_the_graded_functions_are_the_reference_modules_functions_in_course_order():
    defined = [name for name, fn in inspect.getmembers(ref, inspect.isfunction)
               if fn.__module__ == ref.__name__]
    order = sorted(defined, key=lambda name: inspect.getsourcelines(getattr(ref, name))[1])
    assert tuple(order) == GRADED


@pytest.mark.parametrize("name", GRADED)
def test_every_stub_raises_not_attempted(name, monkeypatch):
    module = importlib.import_module("course.c1w3.planar_classifier")
    # nn_model calls layer_sizes before its own region (as in the course): give it a working one
    # so the message checked is nn_model's own.
    if name != "layer_sizes":
        monkeypatch.setattr(module, "layer_sizes", ref.layer_sizes)
    stub = getattr(module, name)
    with pytest.raises(NotImplementedError) as info:
        stub(*_inputs()[name])
    assert str(info.value) == not_attempted_message(name)


@pytest.mark.parametrize("name", GRADED)
def test_stubs_keep_the_reference_docstrings_and_signatures(name):
    stub = getattr(importlib.import_module("course.c1w3.planar_classifier"), name)
    solution = getattr(ref, name)
    assert inspect.signature(stub) == inspect.signature(solution)
    assert stub.__doc__ == solution.__doc__
    assert "العربية" in stub.__doc__ and "Parameters" in stub.__doc__


def test_provided_helpers_are_shipped_unchanged():
    ours = (ROOT / "course/c1w3/planar_utils.py").read_text(encoding="utf-8")
    assert ours == (ROOT / "solutions/c1w3/planar_utils.py").read_text(encoding="utf-8")


def _stub_function_filled_with(name, body):
    """The stub's function with its "not attempted" line replaced by ``body`` (a student's code)."""
    module = importlib.import_module("course.c1w3.planar_classifier")
    source = textwrap.dedent(inspect.getsource(getattr(module, name)))
    lines = source.splitlines()
    (index,) = [i for i, line in enumerate(lines) if "raise NotImplementedError" in line]
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index:index + 1] = [indent + line for line in body.splitlines()]
    namespace = dict(vars(module))
    exec(compile("\n".join(lines), f"<filled {name}>", "exec"), namespace)
    return namespace[name]


def test_compute_cost_scaffold_turns_a_1x1_product_into_a_python_float():
    # A student who sums with matrix products gets a (1, 1) array; float() of that raises on
    # today's NumPy, so the line written after the region squeezes first.
    filled = _stub_function_filled_with(
        "compute_cost", "cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m"
    )
    np.random.seed(1)
    Y = np.random.randn(1, 3) > 0
    A2 = np.array([[0.5002307, 0.49985831, 0.50023963]])
    cost = filled(A2, Y)
    assert type(cost) is float
    assert cost == pytest.approx(0.6930587610394646, abs=1e-15)  # the course's published value


def test_the_stub_module_parses_and_imports_sigmoid_from_the_helpers():
    source = (ROOT / "course/c1w3/planar_classifier.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    imports = [node for node in tree.body if isinstance(node, ast.ImportFrom)]
    assert any(node.module == "planar_utils" and node.level == 1
               and [a.name for a in node.names] == ["sigmoid"] for node in imports)
