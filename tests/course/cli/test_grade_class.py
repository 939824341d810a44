"""``amiq grade --class``: what it refuses (bilingual, status 2), and a class graded for real."""

import csv

import pytest

from grader_test_support import write_submission


def _has_both_languages(text):
    return any("\u0600" <= ch <= "\u06ff" for ch in text) and any("a" <= ch <= "z" for ch in text)


@pytest.fixture
def classroom(tmp_path):
    folder = tmp_path / "submissions"
    write_submission(folder / "alice", reference=True)
    write_submission(folder / "bob")
    (folder / "carol").mkdir()
    return folder


@pytest.mark.parametrize("extra, english", [
    (["--format", "gradescope"], "does not apply to a class"),
    (["--format", "junit"], "does not apply to a class"),
    (["--output", "x.csv"], "--output is for one submission"),
    (["--submission", "."], "cannot be used together"),
    ([], "--class needs --out"),
])
def test_what_a_class_run_cannot_do_is_refused(amiq, classroom, tmp_path, extra, english):
    argv = ["grade", "--lang", "en", "--unit", "c1w4", "--class", classroom, *extra]
    if english != "--class needs --out":
        argv += ["--out", tmp_path / "out"]
    result = amiq(*argv)
    assert result.code == 2
    assert english in result.err and _has_both_languages(result.err)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("option", [["--out", "x"], ["--jobs", "2"], ["--force"],
                                    ["--roster", "r.csv"], ["--student-timeout", "9"]])
def test_class_options_need_class(amiq, tmp_path, option):
    folder = write_submission(tmp_path / "s")
    result = amiq("grade", "--lang", "en", "--submission", folder, *option)
    assert result.code == 2 and "only applies to grading a class" in result.err


def test_unknown_layouts_and_missing_folders_are_refused(amiq, tmp_path):
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "notes.txt").write_text("x")
    result = amiq("grade", "--lang", "en", "--unit", "c1w4", "--class", loose, "--out",
                  tmp_path / "out")
    assert result.code == 2 and "No submissions were found" in result.err
    assert "Moodle" in result.err and _has_both_languages(result.err)
    result = amiq("grade", "--lang", "en", "--unit", "c1w4", "--class", tmp_path / "nope",
                  "--out", tmp_path / "out2")
    assert result.code == 2 and "does not exist" in result.err


def test_a_class_is_graded_with_a_summary(amiq, classroom, tmp_path):
    out = tmp_path / "out"
    result = amiq("grade", "--lang", "en", "--class", classroom, "--out", out, "--jobs", "2",
                  "--format", "json", "--no-progress", "c1w4.linear_forward")
    assert result.code == 0, result.err
    assert "3 students: 2 graded (0 with problems), 0 timed out, 1 failed." in result.out
    assert str(out / "grades.csv") in result.out
    with open(out / "grades.csv", encoding="utf-8") as fh:
        rows = {r["student"]: r for r in csv.DictReader(fh)}
    assert rows["alice"]["total"] == rows["alice"]["max_score"] != ""
    assert rows["carol"]["status"] == "failed" and rows["carol"]["error"]
    assert sorted(p.name for p in (out / "feedback").iterdir()) == [
        "alice.json", "bob.json", "carol.json"]
