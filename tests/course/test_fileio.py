"""Atomic writes: all or nothing, the umask honoured, no temporary file left behind."""

import os
import stat

import pytest

from course import fileio


def test_text_is_written_whole_and_replaces_the_old_file(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("old")
    fileio.write_text_atomic(path, "نص جديد\n")
    assert path.read_text(encoding="utf-8") == "نص جديد\n"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_the_mode_follows_the_umask_or_the_argument(tmp_path):
    previous = os.umask(0o027)
    try:
        fileio.write_bytes_atomic(tmp_path / "a", b"x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(os.stat(tmp_path / "a").st_mode) == 0o640
    fileio.write_bytes_atomic(tmp_path / "b", b"x", mode=0o600)
    assert stat.S_IMODE(os.stat(tmp_path / "b").st_mode) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "keep.txt"
    path.write_text("keep me")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        fileio.write_text_atomic(path, "new")
    assert path.read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
