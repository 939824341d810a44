"""course.answer_files: files students fill in are read strictly as TOML and never overwritten
without a backup."""

import re

import pytest

from course import answer_files
from course.answer_files import AnswerFileKind, parse_toml, read_text, write_with_backup
from course.cli.output import texts
from course.i18n import LocalizedError, current_language

LIMIT = 1_000


class NoteError(LocalizedError, ValueError):
    """The error type of the test kind."""


class NoteMissing(NoteError):
    """No file yet."""


# The kind's own messages name the language they were built in, so a test can tell that they
# are built again for each language (not frozen in the language of the first rendering).
NOTE_FILE = AnswerFileKind(
    filename="note.toml", max_bytes=LIMIT, error=NoteError,
    missing=lambda path: NoteMissing(lambda: f"[{current_language()}] no note at {path}"),
    too_large=lambda path, limit: f"[{current_language()}] {path} is over {limit} bytes",
    not_toml=lambda path, error: f"[{current_language()}] {path} is not TOML: {error}")


def _arabic(text):
    return re.search("[\u0600-\u06FF]", text) is not None


def test_a_file_reads_back_as_its_tomls_tables(tmp_path):
    path = tmp_path / "note.toml"
    path.write_text('\ufeff[note]\ntext = "قيمة"\ncount = 3\n', encoding="utf-8")
    assert parse_toml(read_text(path, NOTE_FILE), path, NOTE_FILE) == {
        "note": {"text": "قيمة", "count": 3}}


def test_no_file_raises_the_kinds_own_missing_error(tmp_path, lang):
    lang("en")
    with pytest.raises(NoteMissing) as info:
        read_text(tmp_path / "absent.toml", NOTE_FILE)
    assert texts(info.value, both=True) == [f"[en] no note at {tmp_path / 'absent.toml'}",
                                            f"[ar] no note at {tmp_path / 'absent.toml'}"]


def test_a_folder_is_not_a_file(tmp_path, lang):
    lang("en")
    with pytest.raises(NoteError) as info:
        read_text(tmp_path, NOTE_FILE)
    assert not isinstance(info.value, NoteMissing)
    english, arabic = texts(info.value, both=True)
    assert "is not a file" in english and str(tmp_path) in english
    assert _arabic(arabic) and str(tmp_path) in arabic


def test_files_over_the_limit_are_refused_without_being_read(tmp_path, lang):
    lang("en")
    at_limit = tmp_path / "at_limit.toml"
    at_limit.write_bytes(b"#" * LIMIT)
    assert read_text(at_limit, NOTE_FILE) == "#" * LIMIT
    over = tmp_path / "over.toml"
    over.write_bytes(b"#" * (LIMIT + 1))
    sparse = tmp_path / "sparse.toml"  # 3 GB that take no disk
    with open(sparse, "wb") as fh:
        fh.truncate(3 * 1024 ** 3)
    for path in (over, sparse):
        with pytest.raises(NoteError) as info:
            read_text(path, NOTE_FILE)
        english, arabic = texts(info.value, both=True)
        assert english.startswith("[en] ") and arabic.startswith("[ar] ")
        assert str(path) in english and f"over {LIMIT} bytes" in english


def test_an_unreadable_file_says_why(tmp_path, lang, monkeypatch):
    lang("en")
    path = tmp_path / "note.toml"
    path.write_text("[note]\n")

    def denied(path, limit):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(answer_files, "read_bytes_at_most", denied)
    with pytest.raises(NoteError) as info:
        read_text(path, NOTE_FILE)
    english, arabic = texts(info.value, both=True)
    assert english.startswith("Cannot read") and "Permission denied" in english
    assert _arabic(arabic) and "Permission denied" in arabic


def test_text_that_is_not_utf8_is_refused(tmp_path, lang):
    lang("en")
    path = tmp_path / "latin.toml"
    path.write_bytes('[note]\ntext = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(NoteError) as info:
        read_text(path, NOTE_FILE)
    english, arabic = texts(info.value, both=True)
    assert "not UTF-8" in english and _arabic(arabic) and str(path) in arabic


@pytest.mark.parametrize("text", [
    "[note\n",
    "x = 1\nx = 2\n",
    # More digits than Python turns into an int: tomllib raises ValueError, not its own error.
    "x = " + "9" * 5000 + "\n",
])
@pytest.mark.parametrize("path, shown", [(None, "note.toml"), ("mine.toml", "mine.toml")])
def test_text_that_is_not_toml_gets_the_kinds_message(text, path, shown, lang):
    lang("en")
    with pytest.raises(NoteError) as info:
        parse_toml(text, path, NOTE_FILE)
    english, arabic = texts(info.value, both=True)
    assert english.startswith(f"[en] {shown} is not TOML: ")
    assert arabic.startswith("[ar] ") and shown in arabic


def test_writing_over_a_file_keeps_a_copy_of_it(tmp_path):
    path = tmp_path / "note.toml"
    assert write_with_backup(path, "first\n") is None
    backup = write_with_backup(path, "second\n")
    assert backup.read_text() == "first\n" and path.read_text() == "second\n"
    assert backup.parent.parent.name == ".amiq-backups" and backup.name == "note.toml"
    assert backup.is_relative_to(tmp_path)


def test_the_copy_goes_under_the_backup_base_keeping_the_relative_path(tmp_path):
    folder = tmp_path / "course" / "c1w4"
    folder.mkdir(parents=True)
    path = folder / "note.toml"
    path.write_text("old\n")
    backup = write_with_backup(path, "new\n", backup_base=tmp_path)
    assert backup.read_text() == "old\n" and path.read_text() == "new\n"
    assert backup.relative_to(tmp_path).parts[0] == ".amiq-backups"
    assert backup.parts[-3:] == ("course", "c1w4", "note.toml")
