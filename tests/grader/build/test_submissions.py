"""Whole submissions as text: the reference, the stubs, one mutant or one function replaced."""

import ast

import pytest

from grader.build import submissions
from grader_test_support import ROOT, UNIT


def test_reference_and_stub_submissions_have_the_units_module_files():
    reference = submissions.reference_sources()
    stubs = submissions.stub_sources()
    assert list(reference) == list(stubs) == ["step_by_step.py", "cat_classifier.py"]
    assert reference["step_by_step.py"] == (ROOT / "solutions/c1w4/step_by_step.py").read_text()
    assert "NotImplementedError" in stubs["step_by_step.py"]
    assert "BEGIN SOLUTION" not in stubs["step_by_step.py"]


def test_replace_function_swaps_one_top_level_function_with_its_decorators():
    source = "import x\n\n@dec\ndef f(a):\n    return a\n\n\ndef g():\n    return 1\n"
    out = submissions.replace_function(source, "f", "def f(a):\n    return 2 * a")
    assert out == "import x\n\ndef f(a):\n    return 2 * a\n\n\ndef g():\n    return 1\n"
    with pytest.raises(KeyError):
        submissions.replace_function(source, "h", "def h(): pass")


def test_with_function_edits_the_module_that_defines_the_exercise():
    sources = submissions.reference_sources()
    new = submissions.with_function(sources, "predict", "def predict(X, y, parameters):\n"
                                                        "    return None\n")
    assert new["step_by_step.py"] == sources["step_by_step.py"]
    tree = ast.parse(new["cat_classifier.py"])
    (predict,) = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "predict"]
    assert isinstance(predict.body[0], ast.Return)
    assert sources["cat_classifier.py"] != new["cat_classifier.py"]  # the input is not changed


def test_mutant_sources_paste_the_mutant_into_the_reference():
    sources = submissions.mutant_sources("compute_cost.no_mean")
    assert "(1.0 / m) * " not in sources["step_by_step.py"].split("def compute_cost")[1].split(
        "\ndef ")[0]
    assert sources["cat_classifier.py"] == submissions.reference_sources()["cat_classifier.py"]


def test_write_puts_the_files_in_a_folder(tmp_path):
    folder = submissions.write(submissions.stub_sources(), tmp_path / "a" / "b")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{m}.py" for m in UNIT.submission_modules)
