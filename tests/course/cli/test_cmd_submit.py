"""``amiq submit``: warnings for unfinished work, refusal of broken files, the zip to upload."""

import csv
import json
import zipfile

from grader.build import submissions
from grader_test_support import write_submission


def test_unfinished_work_is_submitted_with_a_warning(amiq, tmp_path):
    folder = write_submission(tmp_path / "work")
    out = tmp_path / "up.zip"
    result = amiq("submit", "--lang", "en", "--unit", "c1w4", "--submission", folder, "--out", out)
    assert result.code == 0, result.err
    assert "13 exercises are not finished yet" in result.out and str(out) in result.out
    with zipfile.ZipFile(out) as zf:
        assert json.loads(zf.read("amiq-manifest.json"))["unit"] == "c1w4"


def test_broken_files_are_refused_unless_forced(amiq, tmp_path):
    folder = write_submission(tmp_path / "work", reference=True, step_extra="def broken(:\n")
    out = tmp_path / "up.zip"
    result = amiq("submit", "--lang", "en", "--unit", "c1w4", "--submission", folder, "--out", out)
    assert result.code == 2 and "syntax error" in result.err and "Nothing was written" in result.err
    assert any("\u0600" <= ch <= "\u06ff" for ch in result.err) and not out.exists()
    result = amiq("submit", "--lang", "en", "--unit", "c1w4", "--submission", folder, "--out",
                  out, "--force")
    assert result.code == 0 and out.is_file()


def test_the_zip_grades_as_a_class_submission(amiq, tmp_path):
    folder = submissions.write(submissions.reference_sources(), tmp_path / "work")
    classroom = tmp_path / "class"
    classroom.mkdir()
    assert amiq("submit", "--lang", "en", "--unit", "c1w4", "--submission", folder, "--out",
                classroom / "dana.zip").code == 0
    result = amiq("grade", "--lang", "en", "--class", classroom, "--out", tmp_path / "out",
                  "--no-progress", "c1w4.linear_forward")
    assert result.code == 0, result.err
    with open(tmp_path / "out" / "grades.csv", encoding="utf-8", newline="") as fh:
        grades = list(csv.reader(fh))
    assert grades[1][:5] == ["dana", "", "graded", "5", "5"]
