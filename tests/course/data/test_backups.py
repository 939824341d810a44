"""Backups keep the file's path under a timestamped .amiq-backups folder."""

from course.data.backups import BACKUP_DIRNAME, backup_file


def test_copy_keeps_relative_path_and_original(tmp_path):
    f = tmp_path / "a" / "b.txt"
    f.parent.mkdir()
    f.write_text("hello")
    copy = backup_file(f, tmp_path, stamp="S")
    assert copy == tmp_path / BACKUP_DIRNAME / "S" / "a" / "b.txt"
    assert copy.read_text() == "hello" and f.read_text() == "hello"


def test_move_removes_the_original(tmp_path):
    f = tmp_path / "c.txt"
    f.write_text("x")
    moved = backup_file(f, tmp_path, move=True)
    assert not f.exists() and moved.read_text() == "x"


def test_file_outside_base_keeps_only_its_name(tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("y")
    base = tmp_path / "base"
    base.mkdir()
    assert backup_file(outside, base, stamp="S") == base / BACKUP_DIRNAME / "S" / "elsewhere.txt"
