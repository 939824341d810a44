"""Choosing the data folder: explicit, then AMIQ_DATA_DIR, then the project's datasets/catvnoncat."""

import pytest

from course.data import DataMissingError, locate


def test_explicit_folder_wins_over_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("AMIQ_DATA_DIR", "/somewhere/else")
    assert locate.resolve_data_dir(tmp_path) == tmp_path


def test_environment_variable_is_used_when_no_folder_is_given(monkeypatch, tmp_path):
    monkeypatch.setenv("AMIQ_DATA_DIR", str(tmp_path))
    assert locate.resolve_data_dir() == tmp_path


def test_default_is_the_projects_datasets_folder(monkeypatch):
    monkeypatch.delenv("AMIQ_DATA_DIR", raising=False)
    root = locate.project_root()
    assert root is not None and (root / "pyproject.toml").is_file()
    assert locate.resolve_data_dir() == root / "datasets" / "catvnoncat"


def test_empty_environment_variable_is_ignored(monkeypatch):
    monkeypatch.setenv("AMIQ_DATA_DIR", "  ")
    assert locate.resolve_data_dir() == locate.default_data_dir()


def test_missing_files_message_in_english(tmp_path, lang):
    lang("en")
    with pytest.raises(DataMissingError) as info:
        locate.data_files(tmp_path)
    text = str(info.value)
    assert str(tmp_path) in text and "train_catvnoncat.h5" in text and "test_catvnoncat.h5" in text
    assert "amiq data fetch SOURCE" in text and "AMIQ_DATA_DIR" in text
    assert "given explicitly" in text


def test_missing_files_message_in_arabic_names_the_file_and_command(tmp_path, lang, monkeypatch):
    lang("ar")
    (tmp_path / "train_catvnoncat.h5").write_bytes(b"")
    monkeypatch.setenv("AMIQ_DATA_DIR", str(tmp_path))
    with pytest.raises(DataMissingError) as info:
        locate.data_files()
    text = str(info.value)
    assert "ملف" in text and "test_catvnoncat.h5" in text and "amiq data fetch SOURCE" in text
    assert "train_catvnoncat.h5" not in text  # only the missing one is listed
    assert "AMIQ_DATA_DIR" in text  # says where the folder came from


def test_missing_synthetic_files_point_to_synthesize(tmp_path, lang):
    lang("en")
    with pytest.raises(DataMissingError, match="amiq data synthesize --out"):
        locate.data_files(tmp_path, synthetic=True)
