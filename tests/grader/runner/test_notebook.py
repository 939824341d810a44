"""``grader.check`` in a notebook: an exercise id grades the exercise, ``"c1w4.lab"`` the lab."""

import pytest

import grader
from lab_support import CLOSE, sweep, write_choice


@pytest.fixture
def recorded(tmp_path, monkeypatch):
    """A recorded choice of 0.0075 in place of course/c1w4/lab_choice.toml, and a hand-made
    reference sweep (within the margin: 0.0075 and 0.03), so no training runs."""
    path = write_choice(tmp_path, 0.0075)
    monkeypatch.setattr("course.lab_choice.default_path", lambda unit: path)
    monkeypatch.setattr("grader.lab.reference_sweep", lambda lab, data_dir, jobs: sweep(CLOSE))
    return path


@pytest.mark.parametrize("item", ["c1w4.lab", "lab"])
@pytest.mark.parametrize("lang, words", [("en", "passed, 10 of 10"), ("ar", "نجح")])
def test_the_lab_is_checked_and_its_feedback_printed(recorded, capsys, item, lang, words):
    result = grader.check(item, lang=lang)
    assert result.passed and repr(result) == "<LabResult c1w4.lab passed 10/10>"
    out = capsys.readouterr().out
    assert words in out and "10 %" in out


def test_a_unit_without_a_lab_prints_a_message_instead_of_raising(capsys):
    assert grader.check("c1w3.lab", lang="en") is None
    assert "has no learning-rate lab" in capsys.readouterr().out
