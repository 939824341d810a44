"""The code runs on the oldest Python that pyproject.toml claims, checked statically with vermin.

A test suite run on Python 3.11 cannot notice a 3.11-only module or syntax; vermin knows when each
module, function and syntax form appeared. (CI also runs the grader and course tests on a real
Python 3.10 when the machine has one: see .ci/run.)
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from course.toml_reader import tomllib

ROOT = Path(__file__).resolve().parents[1]
# Everything that runs as Python: the package, the reference, the grader, docs and build scripts,
# benchmarks and the tests themselves.
CHECKED = ["course", "grader", "solutions", "docs/scripts", "docs/hooks", "scripts", "benchmarks",
           "tests"]


def minimum_python():
    """``"3.10"`` for ``requires-python = ">=3.10"``."""
    with open(ROOT / "pyproject.toml", "rb") as fh:
        requires = tomllib.load(fh)["project"]["requires-python"]
    match = re.fullmatch(r">=\s*(\d+\.\d+)", requires.strip())
    assert match, f"requires-python {requires!r} is not of the form '>=X.Y'"
    return match.group(1)


def vermin(*paths):
    executable = shutil.which("vermin", path=str(Path(sys.executable).parent))
    if executable is None:
        pytest.fail("vermin is not installed: it is a dev dependency (pip install -e '.[dev]')")
    return subprocess.run(
        [executable, f"-t={minimum_python()}-", "--no-tips", "--violations", "--no-color",
         *map(str, paths)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def test_the_claimed_minimum_is_310():
    assert minimum_python() == "3.10"


def test_no_code_needs_a_newer_python_than_requires_python():
    result = vermin(*CHECKED)
    assert result.returncode == 0, (
        f"code that needs a newer Python than {minimum_python()}:\n{result.stdout}{result.stderr}"
    )


def test_the_check_catches_a_311_only_module(tmp_path):
    # The check can fail: the unguarded import release.py had before its fallback.
    module = tmp_path / "uses_tomllib.py"
    module.write_text("import tomllib\n", encoding="utf-8")
    result = vermin(module)
    assert result.returncode != 0 and "tomllib" in result.stdout
