"""Writing the generated stubs: backups before replacing, check mode writes nothing."""

import pytest

from course.authoring.stubs import StubError
from course.authoring.sync import SyncError, sync_unit

REFERENCE = "def f():\n    # BEGIN SOLUTION\n    return 1\n    # END SOLUTION\n"


@pytest.fixture
def tree(tmp_path):
    solutions = tmp_path / "solutions" / "u1"
    solutions.mkdir(parents=True)
    (solutions / "__init__.py").write_text("")
    (solutions / "ex.py").write_text(REFERENCE)
    return tmp_path


def test_first_sync_writes_every_file_without_backups(tree):
    report = sync_unit(tree / "solutions", tree / "course", "u1")
    assert sorted(p.name for p in report.written) == ["__init__.py", "ex.py"]
    assert report.backups == []
    assert "raise NotImplementedError" in (tree / "course/u1/ex.py").read_text()


def test_a_students_edited_file_is_backed_up_before_regeneration(tree):
    sync_unit(tree / "solutions", tree / "course", "u1")
    student = tree / "course/u1/ex.py"
    student.write_text("def f():\n    return 42  # my work\n")
    report = sync_unit(tree / "solutions", tree / "course", "u1")
    [(path, backup)] = report.backups
    assert path == student
    assert backup.read_text() == "def f():\n    return 42  # my work\n"
    assert ".amiq-backups" in backup.parts and backup.parts[-3:] == ("course", "u1", "ex.py")
    assert "raise NotImplementedError" in student.read_text()


def test_check_mode_reports_drift_and_writes_nothing(tree):
    sync_unit(tree / "solutions", tree / "course", "u1")
    student = tree / "course/u1/ex.py"
    student.write_text("edited\n")
    report = sync_unit(tree / "solutions", tree / "course", "u1", check=True)
    assert report.drifted == [student] and report.written == []
    assert student.read_text() == "edited\n"
    assert not (tree / ".amiq-backups").exists()


def test_unchanged_files_are_left_alone(tree):
    sync_unit(tree / "solutions", tree / "course", "u1")
    report = sync_unit(tree / "solutions", tree / "course", "u1")
    assert report.written == [] and len(report.unchanged) == 2


def test_missing_unit_is_a_clear_error(tree, lang):
    lang("en")
    with pytest.raises(SyncError, match="No reference solutions for unit"):
        sync_unit(tree / "solutions", tree / "course", "nope")


def test_malformed_markers_write_nothing(tree):
    (tree / "solutions/u1/bad.py").write_text("# END SOLUTION\n")
    with pytest.raises(StubError):
        sync_unit(tree / "solutions", tree / "course", "u1")
    assert not (tree / "course").exists()
