"""``amiq data where|check|fetch|synthesize``."""

import shutil

import pytest


def test_where_follows_the_environment(amiq, monkeypatch, tmp_path):
    monkeypatch.setenv("AMIQ_DATA_DIR", str(tmp_path))
    assert amiq("data", "where").out.strip() == str(tmp_path)
    assert amiq("data", "where", "--data-dir", "/x").out.strip() == "/x"


def test_check_real_data(amiq, real_data_dir):
    result = amiq("--lang", "en", "data", "check", "--data-dir", real_data_dir)
    assert result.code == 0
    assert "SHA-256 digests match" in result.out and "(209, 64, 64, 3)" in result.out


@pytest.mark.parametrize("lang, expected", [("en", "Data files missing from"),
                                            ("ar", "ملفا البيانات")])
def test_check_absent_folder_is_a_translated_error(amiq, tmp_path, lang, expected):
    result = amiq("--lang", lang, "data", "check", "--data-dir", tmp_path / "none")
    assert result.code == 1
    assert expected in result.err and "amiq data fetch SOURCE" in result.err
    assert "Traceback" not in result.err


def test_check_truncated_file_names_it(amiq, real_data_dir, tmp_path):
    for name in ("train_catvnoncat.h5", "test_catvnoncat.h5"):
        shutil.copy(real_data_dir / name, tmp_path / name)
    (tmp_path / "test_catvnoncat.h5").write_bytes(b"\x89HDF\r\n\x1a\n" + b"\0" * 100)
    result = amiq("--lang", "en", "data", "check", "--data-dir", tmp_path)
    assert result.code == 1
    assert "test_catvnoncat.h5" in result.err and "truncated" in result.err
    assert "Traceback" not in result.err and "h5py" not in result.err


def test_fetch_then_check(amiq, real_data_dir, tmp_path):
    target = tmp_path / "data"
    result = amiq("--lang", "en", "data", "fetch", real_data_dir.as_uri(), "--data-dir", target)
    assert result.code == 0 and result.out.count("fetched and verified") == 2
    again = amiq("--lang", "en", "data", "fetch", real_data_dir, "--data-dir", target)
    assert again.out.count("already present and verified") == 2


def test_fetch_bad_source_in_arabic(amiq, tmp_path):
    result = amiq("--lang", "ar", "data", "fetch", "ftp://x/y", "--data-dir", tmp_path)
    assert result.code == 2 and "ftp://x/y" in result.err and "مصدر" in result.err


@pytest.mark.parametrize("present", [False, True])
def test_fetch_from_a_missing_folder_is_bad_input(amiq, real_data_dir, tmp_path, present):
    target = tmp_path / "data"
    if present:  # nothing to fetch: the mistyped source must still be reported
        assert amiq("data", "fetch", real_data_dir, "--data-dir", target).code == 0
    before = sorted(p.name for p in target.iterdir()) if present else None
    result = amiq("--lang", "en", "data", "fetch", tmp_path / "WRONG", "--data-dir", target)
    assert result.code == 2 and "Source folder not found" in result.err
    assert "WRONG" in result.err and "المجلد" in result.err and "Traceback" not in result.err
    assert "already present" not in result.out
    if present:
        assert sorted(p.name for p in target.iterdir()) == before
    else:
        assert not target.exists()


def test_synthesize_then_check_synthetic(amiq, tmp_path):
    result = amiq("--lang", "en", "data", "synthesize", "--out", tmp_path, "--train", 8,
                  "--test", 4)
    assert result.code == 0 and "SYNTHETIC" in result.out
    check = amiq("--lang", "en", "data", "check", "--synthetic", "--data-dir", tmp_path)
    assert check.code == 0 and "SYNTHETIC DATA" in check.out and "(8, 64, 64, 3)" in check.out
    real = amiq("--lang", "en", "data", "check", "--data-dir", tmp_path)
    assert real.code == 1  # the stand-in never passes for the real data


def test_synthesize_refuses_a_bad_count(amiq, tmp_path):
    result = amiq("--lang", "en", "data", "synthesize", "--out", tmp_path, "--train", "0")
    assert result.code == 2 and "expected a positive integer" in result.err


def test_check_error_names_the_same_source_as_the_data_folder_line(amiq, monkeypatch, tmp_path):
    monkeypatch.setenv("AMIQ_DATA_DIR", str(tmp_path / "env-data"))
    result = amiq("--lang", "en", "data", "check")
    assert result.code == 1
    assert "AMIQ_DATA_DIR" in result.out and "(given explicitly)" not in result.err
    assert "from the environment variable AMIQ_DATA_DIR" in result.err


def test_errors_are_bilingual_selected_language_first(amiq, tmp_path):
    result = amiq("--lang", "en", "data", "check", "--data-dir", tmp_path / "nope")
    lines = result.err.strip().splitlines()
    assert lines[0].startswith("error: Data files missing") and lines[1].startswith("خطأ: ")
    arabic = amiq("--lang", "ar", "data", "check", "--data-dir", tmp_path / "nope")
    lines = arabic.err.strip().splitlines()
    assert lines[0].startswith("خطأ: ") and lines[1].startswith("error: Data files missing")


def test_six_byte_file_is_called_not_hdf5_not_truncated(amiq, real_data_dir, tmp_path):
    shutil.copy(real_data_dir / "train_catvnoncat.h5", tmp_path / "train_catvnoncat.h5")
    (tmp_path / "test_catvnoncat.h5").write_bytes(b"hello\n")
    result = amiq("--lang", "en", "data", "check", "--data-dir", tmp_path)
    assert result.code == 1 and "not an HDF5 file" in result.err
    assert "truncated" not in result.err


@pytest.mark.parametrize("action", ["check", "where"])
def test_data_actions_have_a_description(amiq, action):
    result = amiq("--lang", "en", "data", action, "--help")
    assert result.code == 0
    description = result.out.split("\n\n")[1]
    assert "data folder" in description and not description.startswith("options")
