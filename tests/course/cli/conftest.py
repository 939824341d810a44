"""Helpers for running the ``amiq`` command in-process."""

import io

import pytest

from course import i18n
from course.cli.main import main


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
