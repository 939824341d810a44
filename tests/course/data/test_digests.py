"""Cached SHA-256: computed once per unchanged file, recomputed when the file changes."""

import hashlib
import os

import pytest

from course.data import digests


@pytest.fixture
def counted(monkeypatch, tmp_path):
    monkeypatch.setenv("AMIQ_CACHE_DIR", str(tmp_path / "cache"))
    digests.clear_memory_cache()
    calls = []
    real = digests.sha256_file

    def counting(path):
        calls.append(path)
        return real(path)

    monkeypatch.setattr(digests, "sha256_file", counting)
    yield calls
    digests.clear_memory_cache()


def test_sha256_file_matches_hashlib(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"abc" * 100_000)
    assert digests.sha256_file(path) == hashlib.sha256(b"abc" * 100_000).hexdigest()


def test_repeated_calls_hash_once(counted, tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"data")
    assert digests.cached_sha256(path) == digests.cached_sha256(path)
    assert len(counted) == 1


def test_disk_cache_survives_a_new_process(counted, tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"data")
    first = digests.cached_sha256(path)
    digests.clear_memory_cache()  # as if a new process started
    assert digests.cached_sha256(path) == first
    assert len(counted) == 1
    assert (tmp_path / "cache" / digests.CACHE_FILENAME).is_file()


def test_changed_file_is_hashed_again_even_with_same_size_and_mtime(counted, tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"aaaa")
    first = digests.cached_sha256(path)
    stat = path.stat()
    path.write_bytes(b"bbbb")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # forge the old mtime
    assert digests.cached_sha256(path) != first
    assert len(counted) == 2


def test_unwritable_cache_folder_only_costs_speed(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("AMIQ_CACHE_DIR", str(blocker / "cache"))
    digests.clear_memory_cache()
    path = tmp_path / "f.bin"
    path.write_bytes(b"x")
    assert digests.cached_sha256(path) == hashlib.sha256(b"x").hexdigest()


def test_cache_dir_prefers_amiq_then_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("AMIQ_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert digests.cache_dir() == tmp_path / "amiq"
    monkeypatch.setenv("AMIQ_CACHE_DIR", str(tmp_path / "x"))
    assert digests.cache_dir() == tmp_path / "x"
