"""Intake: every layout instructors have, the LMS bulk downloads, and what is refused.

The submissions are the reference and stub sources (``grader.build.submissions``) laid out as
students and LMSs lay them out; each test checks the files found are byte for byte those laid
out, and that nothing in ``SUBMISSIONS`` changed.
"""

import hashlib
import io
import json
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from course.units import get_unit
from grader.build import submissions
from grader.classroom.intake import IntakeError, materialize, scan

UNIT = get_unit("c1w4")
REFERENCE = {n: t.encode() for n, t in submissions.reference_sources().items()}
STUBS = {n: t.encode() for n, t in submissions.stub_sources().items()}


def _write(folder, files):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def _zip(path, files):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _snapshot(folder):
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                         p.stat().st_mtime_ns)
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def _found(path, tmp_path):
    """``{student: Material or IntakeError}`` and the scan."""
    found = scan(path, UNIT, tmp_path / "work")
    out = {}
    for index, candidate in enumerate(found.candidates):
        try:
            out[candidate.student] = materialize(candidate, UNIT, tmp_path / "work" / str(index))
        except IntakeError as exc:
            out[candidate.student] = exc
    return found, out


def test_folders_flat_workspace_wrapped_nested_zip_and_archives(tmp_path):
    classroom = tmp_path / "class"
    _write(classroom / "flat", REFERENCE)
    _write(classroom / "workspace", {f"course/c1w4/{n}": d for n, d in REFERENCE.items()}
           | {"course/c1w4/dnn_helpers.py": b"# provided\n", "README.md": b"hi"})
    _write(classroom / "wrapped", {f"my-homework/{n}": d for n, d in STUBS.items()}
           | {"__MACOSX/my-homework/._step_by_step.py": b"\x00\x05junk"})
    (classroom / "zipped").mkdir()
    _zip(classroom / "zipped" / "hw.zip", REFERENCE)
    _zip(classroom / "erin.zip", {f"erin/course/c1w4/{n}": d for n, d in STUBS.items()})
    with tarfile.open(classroom / "frank.tar.gz", "w:gz") as tf:
        for name, data in REFERENCE.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    before = _snapshot(classroom)
    found, out = _found(classroom, tmp_path)
    assert found.layouts == {"folder", "archive"}
    assert sorted(out) == ["erin", "flat", "frank", "workspace", "wrapped", "zipped"]
    for student in ("flat", "workspace", "zipped", "frank"):
        assert out[student].files == REFERENCE, student
    for student in ("wrapped", "erin"):
        assert out[student].files == STUBS, student
    assert out["workspace"].found_at["step_by_step.py"] == "course/c1w4/step_by_step.py"
    assert _snapshot(classroom) == before  # nothing in SUBMISSIONS changed


def test_the_unit_folder_wins_over_a_stray_copy(tmp_path):
    classroom = tmp_path / "class"
    _write(classroom / "ana", {f"course/c1w4/{n}": d for n, d in REFERENCE.items()}
           | {"step_by_step.py": STUBS["step_by_step.py"]})
    _found_, out = _found(classroom, tmp_path)
    assert out["ana"].files == REFERENCE


def test_two_different_copies_at_the_same_level_are_refused(tmp_path):
    classroom = tmp_path / "class"
    _write(classroom / "ana", {"v1/step_by_step.py": b"a = 1\n", "v2/step_by_step.py": b"a = 2\n"})
    _write(classroom / "ben", {"v1/step_by_step.py": b"a = 1\n", "v2/step_by_step.py": b"a = 1\n"})
    _found_, out = _found(classroom, tmp_path)
    assert isinstance(out["ana"], IntakeError) and "Several different copies" in str(out["ana"])
    assert out["ben"].files == {"step_by_step.py": b"a = 1\n"}


def test_canvas_bulk_download(tmp_path):
    canvas = tmp_path / "canvas"
    _write(canvas, {
        "smithjane_1001_5001_step_by_step.py": REFERENCE["step_by_step.py"],
        "smithjane_1001_5002_cat_classifier.py": REFERENCE["cat_classifier.py"],
        "doejohn_late_1002_5003_step_by_step-1.py": STUBS["step_by_step.py"],
    })
    _zip(canvas / "leeann_1003_5004_submission-c1w4.zip", STUBS)
    bulk = _zip(tmp_path / "submissions.zip",
                {p.name: p.read_bytes() for p in sorted(canvas.iterdir())})
    for source in (canvas, bulk):
        found, out = _found(source, tmp_path / f"work-{source.name}")
        assert found.layouts == {"canvas"}
        by_id = {c.student: c for c in found.candidates}
        assert sorted(by_id) == ["1001", "1002", "1003"]
        assert by_id["1001"].name == "smithjane" and by_id["1002"].late
        assert not by_id["1001"].late
        assert out["1001"].files == REFERENCE
        assert out["1002"].files == {"step_by_step.py": STUBS["step_by_step.py"]}  # "-1" renamed
        assert out["1003"].files == STUBS


def test_moodle_bulk_download_folders_and_flat_files(tmp_path):
    moodle = tmp_path / "moodle"
    _write(moodle / "Jane Smith_123456_assignsubmission_file_", REFERENCE)
    _zip(_write(moodle / "أحمد علي_123457_assignsubmission_file_", {}) / "hw.zip", STUBS)
    bulk = _zip(tmp_path / "moodle.zip", {
        f"{p.relative_to(moodle).as_posix()}": p.read_bytes()
        for p in sorted(moodle.rglob("*")) if p.is_file()})
    for source in (moodle, bulk):
        found, out = _found(source, tmp_path / f"work-{source.name}")
        assert found.layouts == {"moodle"}
        names = {c.student: c.name for c in found.candidates}
        assert names == {"123456": "Jane Smith", "123457": "أحمد علي"}
        assert out["123456"].files == REFERENCE and out["123457"].files == STUBS
    flat = _write(tmp_path / "flat", {
        f"Jane Smith_123456_assignsubmission_file_{n}": d for n, d in REFERENCE.items()})
    found, out = _found(flat, tmp_path / "flat-work")
    assert [c.student for c in found.candidates] == ["123456"]
    assert out["123456"].files == REFERENCE


def test_an_amiq_submit_zip_is_checked_against_its_manifest(tmp_path):
    from grader.classroom.submit import submission_zip

    classroom = tmp_path / "class"
    classroom.mkdir()
    (classroom / "ok.zip").write_bytes(submission_zip(UNIT, REFERENCE, []))
    with zipfile.ZipFile(classroom / "ok.zip") as original, \
            zipfile.ZipFile(classroom / "changed.zip", "w") as changed:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "step_by_step.py":
                data += b"\n# edited afterwards\n"
            changed.writestr(info.filename, data)
    other = json.loads(zipfile.ZipFile(classroom / "ok.zip").read("amiq-manifest.json"))
    other["unit"] = "c1w3"
    _zip(classroom / "wrong-unit.zip", {**REFERENCE, "amiq-manifest.json": json.dumps(other)})
    _found_, out = _found(classroom, tmp_path)
    assert out["ok"].files == REFERENCE and out["ok"].notes == []
    assert "step_by_step.py" in out["changed"].notes[0].render("en")
    assert isinstance(out["wrong-unit"], IntakeError)
    assert "unit c1w3" in str(out["wrong-unit"])


def test_rows_that_are_refused_say_why(tmp_path):
    classroom = tmp_path / "class"
    (classroom / "empty").mkdir(parents=True)
    _write(classroom / "notes-only", {"readme.txt": b"I did not finish"})
    _write(classroom / "week3", {"planar_classifier.py": b"x = 1\n"})
    _write(classroom / "alice", REFERENCE)
    _zip(classroom / "alice.zip", REFERENCE)
    (classroom / "evil.zip").write_bytes(_zip(tmp_path / "e.zip", {"../../evil.py": b"1"})
                                         .read_bytes())
    target = _write(tmp_path / "elsewhere", REFERENCE)
    os.symlink(target, classroom / "linked")
    _write(classroom / "filelink", {})
    os.symlink(target / "step_by_step.py", classroom / "filelink" / "step_by_step.py")
    _write(classroom / "huge", {"step_by_step.py": b"#" * (3 * 1024 * 1024)})
    found, out = _found(classroom, tmp_path)
    reasons = {s: str(e) for s, e in out.items() if isinstance(e, IntakeError)}
    assert "No exercise files were found" in reasons["empty"]
    assert "No exercise files were found" in reasons["notes-only"]
    assert "unit c1w3" in reasons["week3"]
    assert "Several submissions carry the student id alice" in reasons["alice"]
    assert "leaves its folder" in reasons["evil"]
    assert "symbolic link" in reasons["linked"] and "symbolic link" in reasons["filelink"]
    assert "larger than" in reasons["huge"]
    assert not (tmp_path / "evil.py").exists()


def test_what_is_not_a_class_is_refused_clearly(tmp_path):
    with pytest.raises(IntakeError, match="does not exist"):
        scan(tmp_path / "nothing", UNIT, tmp_path / "w1")
    single = _write(tmp_path / "single", REFERENCE)
    with pytest.raises(IntakeError, match="looks like one student's submission"):
        scan(single, UNIT, tmp_path / "w2")
    loose = _write(tmp_path / "loose", {"notes.txt": b"x", "grades.csv": b"a,b"})
    with pytest.raises(IntakeError) as info:
        scan(loose, UNIT, tmp_path / "w3")
    assert "No submissions were found" in str(info.value)
    assert "Canvas" in str(info.value) and "Moodle" in str(info.value)  # what is expected
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(IntakeError, match="neither a folder nor a zip"):
        scan(tmp_path / "file.txt", UNIT, tmp_path / "w4")


def test_loose_files_beside_students_are_listed_as_ignored(tmp_path):
    classroom = tmp_path / "class"
    _write(classroom / "alice", REFERENCE)
    _write(classroom, {"roster.csv": b"id\nalice\n", ".DS_Store": b""})
    found = scan(classroom, UNIT, tmp_path / "work")
    assert [c.student for c in found.candidates] == ["alice"]
    assert found.ignored == ["roster.csv"]
