"""benchmarks/*.py: every benchmark script still imports and parses its options.

The benchmarks are run by hand, not by CI; this keeps a refactoring from silently breaking them
(grade_speed.py once imported a module that no longer existed).
"""

import importlib.util
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parents[2] / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("path", BENCHMARKS, ids=[p.name for p in BENCHMARKS])
def test_the_script_loads_and_has_a_main(path):
    spec = importlib.util.spec_from_file_location(f"amiq_bench_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # imports only: main() is not run
    assert callable(module.main)
    with pytest.raises(SystemExit) as info:
        module.main(["--help"])
    assert info.value.code == 0
