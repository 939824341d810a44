"""Choosing the implementation: reference, student, or a clear error."""

import sys

import pytest

from course.train.impl import ImplementationError, load_implementation, not_attempted


def test_reference_and_student_modules():
    assert load_implementation("reference").__name__ == "solutions.c1w4.cat_classifier"
    assert load_implementation("student").__name__ == "course.c1w4.cat_classifier"


def test_unknown_implementation(lang):
    lang("en")
    with pytest.raises(ImplementationError, match="expected reference, student"):
        load_implementation("mine")


def test_missing_reference_says_use_student(monkeypatch, lang):
    lang("en")
    for name in [n for n in sys.modules if n == "solutions" or n.startswith("solutions.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "solutions", None)  # as in a student bundle
    with pytest.raises(ImplementationError, match="--impl student"):
        load_implementation("reference")


def test_not_attempted_reads_the_function_name(lang):
    lang("en")
    error = not_attempted(NotImplementedError("predict is not attempted yet: replace this line"))
    assert error.function == "predict" and "amiq grade" in str(error)
    assert not_attempted(NotImplementedError("other")).function is None


def test_syntax_error_in_student_code_names_file_and_line(monkeypatch, lang):
    import importlib

    lang("en")

    def broken(name):
        raise SyntaxError("invalid syntax", ("course/c1w4/step_by_step.py", 12, 5, "x = = 1\n"))

    monkeypatch.setattr(importlib, "import_module", broken)
    with pytest.raises(ImplementationError, match=r"step_by_step.py has a syntax error at line 12"):
        load_implementation("student")
