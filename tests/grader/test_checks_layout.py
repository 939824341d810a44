"""Where each unit's grading material lives, and what the student-side code may import.

Everything under ``course/`` (but ``course/authoring/``) and ``grader/`` (but ``grader/build/``)
ships to students; it must import neither the reference nor the instructor tools at module level
(the release test grades inside a real bundle; this is the quick, static guard).
"""

import ast
from pathlib import Path

import pytest

from course.units import all_units
from grader.sources import expected_path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(
    p for folder in ("course", "grader") for p in (ROOT / folder).rglob("*.py")
    if not p.is_relative_to(ROOT / "course" / "authoring")
    and not p.is_relative_to(ROOT / "grader" / "build")
)
FORBIDDEN = ("solutions", "grader.build", "course.authoring")


def _top_level_imports(path):
    names = set()
    todo = list(ast.parse(path.read_text(encoding="utf-8")).body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, (ast.If, ast.Try)):  # still run at import time
            todo += node.body + node.orelse + getattr(node, "finalbody", [])
            todo += [n for h in getattr(node, "handlers", []) for n in h.body]
    return names


def test_the_guard_sees_the_shipped_modules():
    names = {str(p.relative_to(ROOT)) for p in SHIPPED}
    assert {"grader/runner/engine.py", "course/c1w4/grading/checks.py", "grader/sources.py",
            "course/units.py"} <= names
    assert not any(n.startswith(("course/authoring/", "grader/build/")) for n in names)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_code_never_imports_the_reference_or_instructor_tools(path):
    bad = sorted(n for n in _top_level_imports(path) if n.startswith(FORBIDDEN))
    assert not bad, f"{path.relative_to(ROOT)} imports {bad} when it is imported"


@pytest.mark.parametrize("unit_id", list(all_units()))
def test_every_unit_has_its_grading_material(unit_id):
    unit = all_units()[unit_id]
    grading = ROOT / "course" / unit_id / "grading"
    for name in ("__init__.py", "checks.py", "cases.py", "mistakes.py"):
        assert (grading / name).is_file(), name
    hidden = ROOT / "solutions" / unit_id / "grading"
    for name in ("__init__.py", "hidden_cases.py", "mutants.py"):
        assert (hidden / name).is_file(), name
    for ex in unit.exercises:
        assert expected_path(unit_id, ex.name).is_file(), ex.id
    stored = {p.stem for p in (grading / "expected").glob("*.json")}
    assert stored == {ex.name for ex in unit.exercises}  # nothing stale left behind
