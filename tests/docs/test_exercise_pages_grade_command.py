"""Every exercise page, in both languages, ends with how to grade that exercise.

Two units are installed, so a bare exercise name can be ambiguous (``compute_cost`` is in both):
the command on each page must name the unit, ``amiq grade <unit>.<exercise>``, and that id must be
the page's own exercise as the registry resolves it.
"""

import re

import pytest

from course.units import all_units, resolve

from .conftest import CONTENT_DIR

HEADINGS = {".md": "## شغِّل المصحِّح الآلي", ".en.md": "## Run the grader"}
_GRADE = re.compile(r"^amiq grade\b.*$", re.MULTILINE)
_BASH = re.compile(r"```bash\n(.*?)^```", re.MULTILINE | re.DOTALL)

EXERCISES = [(unit.id, exercise.name) for unit in all_units().values()
             for exercise in unit.exercises]


def _section(text, heading):
    """The text from ``heading`` to the next ``## `` heading (or the end), or None."""
    start = text.find(heading + "\n")
    if start < 0:
        return None
    rest = text[start + len(heading):]
    end = rest.find("\n## ")
    return rest if end < 0 else rest[:end]


def test_both_units_have_exercise_pages():
    assert {unit for unit, _ in EXERCISES} >= {"c1w3", "c1w4"}


@pytest.mark.parametrize("suffix", sorted(HEADINGS))
@pytest.mark.parametrize(("unit", "name"), EXERCISES)
def test_page_says_how_to_grade_its_exercise(unit, name, suffix):
    page = CONTENT_DIR / unit / "exercises" / f"{name}{suffix}"
    text = page.read_text(encoding="utf-8")
    section = _section(text, HEADINGS[suffix])
    assert section is not None, f"{page}: no section {HEADINGS[suffix]!r}"
    blocks = _BASH.findall(section)
    assert blocks, f"{page}: the grader section has no bash block"
    command = blocks[0].strip().split()
    assert command == ["amiq", "grade", f"{unit}.{name}"], page
    exercise = resolve(command[2])
    assert (exercise.unit, exercise.name) == (unit, name)


@pytest.mark.parametrize(("unit", "name"), EXERCISES)
def test_every_grade_command_on_a_page_names_its_unit(unit, name):
    for suffix in HEADINGS:
        text = (CONTENT_DIR / unit / "exercises" / f"{name}{suffix}").read_text(encoding="utf-8")
        for line in _GRADE.findall(text):
            ids = [word for word in line.split()[2:] if not word.startswith("-")]
            assert all("." in ident for ident in ids) or "--unit" in line, line
