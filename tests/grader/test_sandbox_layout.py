"""The sandbox's view of a unit comes in a SubmissionLayout; the sandbox never reads the catalogue."""

import subprocess
import sys

import pytest

from course import catalog
from grader.runner.engine import submission_layout
from grader.sandbox.layout import SubmissionLayout
from grader_test_support import ROOT


def test_the_engine_builds_the_layout_from_the_catalogue():
    layout = submission_layout("c1w4")
    assert layout.package == "c1w4"
    assert layout.submission_modules == catalog.SUBMISSION_MODULES
    assert set(layout.provided) == {f"{m}.py" for m in catalog.PROVIDED_MODULES}
    assert layout.provided_modules == catalog.PROVIDED_MODULES
    assert all(layout.functions[ex.id] == ex.module for ex in catalog.EXERCISES)
    assert layout.functions["sigmoid"] == "dnn_helpers"
    assert layout.reference_package == "solutions.c1w4"


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


def test_the_sandbox_does_not_import_the_catalogue():
    code = (
        "import sys; import grader.sandbox.client, grader.sandbox.zygote, grader.sandbox.files;"
        "print('course.catalog' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=str(ROOT), check=True)
    assert proc.stdout.strip() == "False"
