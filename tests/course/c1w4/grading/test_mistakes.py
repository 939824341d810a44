"""c1w4's mistake catalogue: bilingual messages, ids of the exercises, no code shipped."""

import ast
from pathlib import Path

import pytest

from course.c1w4.grading.mistakes import MISTAKES
from grader_test_support import NAMES

MODULE = Path(__file__).resolve().parents[4] / "course" / "c1w4" / "grading" / "mistakes.py"


def test_every_exercise_has_at_least_three_mistakes_and_ids_name_their_exercise():
    for name in NAMES:
        assert len([m for m in MISTAKES if m.startswith(name + ".")]) >= 3, name
    assert all(m.split(".", 1)[0] in NAMES for m in MISTAKES)
    assert all(mistake.id == mid for mid, mistake in MISTAKES.items())


@pytest.mark.parametrize("mistake_id", list(MISTAKES))
def test_messages_are_bilingual(mistake_id):
    mistake = MISTAKES[mistake_id]
    for message in (mistake.title, mistake.fix):
        english, arabic = message.render("en"), message.render("ar")
        assert english and arabic and english != arabic


def test_the_catalogue_ships_no_code_of_the_mistakes():
    tree = ast.parse(MODULE.read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
        for alias in node.names}
    assert imported <= {"course.i18n", "grader.feedback"}
