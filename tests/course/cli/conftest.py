"""Helpers for running the ``amiq`` command in-process, and a second (toy) unit."""

import io
import sys

import pytest

from course import i18n, units
from course.cli.main import main

TOY_UNIT = "c9w9"
TOY_MANIFEST = '''"""A toy unit of the tests: it defines compute_cost too, so the bare name is ambiguous."""

from course.units import Assignment, Unit

UNIT = Unit(id="c9w9", course=9, week=9, title="A toy unit",
            assignments=(Assignment("toy", "Toy assignment", ("compute_cost", "toy_only")),))
'''


class Result:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def amiq(capsys):
    """Run ``amiq`` with a list of arguments; returns ``Result(code, out, err)``.

    ``err`` joins what the command printed to its error stream and to ``sys.stderr`` (argparse
    and warnings write there directly). The message language is restored afterwards.
    """
    previous = i18n._current

    def run(*argv):
        out, err = io.StringIO(), io.StringIO()
        code = main([str(a) for a in argv], out=out, err=err)
        captured = capsys.readouterr()
        return Result(code, out.getvalue() + captured.out, err.getvalue() + captured.err)

    yield run
    i18n._current = previous


@pytest.fixture
def second_unit(tmp_path):
    """Install a toy unit ``c9w9`` (manifest only) beside c1w4 for one test.

    Built as the guide *Adding a unit* describes (``course/<unit>/unit.py`` under a root given to
    :func:`course.units.add_unit_root`); it defines an exercise called ``compute_cost`` too.
    """
    package = tmp_path / "course" / TOY_UNIT
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "unit.py").write_text(TOY_MANIFEST, encoding="utf-8")
    units.add_unit_root(tmp_path)
    try:
        yield TOY_UNIT
    finally:
        units.forget_unit_root(tmp_path)
        for name in [m for m in sys.modules if m.startswith(f"course.{TOY_UNIT}")]:
            del sys.modules[name]
