"""The sandbox's view of a unit comes in a SubmissionLayout; the sandbox never reads the registry."""

import subprocess
import sys

import pytest

from course import units
from grader.runner.engine import layout_for
from grader.sandbox.layout import SubmissionLayout
from grader_test_support import ROOT


@pytest.mark.parametrize("unit_id", sorted(units.all_units()))
def test_the_engine_builds_the_layout_from_the_unit_registry(unit_id):
    unit = units.get_unit(unit_id)
    layout = layout_for(unit, hidden=True)
    assert layout.package == unit_id
    assert layout.submission_modules == unit.submission_modules
    assert set(layout.provided) == {f"{m}.py" for m in unit.provided_modules}
    assert layout.provided_modules == unit.provided_modules
    assert all(layout.functions[ex.name] == ex.module for ex in unit.exercises)
    assert all(layout.functions[f] == m for m, names in unit.provided.items() for f in names)
    assert dict(layout.numbers) == {ex.name: ex.number for ex in unit.exercises}
    assert layout.reference_package == f"solutions.{unit_id}"
    assert layout_for(unit, hidden=False).reference_package is None


def test_c1w4s_layout():
    layout = layout_for(units.get_unit("c1w4"), hidden=False)
    assert layout.functions["sigmoid"] == "dnn_helpers"
    assert layout.functions["predict"] == "cat_classifier"
    assert layout.numbers["linear_forward"] == 3


def test_the_layout_is_frozen():
    layout = SubmissionLayout("u", ("m",), {"p.py": "x = 1\n"}, {"f": "m"})
    with pytest.raises(AttributeError):
        layout.package = "other"
    with pytest.raises(TypeError):
        layout.functions["g"] = "m"
    assert layout.module_of("f") == ("m", "f")
    assert layout.module_of("m.g") == ("m", "g")
    with pytest.raises(ValueError):
        layout.module_of("nope")


def test_the_sandbox_does_not_import_the_unit_registry():
    code = (
        "import sys; import grader.sandbox.client, grader.sandbox.zygote, grader.sandbox.files;"
        "print(sorted(m for m in sys.modules if m.startswith(('course.units', 'course.c1', "
        "'solutions'))))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=str(ROOT), check=True)
    assert proc.stdout.strip() == "[]"
