"""Fetching the files from a folder, a file:// URL or an http:// server on 127.0.0.1.

Digests are checked before anything is written in place; old different files are backed up.
"""

import functools
import http.server
import shutil
import threading

import pytest

from course.data import DataFetchError, TEST, TRAIN, fetch
from course.data.digests import sha256_file
from course.data.errors import DataSourceError


@pytest.fixture
def http_source(real_data_dir, tmp_path):
    """An HTTP server on 127.0.0.1 serving a folder; yields (base URL, folder)."""
    folder = tmp_path / "served"
    folder.mkdir()
    for split in (TRAIN, TEST):
        shutil.copy(real_data_dir / split.filename, folder / split.filename)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", folder
    finally:
        server.shutdown()
        server.server_close()


def _verified(folder):
    return all(sha256_file(folder / s.filename) == s.sha256 for s in (TRAIN, TEST))


def test_fetch_from_a_folder(real_data_dir, tmp_path):
    target = tmp_path / "data"
    report = fetch(real_data_dir, target)
    assert [status for _, status, _ in report] == ["fetched", "fetched"]
    assert _verified(target)
    assert not list(target.glob(".*.tmp"))  # no temporary file left behind
    assert fetch(real_data_dir, target)[0][1] == "present"


def test_fetch_from_a_file_url_naming_one_file(real_data_dir, tmp_path):
    target = tmp_path / "data"
    fetch((real_data_dir / TRAIN.filename).as_uri(), target)
    assert _verified(target)


def test_fetch_from_a_local_http_server(http_source, tmp_path):
    url, _ = http_source
    target = tmp_path / "data"
    fetch(url.rstrip("/"), target)
    assert _verified(target)


def test_fetch_uses_the_environment_variable_as_target(real_data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("AMIQ_DATA_DIR", str(tmp_path / "env-data"))
    fetch(real_data_dir)
    assert _verified(tmp_path / "env-data")


def test_digest_mismatch_writes_nothing(real_data_dir, tmp_path, lang):
    lang("en")
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(real_data_dir / TRAIN.filename, source / TRAIN.filename)
    (source / TEST.filename).write_bytes(b"wrong" * 1000)
    target = tmp_path / "data"
    with pytest.raises(DataFetchError, match="is not the course's test_catvnoncat.h5.*Nothing was"):
        fetch(source, target)
    # not even the good train file, nor temporary files, nor the folder the fetch created
    assert not target.exists()


def test_bad_file_on_http_server_writes_nothing(http_source, tmp_path):
    url, folder = http_source
    data = bytearray((folder / TRAIN.filename).read_bytes())
    data[-1] ^= 1
    (folder / TRAIN.filename).write_bytes(bytes(data))
    target = tmp_path / "data"
    with pytest.raises(DataFetchError, match="SHA-256"):
        fetch(url, target)
    assert not target.exists()


def test_oversized_source_is_stopped_early(tmp_path, lang):
    lang("en")
    source = tmp_path / "source"
    source.mkdir()
    (source / TRAIN.filename).write_bytes(b"x" * (TRAIN.size + 10))
    with pytest.raises(DataFetchError, match="larger than the expected"):
        fetch(source, tmp_path / "data")


def test_http_404_is_a_clear_error(http_source, tmp_path, lang):
    lang("en")
    url, _ = http_source
    with pytest.raises(DataFetchError, match="Cannot download .*nothere/train_catvnoncat.h5"):
        fetch(url + "nothere/", tmp_path / "data")


def test_different_existing_file_is_backed_up_not_overwritten(real_data_dir, tmp_path):
    target = tmp_path / "data"
    target.mkdir()
    (target / TRAIN.filename).write_bytes(b"my old file")
    report = dict((name, backup) for name, _, backup in fetch(real_data_dir, target))
    backup = report[TRAIN.filename]
    assert backup.read_bytes() == b"my old file" and ".amiq-backups" in backup.parts
    assert report[TEST.filename] is None
    assert _verified(target)


@pytest.mark.parametrize("source, message", [
    ("ftp://example.org/data/", "Unsupported source"),
    ("/no/such/folder", "Source folder not found"),
])
def test_bad_sources_are_explained(source, message, tmp_path, lang):
    lang("en")
    with pytest.raises(DataFetchError, match=message):
        fetch(source, tmp_path / "data")


@pytest.mark.parametrize("kind", ["folder", "file-url"])
def test_missing_source_folder_is_reported_when_the_data_is_present(real_data_dir, tmp_path,
                                                                     lang, kind):
    lang("en")
    target = tmp_path / "data"
    fetch(real_data_dir, target)
    wrong = tmp_path / "WRONG"
    with pytest.raises(DataSourceError, match="Source folder not found"):
        fetch(wrong if kind == "folder" else wrong.as_uri(), target)
    assert _verified(target)


def test_bad_source_message_in_arabic(tmp_path, lang):
    lang("ar")
    with pytest.raises(DataFetchError) as info:
        fetch("/no/such/folder", tmp_path / "data")
    assert "/no/such/folder" in str(info.value) and "المجلد" in str(info.value)


def _refused_url():
    import socket

    with socket.socket() as sock:  # a port nobody listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


@pytest.mark.parametrize("kind", ["missing", "ftp", "404", "refused", "truncated"])
def test_failed_fetch_leaves_no_new_folder_behind(kind, http_source, tmp_path, lang):
    lang("en")
    url, folder = http_source
    if kind == "truncated":
        data = (folder / TRAIN.filename).read_bytes()
        (folder / TRAIN.filename).write_bytes(data[: len(data) // 2])
    source = {"missing": str(tmp_path / "nowhere"), "ftp": "ftp://example.org/data/",
              "404": url + "nothere/", "refused": _refused_url(), "truncated": url}[kind]
    target = tmp_path / "new" / "data"
    with pytest.raises(DataFetchError):
        fetch(source, target, timeout=5)
    assert not target.exists() and not (tmp_path / "new").exists()


def test_failed_fetch_keeps_a_folder_that_existed(tmp_path, lang):
    lang("en")
    target = tmp_path / "data"
    target.mkdir()
    with pytest.raises(DataFetchError):
        fetch("ftp://example.org/data/", target)
    assert target.is_dir() and list(target.iterdir()) == []
