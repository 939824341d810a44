"""One atomic writer: whole files or nothing, the umask's permissions, no temporary file left."""

import os

import pytest

from course import fileio
from course.fileio import AtomicFile, current_umask, write_bytes, write_text


@pytest.fixture
def umask():
    def set_to(mask):
        previous = os.umask(mask)
        restores.append(previous)
        return mask

    restores = []
    yield set_to
    for previous in reversed(restores):
        os.umask(previous)


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_current_umask_reads_without_changing(umask):
    umask(0o027)
    assert current_umask() == 0o027
    assert os.umask(0o027) == 0o027  # unchanged by reading it


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_new_files_get_the_umask_permissions(tmp_path, umask, mask):
    umask(mask)
    write_text(tmp_path / "a.txt", "héllo\n")
    write_bytes(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "héllo\n"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    for name in ("a.txt", "b.bin"):
        assert os.stat(tmp_path / name).st_mode & 0o777 == 0o666 & ~mask
    assert _leftovers(tmp_path) == []


def test_replaces_an_existing_file_whole(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old")
    write_text(target, "new")
    assert target.read_text() == "new"


def test_an_error_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "data.txt"
    target.write_text("kept")
    with pytest.raises(RuntimeError):
        with AtomicFile(target) as out:
            out.file.write("half")
            raise RuntimeError("writer failed")
    assert target.read_text() == "kept"
    assert _leftovers(tmp_path) == []


def test_written_through_its_path_and_committed_later(tmp_path):
    target = tmp_path / "big.bin"
    staged = AtomicFile(target, binary=True)
    staged.temp_path.write_bytes(b"written by name")  # as h5py does
    assert not target.exists()
    staged.commit()
    assert target.read_bytes() == b"written by name"
    staged.discard()  # after a commit: nothing happens
    assert target.exists() and _leftovers(tmp_path) == []


def test_discard_removes_the_temporary_file(tmp_path):
    staged = AtomicFile(tmp_path / "x.txt")
    staged.file.write("never")
    staged.discard()
    assert list(tmp_path.iterdir()) == []


def test_a_failed_rename_removes_the_temporary_file(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(fileio.os, "replace", refuse)
    with pytest.raises(OSError):
        write_text(tmp_path / "x.txt", "text")
    assert list(tmp_path.iterdir()) == []


def test_newline_is_kept_when_asked(tmp_path):
    write_text(tmp_path / "crlf.txt", "a\r\nb\n", newline="")
    assert (tmp_path / "crlf.txt").read_bytes() == b"a\r\nb\n"


def test_reading_at_most_a_limit(tmp_path):
    from course.fileio import TooLarge, read_bytes_at_most

    small = tmp_path / "small.toml"
    small.write_bytes(b"x" * 10)
    assert read_bytes_at_most(small, 10) == b"x" * 10
    with pytest.raises(TooLarge):
        read_bytes_at_most(small, 9)
    sparse = tmp_path / "sparse.toml"  # 3 GB of holes: refused from its size, never read
    with open(sparse, "wb") as fh:
        fh.truncate(3 * 1024 ** 3)
    with pytest.raises(TooLarge):
        read_bytes_at_most(sparse, 1000)
    with pytest.raises(OSError):
        read_bytes_at_most(tmp_path, 1000)
