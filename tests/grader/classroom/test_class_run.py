"""A class run end to end: rows for every kind of submission, feedback languages, resume, outputs.

Students are graded for real (two exercises, public and hidden checks, two workers), so every
row's status and error come from the engine. Submissions are built from the reference and the
stubs (``grader_test_support``); nothing of a solution is written here.
"""

import bz2
import csv
import gzip
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader.build import submissions
from grader.classroom.run import ClassError, ClassOptions, grade_class
from grader_test_support import ROOT, long_name_bomb, write_submission

EXERCISES = ["c1w4.linear_forward", "c1w4.compute_cost"]


def _options(classroom, out, **extra):
    values = dict(submissions=classroom, out=out, unit="c1w4", exercises=EXERCISES,
                  hidden=True, jobs=2, lang="en", instructor_lang="en", progress=False)
    values.update(extra)
    return ClassOptions(**values)


def _rows(out):
    with open(out / "grades.csv", encoding="utf-8") as fh:
        return {r["student"]: r for r in csv.DictReader(fh)}


def _snapshot(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def mixed_class():
    """A class with one student of each kind, graded once for the tests below.

    It lives in a folder every user can read (pytest's own are private to their owner), so that
    only the sandbox keeps the hostile student from its classmate's files.
    """
    from sandbox_levels import make_public, public_folder

    base = public_folder("amiq-class-test-")
    classroom = base / "submissions"
    write_submission(classroom / "complete", reference=True)
    write_submission(classroom / "unfinished")
    write_submission(classroom / "broken", reference=True, step_extra="def broken(:\n")
    (classroom / "empty").mkdir()
    write_submission(classroom / "hanging", reference=True, step_extra="while True:\n    pass\n")
    write_submission(classroom / "crashing", reference=True,
                     step_extra="import os\nos._exit(3)\n")
    # Hostile: tries to take a classmate's complete work and to write into the results.
    write_submission(classroom / "hostile", step_extra=(
        f"try:\n    exec(open({str(classroom / 'complete' / 'step_by_step.py')!r}).read())\n"
        "except Exception:\n    pass\n"
        f"try:\n    open({str(base / 'out' / 'grades.csv')!r}, 'w').write('pwned')\n"
        "except Exception:\n    pass\n"))
    workspace = base / "workspace"
    write_submission(workspace / "course" / "c1w4", reference=True)
    shutil.make_archive(str(classroom / "zipped"), "zip", workspace)
    make_public(classroom)
    before = _snapshot(classroom)
    result = grade_class(_options(classroom, base / "out", student_seconds=12))
    yield base, classroom, result, before
    shutil.rmtree(base, ignore_errors=True)


def test_every_kind_of_submission_costs_only_its_own_row(mixed_class):
    base, classroom, result, before = mixed_class
    rows = _rows(base / "out")
    assert set(rows) == {"complete", "unfinished", "broken", "empty", "hanging", "crashing",
                         "hostile", "zipped"}
    full = rows["complete"]["max_score"]
    assert rows["complete"]["status"] == "graded" and rows["complete"]["total"] == full
    assert rows["zipped"]["total"] == full  # the workspace layout, zipped
    assert rows["unfinished"]["status"] == "graded" and float(rows["unfinished"]["total"]) == 0
    assert rows["broken"]["status"] == "problems"
    assert "SyntaxError" in rows["broken"]["error"] and "line" in rows["broken"]["error"]
    assert rows["empty"]["status"] == "failed" and "No exercise files" in rows["empty"]["error"]
    assert rows["hanging"]["status"] == "timed_out" and rows["hanging"]["error"]
    assert rows["crashing"]["status"] == "problems" and "crashed" in rows["crashing"]["error"]
    assert float(rows["hostile"]["total"]) == 0  # nothing gained from the others' files
    for row in rows.values():
        assert row["status"] == "graded" or row["error"], row
        for exercise in EXERCISES:
            assert exercise in row
    assert _snapshot(classroom) == before  # SUBMISSIONS untouched
    assert result.counts["students"] == 8 and result.counts["timed_out"] == 1


def test_the_hostile_submission_is_a_real_attack(mixed_class):
    """Control: with nothing to contain it, the hostile code takes its classmate's marks."""
    from grader.runner.engine import grade

    _base, classroom, _result, _before = mixed_class
    report = grade(["c1w4.linear_forward"], classroom / "hostile", unit="c1w4", isolate=False,
                   allow_weak_isolation=True)
    assert report.score == report.max_score > 0


def test_outputs_are_written_and_complete(mixed_class):
    base, _classroom, _result, _before = mixed_class
    out = base / "out"
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert {s["student"] for s in data["students"]} == set(_rows(out))
    complete = next(s for s in data["students"] if s["student"] == "complete")
    assert complete["report"]["mode"] == "hidden" and complete["report"]["submission"] == "complete"
    assert sorted(p.name for p in (out / "feedback").iterdir()) == sorted(
        f"{s}.txt" for s in _rows(out))
    feedback = (out / "feedback" / "broken.txt").read_text(encoding="utf-8")
    assert "SyntaxError" in feedback and ".amiq-class" not in feedback  # no internal paths
    with open(out / "canvas.csv", encoding="utf-8") as fh:
        canvas = list(csv.reader(fh))
    assert canvas[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    with open(out / "moodle.csv", encoding="utf-8") as fh:
        assert next(csv.reader(fh))[0] == "Identifier"
    assert not list((out / ".amiq-class").glob("work"))  # prepared copies removed
    assert not [p for p in out.rglob("*.tmp")]


def test_a_second_run_resumes_and_force_grades_again(mixed_class, tmp_path):
    base, classroom, _result, _before = mixed_class
    out = base / "out"
    records = out / ".amiq-class" / "records"
    kept = {p.name: p.read_bytes() for p in records.iterdir()}
    (records / "unfinished.json").unlink()  # as if the run had stopped before this student
    result = grade_class(_options(classroom, out, student_seconds=12))
    resumed = {r.student for r in result.rows if r.resumed}
    assert "unfinished" not in resumed and "complete" in resumed and "broken" in resumed
    assert "hanging" in resumed  # stopped by the limit: finished with this limit
    for name, data in kept.items():
        if name != "unfinished.json":
            assert (records / name).read_bytes() == data  # not graded again
    assert _rows(out)["unfinished"]["status"] == "graded"
    # A changed submission is graded again; --force grades everyone again.
    changed = tmp_path / "changed"
    shutil.copytree(classroom, changed, symlinks=True)
    write_submission(changed / "unfinished", reference=True)
    result = grade_class(_options(changed, tmp_path / "out2", jobs=1,
                                  exercises=["c1w4.linear_forward"], student_seconds=12))
    result = grade_class(_options(changed, tmp_path / "out2", jobs=1,
                                  exercises=["c1w4.linear_forward"], student_seconds=12,
                                  force=True))
    assert not any(r.resumed for r in result.rows)


def test_feedback_follows_the_roster_language(tmp_path):
    classroom = tmp_path / "submissions"
    write_submission(classroom / "amal")
    write_submission(classroom / "ben")
    write_submission(classroom / "chen")
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,email,language\namal,Amal,amal@x.org,ar\nben,Ben,ben@x.org,en\n"
                      "dana,Dana,dana@x.org,ar\n", encoding="utf-8")
    result = grade_class(_options(classroom, tmp_path / "out", roster=roster, lang="en",
                                  exercises=["c1w4.linear_forward"], hidden=False))
    feedback = tmp_path / "out" / "feedback"

    def arabic(text):
        return any("\u0600" <= ch <= "\u06ff" for ch in text)

    assert arabic((feedback / "amal.txt").read_text(encoding="utf-8"))
    assert not arabic((feedback / "ben.txt").read_text(encoding="utf-8"))
    assert not arabic((feedback / "chen.txt").read_text(encoding="utf-8"))  # the class default
    rows = _rows(tmp_path / "out")
    assert rows["amal"]["name"] == "Amal" and rows["dana"]["status"] == "missing"
    assert result.counts["missing"] == 1
    # The class language alone (no roster) is Arabic here.
    grade_class(_options(classroom, tmp_path / "out-ar", lang="ar",
                         exercises=["c1w4.linear_forward"], hidden=False))
    assert arabic((tmp_path / "out-ar" / "feedback" / "ben.txt").read_text(encoding="utf-8"))


def test_an_edited_output_is_backed_up_before_it_is_rewritten(tmp_path):
    classroom = tmp_path / "submissions"
    write_submission(classroom / "amal")
    options = _options(classroom, tmp_path / "out", exercises=["c1w4.linear_forward"],
                       hidden=False)
    grade_class(options)
    grades = tmp_path / "out" / "grades.csv"
    grades.write_text(grades.read_text(encoding="utf-8") + "my note\n", encoding="utf-8")
    result = grade_class(options)
    assert len(result.backups) == 1
    assert Path(result.backups[0]).read_text(encoding="utf-8").endswith("my note\n")
    assert "my note" not in grades.read_text(encoding="utf-8")
    result = grade_class(options)  # untouched since: no new backup
    assert result.backups == []


def test_unsafe_results_folders_are_refused(tmp_path):
    classroom = tmp_path / "submissions"
    write_submission(classroom / "amal")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.tex").write_text("precious")
    with pytest.raises(ClassError, match="not empty"):
        grade_class(_options(classroom, tmp_path / "mine"))
    assert (tmp_path / "mine" / "thesis.tex").read_text() == "precious"
    with pytest.raises(ClassError, match="outside the submissions"):
        grade_class(_options(classroom, classroom / "results"))
    with pytest.raises(ClassError, match="does not exist"):
        grade_class(_options(tmp_path / "nowhere", tmp_path / "out"))


def test_two_runs_cannot_write_one_results_folder(tmp_path):
    import fcntl

    classroom = tmp_path / "submissions"
    write_submission(classroom / "amal")
    state = tmp_path / "out" / ".amiq-class"
    state.mkdir(parents=True)
    with open(state / "lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(ClassError, match="Another class run"):
            grade_class(_options(classroom, tmp_path / "out"))
    # A refused layout leaves no empty results folder behind.
    with pytest.raises(ClassError, match="No submissions were found"):
        grade_class(_options(tmp_path / "out" / ".amiq-class", tmp_path / "fresh"))
    assert not (tmp_path / "fresh").exists()


def test_an_interrupted_run_continues_where_it_stopped(tmp_path):
    classroom = tmp_path / "submissions"
    for index in range(6):
        write_submission(classroom / f"s{index}", reference=index % 2 == 0)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "course.cli", "grade", "--class", str(classroom), "--out",
           str(out), "--unit", "c1w4", "--jobs", "1", "--no-progress", "--lang", "en",
           *EXERCISES]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(cmd, cwd=str(tmp_path), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    records = out / ".amiq-class" / "records"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and len(list(records.glob("*.json"))) < 2:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "run the same command again" in stderr
    first = {p.name: p.read_bytes() for p in records.glob("*.json")}
    assert 2 <= len(first) < 6
    for data in first.values():
        json.loads(data)  # every record complete
    assert not list(records.glob(".*.tmp"))
    done = subprocess.run(cmd, cwd=str(tmp_path), env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"{len(first)} students were already graded" in done.stdout
    for name, data in first.items():
        assert (records / name).read_bytes() == data
    rows = _rows(out)
    assert len(rows) == 6 and all(r["status"] == "graded" for r in rows.values())


def test_submissions_as_a_canvas_bulk_zip(tmp_path):
    reference = submissions.reference_sources()
    stubs = submissions.stub_sources()
    import zipfile

    bulk = tmp_path / "submissions.zip"
    with zipfile.ZipFile(bulk, "w") as zf:
        for name, text in reference.items():
            zf.writestr(f"smithjane_1001_5001_{name}", text)
        zf.writestr("doejohn_late_1002_5003_step_by_step.py", stubs["step_by_step.py"])
    result = grade_class(_options(bulk, tmp_path / "out", exercises=["c1w4.linear_forward"],
                                  hidden=False))
    rows = _rows(tmp_path / "out")
    assert rows["1001"]["name"] == "smithjane" and rows["1001"]["total"] == rows["1001"]["max_score"]
    assert "late" in rows["1002"]["notes"]
    with open(tmp_path / "out" / "canvas.csv", encoding="utf-8") as fh:
        canvas = list(csv.reader(fh))
    assert canvas[2][:2] == ["smithjane", "1001"]
    assert result.counts["graded"] == 2


def test_archive_bombs_cost_their_students_rows_only(tmp_path, monkeypatch):
    """Long-name bombs, bzip2 under a gzip name and an archive that exhausts memory: one row each."""
    import grader.classroom.archives as archives

    classroom = tmp_path / "submissions"
    write_submission(classroom / "good", reference=True)
    long_name_bomb(classroom / "eve.tar.gz", gzip.open, 8 * 1024 * 1024)
    long_name_bomb(classroom / "mallory.tar.gz", bz2.open, 8 * 1024 * 1024)
    (classroom / "oscar.tar").write_bytes(bytes(2 * 512))  # an empty tar; made to run out of
    # memory below (as the old reader did on a huge header under a memory limit)
    extract_tar = archives._extract_tar

    def exhausted_for_oscar(archive, *args):
        if Path(archive).name == "oscar.tar":
            raise MemoryError
        return extract_tar(archive, *args)

    monkeypatch.setattr(archives, "_extract_tar", exhausted_for_oscar)
    result = grade_class(_options(classroom, tmp_path / "out", exercises=["c1w4.linear_forward"],
                                  hidden=False, jobs=1))
    rows = _rows(tmp_path / "out")
    assert set(rows) == {"good", "eve", "mallory", "oscar"}
    assert rows["good"]["status"] == "graded" and rows["good"]["total"] == rows["good"]["max_score"]
    assert "long name or an extended header" in rows["eve"]["error"]
    assert "suffix .tar.gz" in rows["mallory"]["error"]
    assert "more memory than the grader may use" in rows["oscar"]["error"]
    for student in ("eve", "mallory", "oscar"):
        assert rows[student]["status"] != "graded", rows[student]
    assert result.counts["graded"] == 1
