"""``amiq submit``'s checks and zip: errors, unfinished exercises, the manifest."""

import hashlib
import json
import zipfile

from course.units import get_unit
from grader.build import submissions
from grader.classroom.intake import MANIFEST_NAME
from grader.classroom.submit import check_files, write_submission

UNIT = get_unit("c1w4")


def test_the_stubs_are_all_unfinished_and_the_reference_is_finished(tmp_path):
    stubs = check_files(submissions.write(submissions.stub_sources(), tmp_path / "s"), UNIT)
    assert stubs.errors == [] and stubs.unfinished == [e.name for e in UNIT.exercises]
    reference = check_files(submissions.write(submissions.reference_sources(), tmp_path / "r"),
                            UNIT)
    assert reference.errors == [] and reference.unfinished == []


def test_errors_name_the_file_and_the_problem(tmp_path):
    sources = dict(submissions.reference_sources())
    sources["step_by_step.py"] += "\ndef broken(:\n"
    folder = submissions.write(sources, tmp_path / "a")
    errors = [m.render("en") for m in check_files(folder, UNIT).errors]
    assert len(errors) == 1 and "step_by_step.py has a syntax error at line" in errors[0]
    sources = dict(submissions.reference_sources())
    sources["cat_classifier.py"] = sources["cat_classifier.py"].replace(
        "def predict(", "def predict_renamed(")
    folder = submissions.write(sources, tmp_path / "b")
    errors = [m.render("en") for m in check_files(folder, UNIT).errors]
    assert errors == ["cat_classifier.py does not define the graded function predict (at its "
                      "top level)."]
    (folder / "cat_classifier.py").unlink()
    errors = [m.render("en") for m in check_files(folder, UNIT).errors]
    assert len(errors) == 1 and errors[0].startswith("cat_classifier.py is missing")


def test_the_zip_holds_the_files_and_a_manifest_of_their_hashes(tmp_path):
    files = {n: t.encode() for n, t in submissions.reference_sources().items()}
    out, backup = write_submission(tmp_path / "submission-c1w4.zip", UNIT, files,
                                   ["predict"])
    assert backup is None
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == sorted([*files, MANIFEST_NAME])
        manifest = json.loads(zf.read(MANIFEST_NAME))
        for entry in manifest["files"]:
            assert entry["sha256"] == hashlib.sha256(zf.read(entry["name"])).hexdigest()
    assert manifest["unit"] == "c1w4" and manifest["exercises"]["unfinished"] == ["predict"]
    assert "predict" not in manifest["exercises"]["finished"]
    out, backup = write_submission(out, UNIT, files, [])  # again: the old zip is kept
    assert backup is not None and backup.read_bytes() != out.read_bytes()


def test_the_quiz_and_lab_answer_files_are_packed_when_present(tmp_path):
    # The docs say the quiz is graded when it is submitted: the one zip must carry it.
    folder = submissions.write(submissions.reference_sources(), tmp_path / "w")
    assert not {"quiz_answers.toml", "lab_choice.toml"} & set(check_files(folder, UNIT).files)
    (folder / "quiz_answers.toml").write_text('[quiz]\nunit = "c1w4"\n', encoding="utf-8")
    (folder / "lab_choice.toml").write_text('[lab]\nlearning_rate = 0.03\n', encoding="utf-8")
    found = check_files(folder, UNIT)
    assert found.errors == []
    assert found.files["quiz_answers.toml"].startswith(b"[quiz]")
    assert found.files["lab_choice.toml"].startswith(b"[lab]")
