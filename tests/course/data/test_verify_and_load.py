"""Loading: the course's return values, digest verification, clear errors for bad files."""

import shutil
import warnings

import h5py
import numpy as np
import pytest

from course.data import (DataCorruptError, DataSchemaError, SyntheticDataWarning, TEST, TRAIN,
                         load_data, verify_file)
from course.data.load import read_split


@pytest.fixture
def real_copy(real_data_dir, tmp_path):
    for split in (TRAIN, TEST):
        shutil.copy(real_data_dir / split.filename, tmp_path / split.filename)
    return tmp_path


def _assert_no_h5py_traceback(exc):
    # The user sees our message only: no chained h5py/OSError traceback.
    assert exc.__cause__ is None
    assert exc.__context__ is None or exc.__suppress_context__


def test_real_data_has_the_course_shapes_and_dtypes(real_data_dir):
    train_x, train_y, test_x, test_y, classes = load_data(real_data_dir)
    assert train_x.shape == (209, 64, 64, 3) and train_x.dtype == np.uint8
    assert test_x.shape == (50, 64, 64, 3) and test_x.dtype == np.uint8
    assert train_y.shape == (1, 209) and test_y.shape == (1, 50)
    assert train_y.dtype == np.int64
    assert classes.tolist() == [b"non-cat", b"cat"]
    assert int(train_y.sum()) == 72 and int(test_y.sum()) == 33


def test_load_data_uses_the_environment_variable(real_data_dir, monkeypatch):
    monkeypatch.setenv("AMIQ_DATA_DIR", str(real_data_dir))
    assert load_data()[0].shape == (209, 64, 64, 3)


def test_truncated_file_gives_a_clear_error_naming_it(real_copy, lang):
    lang("en")
    path = real_copy / TRAIN.filename
    path.write_bytes(path.read_bytes()[:100_000])
    with pytest.raises(DataCorruptError) as info:
        load_data(real_copy)
    text = str(info.value)
    assert str(path) in text and "shorter than expected" in text and "amiq data fetch" in text
    _assert_no_h5py_traceback(info.value)


def test_corrupt_file_of_the_right_size_is_rejected_in_arabic(real_copy, lang):
    lang("ar")
    path = real_copy / TEST.filename
    data = bytearray(path.read_bytes())
    data[5000] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DataCorruptError) as info:
        load_data(real_copy)
    text = str(info.value)
    assert TEST.filename in text and "SHA-256" in text and "amiq data fetch SOURCE" in text
    assert "ليس" in text  # Arabic message


def test_garbage_file_read_without_verification_is_still_a_clear_error(real_copy, lang):
    lang("en")
    (real_copy / TRAIN.filename).write_bytes(b"this is not HDF5" * 100)
    with pytest.raises(DataCorruptError, match="Cannot read .* as an HDF5 data file") as info:
        load_data(real_copy, verify=False)
    _assert_no_h5py_traceback(info.value)


def test_synthetic_file_under_the_real_name_is_refused_with_a_hint(synthetic_data_dir, tmp_path,
                                                                   lang):
    lang("en")
    shutil.copy(synthetic_data_dir / TRAIN.synthetic_filename, tmp_path / TRAIN.filename)
    with pytest.raises(DataCorruptError, match="SYNTHETIC stand-in.*--synthetic"):
        verify_file(tmp_path / TRAIN.filename, TRAIN)


def test_synthetic_data_loads_only_on_request_and_warns(synthetic_data_dir, lang):
    lang("en")
    with pytest.raises(FileNotFoundError):
        load_data(synthetic_data_dir)  # real names absent there
    with pytest.warns(SyntheticDataWarning, match="SYNTHETIC DATA"):
        train_x, train_y, test_x, test_y, classes = load_data(synthetic_data_dir, synthetic=True)
    assert train_x.shape == (40, 64, 64, 3) and test_y.shape == (1, 10)
    assert classes.tolist() == [b"non-cat", b"cat"]


def test_unmarked_file_is_not_accepted_as_synthetic(tmp_path, lang):
    lang("en")
    path = tmp_path / TRAIN.synthetic_filename
    with h5py.File(path, "w") as h5:
        h5["train_set_x"] = np.zeros((2, 64, 64, 3), np.uint8)
        h5["train_set_y"] = np.zeros(2, np.int64)
        h5["list_classes"] = np.array([b"non-cat", b"cat"])
    with pytest.raises(DataSchemaError, match="not marked as the synthetic stand-in"):
        read_split(path, TRAIN, synthetic=True)


@pytest.mark.parametrize(
    "x, y, classes, message",
    [
        (np.zeros((2, 32, 32, 3), np.uint8), np.zeros(2, np.int64), [b"non-cat", b"cat"],
         "should be uint8 of shape"),
        (np.zeros((2, 64, 64, 3), np.float32), np.zeros(2, np.int64), [b"non-cat", b"cat"],
         "should be uint8 of shape"),
        (np.zeros((2, 64, 64, 3), np.uint8), np.array([0, 7]), [b"non-cat", b"cat"],
         "one 0/1 label per image"),
        (np.zeros((2, 64, 64, 3), np.uint8), np.zeros(2, np.int64), [b"cat", b"dog"],
         "list_classes"),
        (None, np.zeros(2, np.int64), [b"non-cat", b"cat"], "missing"),
    ],
    ids=["small-images", "float-images", "bad-labels", "bad-classes", "missing-key"],
)
def test_schema_violations_are_explained(tmp_path, lang, x, y, classes, message):
    lang("en")
    path = tmp_path / TRAIN.synthetic_filename
    with h5py.File(path, "w") as h5:
        h5.attrs["amiq_synthetic"] = True
        if x is not None:
            h5["train_set_x"] = x
        h5["train_set_y"] = y
        h5["list_classes"] = np.array(classes)
    with pytest.raises(DataSchemaError, match=message):
        read_split(path, TRAIN, synthetic=True)


def test_verification_is_cached_so_repeated_loads_do_not_rehash(real_data_dir, monkeypatch):
    from course.data import digests

    load_data(real_data_dir)
    calls = []
    monkeypatch.setattr(digests, "sha256_file", lambda p: calls.append(p) or "0" * 64)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_data(real_data_dir)
    assert calls == []
