"""Safe extraction: traversal, links, bombs, counts, encryption and damage are refused.

Every archive here is built by the test itself with the standard library; the checks are those
of :mod:`grader.classroom.archives` and nothing may be written outside the target folder.
"""

import bz2
import gzip
import io
import lzma
import stat
import subprocess
import sys
import tarfile
import zipfile
import pytest

from grader.classroom.archives import (ArchiveError, ArchiveLimits, archive_kind, archive_stem,
                                       extract, member_path)
from grader_test_support import ROOT, long_name_bomb


def _zip(path, members):
    """``members``: ``{name: bytes}`` or ``{name: (bytes, mode)}``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            mode = 0o644
            if isinstance(data, tuple):
                data, mode = data
            info = zipfile.ZipInfo(name)
            info.external_attr = mode << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return path


def _tar(path, members, links=()):
    with tarfile.open(path, "w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        for name, target in links:
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            tf.addfile(info)
    return path


# Run in a fresh interpreter: its peak resident memory says what the extraction itself took.
_MEASURE = """
import resource, sys
from grader.classroom.archives import ArchiveError, extract
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    extract(sys.argv[1], sys.argv[2])
    print("extracted")
except ArchiveError as exc:
    print("refused:", exc)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def _tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_kinds_and_stems():
    assert archive_kind("a.ZIP") == "zip" and archive_kind("a.tar.gz") == "tar"
    assert archive_kind("a.tgz") == "tar" and archive_kind("a.py") is None
    assert archive_kind("a.tar.bz2") == "tar" and archive_kind("a.TAR.XZ") == "tar"
    assert archive_stem("alice.tar.gz") == "alice" and archive_stem("bob.zip") == "bob"
    assert archive_stem("carol.tar.xz") == "carol" and archive_stem("dan.tar") == "dan"


@pytest.mark.parametrize("name", ["/etc/passwd", "../x.py", "a/../../x.py", "C:/x.py",
                                  "..\\..\\x.py", "a/\x00b"])
def test_member_paths_that_leave_the_folder_are_refused(name):
    with pytest.raises(ArchiveError):
        member_path(name)


def test_member_paths_are_normalised():
    assert str(member_path("./a//b\\c.py")) == "a/b/c.py"
    assert member_path("./") is None


def test_a_zip_is_extracted_and_only_wanted_files_written(tmp_path):
    archive = _zip(tmp_path / "s.zip", {"course/c1w4/step_by_step.py": b"x = 1\n",
                                        "notes.txt": b"hello", "dir/": b""})
    written = extract(archive, tmp_path / "out", wanted=lambda rel: rel.suffix == ".py")
    assert [str(p) for p in written] == ["course/c1w4/step_by_step.py"]
    assert _tree(tmp_path / "out") == ["course/c1w4/step_by_step.py"]
    assert (tmp_path / "out/course/c1w4/step_by_step.py").read_bytes() == b"x = 1\n"


@pytest.mark.parametrize("name", ["../evil.py", "/tmp/evil.py", "a/../../evil.py"])
def test_a_zip_with_traversal_is_refused_and_nothing_is_written(tmp_path, name):
    archive = _zip(tmp_path / "s.zip", {"ok.py": b"1", name: b"2"})
    with pytest.raises(ArchiveError, match="refused"):
        extract(archive, tmp_path / "out")
    assert not (tmp_path / "out").exists() and not (tmp_path / "evil.py").exists()


def test_a_zip_with_a_symlink_is_refused(tmp_path):
    archive = _zip(tmp_path / "s.zip", {"link.py": (b"/etc/passwd", stat.S_IFLNK | 0o777)})
    with pytest.raises(ArchiveError, match="link"):
        extract(archive, tmp_path / "out")


def test_a_tar_with_a_symlink_is_refused(tmp_path):
    archive = _tar(tmp_path / "s.tar.gz", {"a.py": b"1"}, links=[("b.py", "/etc/passwd")])
    with pytest.raises(ArchiveError, match="link"):
        extract(archive, tmp_path / "out")


def test_a_tar_is_extracted(tmp_path):
    archive = _tar(tmp_path / "s.tgz", {"sub/step_by_step.py": b"y = 2\n"})
    extract(archive, tmp_path / "out")
    assert (tmp_path / "out/sub/step_by_step.py").read_bytes() == b"y = 2\n"


def test_too_many_entries_are_refused(tmp_path):
    archive = _zip(tmp_path / "s.zip", {f"f{i}.py": b"" for i in range(11)})
    with pytest.raises(ArchiveError, match="more than 10 entries"):
        extract(archive, tmp_path / "out", ArchiveLimits(max_files=10))


def test_a_zip_bomb_is_refused_before_decompressing(tmp_path):
    archive = _zip(tmp_path / "bomb.zip", {"zeros.py": b"0" * (8 * 1024 * 1024)})
    assert archive.stat().st_size < 100_000  # really a high ratio
    with pytest.raises(ArchiveError, match="compressed far more"):
        extract(archive, tmp_path / "out")


def test_the_total_size_is_capped(tmp_path):
    archive = _zip(tmp_path / "s.zip", {"a.py": b"a" * 600, "b.py": b"b" * 600})
    with pytest.raises(ArchiveError, match="MB once extracted"):
        extract(archive, tmp_path / "out", ArchiveLimits(max_bytes=1000))


def test_a_forged_size_in_the_header_is_caught_while_writing(tmp_path):
    archive = tmp_path / "forged.zip"
    _zip(archive, {"a.py": b"x" * 5000})
    data = bytearray(archive.read_bytes())
    # Lower the uncompressed size recorded in the central directory (offset 24 of its entry).
    central = data.rindex(b"PK\x01\x02")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    with pytest.raises(ArchiveError):
        extract(archive, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_an_encrypted_zip_is_refused(tmp_path):
    archive = _zip(tmp_path / "s.zip", {"a.py": b"1"})
    data = bytearray(archive.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.index(signature)
        data[start + offset] |= 0x1  # the "encrypted" flag bit
    archive.write_bytes(bytes(data))
    with pytest.raises(ArchiveError, match="password"):
        extract(archive, tmp_path / "out")


def test_damaged_and_duplicated_archives_are_refused(tmp_path):
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ArchiveError, match="cannot be read"):
        extract(tmp_path / "bad.zip", tmp_path / "out1")
    archive = tmp_path / "dup.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.py", "1")
        with pytest.warns(UserWarning):
            zf.writestr("a.py", "2")
    with pytest.raises(ArchiveError, match="twice"):
        extract(archive, tmp_path / "out2")


def test_the_source_archive_is_only_read(tmp_path):
    archive = _zip(tmp_path / "s.zip", {"a.py": b"1"})
    before = (archive.read_bytes(), archive.stat().st_mtime_ns)
    extract(archive, tmp_path / "out")
    assert (archive.read_bytes(), archive.stat().st_mtime_ns) == before


@pytest.mark.parametrize("suffix, opener", [(".tar", open), (".tar.gz", gzip.open),
                                            (".tgz", gzip.open), (".tar.bz2", bz2.open),
                                            (".tar.xz", lzma.open)])
def test_each_tar_suffix_is_read_with_its_compression(tmp_path, suffix, opener):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tf:
        info = tarfile.TarInfo("sub/step_by_step.py")
        info.size = 6
        tf.addfile(info, io.BytesIO(b"y = 2\n"))
    with opener(tmp_path / f"s{suffix}", "wb") as out:
        out.write(buffer.getvalue())
    extract(tmp_path / f"s{suffix}", tmp_path / "out")
    assert (tmp_path / "out/sub/step_by_step.py").read_bytes() == b"y = 2\n"


@pytest.mark.parametrize("suffix, opener, expected", [(".tar.gz", bz2.open, "gzip"),
                                                      (".tar", gzip.open, "tar"),
                                                      (".tar.xz", open, "xz")])
def test_content_that_does_not_match_its_suffix_is_refused(tmp_path, suffix, opener, expected):
    archive = _tar(tmp_path / "plain.tar.gz", {"a.py": b"1"})
    with gzip.open(archive) as fh:
        plain = fh.read()
    with opener(tmp_path / f"s{suffix}", "wb") as out:
        out.write(plain)
    with pytest.raises(ArchiveError, match=f"suffix {suffix} says \\({expected} data"):
        extract(tmp_path / f"s{suffix}", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_plain_tar_whose_first_name_looks_compressed_is_read(tmp_path):
    archive = tmp_path / "s.tar"
    with tarfile.open(archive, "w") as tf:
        info = tarfile.TarInfo("BZh9.py")  # the bzip2 signature, as a file name
        info.size = 1
        tf.addfile(info, io.BytesIO(b"1"))
    extract(archive, tmp_path / "out")
    assert (tmp_path / "out/BZh9.py").read_bytes() == b"1"


@pytest.mark.parametrize("name, opener, reason", [
    ("eve.tar.gz", gzip.open, "a long name or an extended header of 51200 KB"),
    ("eve.tar.bz2", bz2.open, "a long name or an extended header of 51200 KB"),
    # bzip2 content under a gzip name: once guessed from the content and decompressed.
    ("eve.tar.gz", bz2.open, "suffix .tar.gz says"),
])
def test_a_long_name_bomb_is_refused_without_reading_it(tmp_path, name, opener, reason):
    archive = long_name_bomb(tmp_path / name, opener, 50 * 1024 * 1024)
    assert archive.stat().st_size < 100_000  # 50 MB once decompressed
    result = subprocess.run([sys.executable, "-c", _MEASURE, str(archive), str(tmp_path / "out")],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    verdict, growth_kib = result.stdout.strip().splitlines()
    # Reading the long name takes its 50 MB at least (the old reader's peak grew 64-103 MiB).
    assert int(growth_kib) < 16 * 1024, (growth_kib, verdict)
    assert verdict.startswith("refused:") and reason in verdict, verdict
    assert not (tmp_path / "out").exists()


def test_a_large_pax_header_is_refused(tmp_path):
    archive = tmp_path / "s.tar"
    with tarfile.open(archive, "w", format=tarfile.PAX_FORMAT) as tf:
        info = tarfile.TarInfo("a.py")
        info.size = 1
        info.pax_headers = {"comment": "c" * 100_000}
        tf.addfile(info, io.BytesIO(b"1"))
    with pytest.raises(ArchiveError, match="extended header of 98 KB"):
        extract(archive, tmp_path / "out")


def test_headers_count_towards_the_total_size(tmp_path):
    # 60 members of 1 byte, each named by a 60 KB long name: 3.6 MB of headers, under the
    # per-header cap, over 1 MB of files plus room for the headers of 100 members.
    archive = tmp_path / "s.tar.gz"
    with tarfile.open(archive, "w:gz", format=tarfile.GNU_FORMAT) as tf:
        for i in range(60):
            info = tarfile.TarInfo(f"{i:02d}" + "n" * 60_000)
            info.size = 1
            tf.addfile(info, io.BytesIO(b"1"))
    with pytest.raises(ArchiveError, match="MB once extracted"):
        extract(archive, tmp_path / "out", ArchiveLimits(max_bytes=1 << 20, max_files=100),
                wanted=lambda rel: False)


def test_running_out_of_memory_refuses_that_archive_only(tmp_path, monkeypatch):
    def exhausted(self):
        raise MemoryError  # as a huge allocation under a memory limit would

    archive = _tar(tmp_path / "s.tgz", {"a.py": b"1"})
    monkeypatch.setattr(tarfile.TarFile, "next", exhausted)
    with pytest.raises(ArchiveError, match="more memory than the grader may use"):
        extract(archive, tmp_path / "out")
    assert not (tmp_path / "out").exists()
