"""Where the checks live, what the public side may import, and that the engine finds them all."""

import ast
from pathlib import Path

import pytest

from course.catalog import EXERCISES
from grader.runner import discovery

ROOT = Path(__file__).resolve().parents[2]
GRADER = ROOT / "grader"
# Shipped to students with the public checks: must not need the reference or the hidden side.
PUBLIC_SIDE = sorted((GRADER / "public").rglob("*.py")) + [
    GRADER / "compare.py",
    GRADER / "gradcheck.py",
    GRADER / "mistakes.py",
    GRADER / "cases" / "__init__.py",
]
FORBIDDEN = ("solutions", "grader.hidden", "grader.build", "grader.cases.c1w4")


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


@pytest.mark.parametrize("path", PUBLIC_SIDE, ids=lambda p: str(p.relative_to(ROOT)))
def test_public_side_never_imports_the_reference_or_hidden_code(path):
    bad = sorted(n for n in _imports(path) if n.startswith(FORBIDDEN))
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_one_check_file_per_exercise_and_visibility():
    for ex in EXERCISES:
        for visibility in ("public", "hidden"):
            path = discovery.check_file(visibility, ex.unit, ex.id)
            assert path.is_file(), path
            assert discovery.count_checks_in_source(path) >= 1, path
    for visibility in ("public", "hidden"):
        extra = {p.stem for p in (GRADER / visibility / "c1w4").glob("check_*.py")} - {
            f"check_{ex.id}" for ex in EXERCISES
        }
        assert not extra, extra


def test_the_engine_discovers_every_check():
    found = discovery.discover(EXERCISES, ("public", "hidden"))
    assert not found.problems
    in_source = sum(
        discovery.count_checks_in_source(discovery.check_file(v, ex.unit, ex.id))
        for ex in EXERCISES
        for v in ("public", "hidden")
    )
    assert len(found.specs) == in_source
    assert len({s.id for s in found.specs}) == len(found.specs)
    assert discovery.pending_hidden(EXERCISES) == sum(
        1 for s in found.specs if s.visibility == "hidden"
    )


def test_expected_data_exists_for_every_exercise():
    for ex in EXERCISES:
        assert (GRADER / "public" / "c1w4" / "expected" / f"{ex.id}.json").is_file()
