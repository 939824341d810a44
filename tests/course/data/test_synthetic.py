"""The synthetic stand-in: same schema, deterministic, labelled, learnable, never silently loaded."""

import warnings

import h5py
import numpy as np
import pytest

from course.data import DataError, TEST, TRAIN, load_data, preprocess, synthesize
from course.data.synthetic import make_images


def _load(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_data(folder, synthetic=True)


def test_same_seed_gives_identical_files(tmp_path):
    a = synthesize(tmp_path / "a", seed=3)
    b = synthesize(tmp_path / "b", seed=3)
    for (path_a, _), (path_b, _) in zip(a, b):
        assert path_a.read_bytes() == path_b.read_bytes()


def test_different_seeds_give_different_images(tmp_path):
    x0 = _load(synthesize(tmp_path / "a", seed=0)[0][0].parent)[0]
    x1 = _load(synthesize(tmp_path / "b", seed=1)[0][0].parent)[0]
    assert not np.array_equal(x0, x1)


def test_files_are_labelled_synthetic_and_follow_the_schema(synthetic_data_dir):
    with h5py.File(synthetic_data_dir / TRAIN.synthetic_filename, "r") as h5:
        assert h5.attrs["amiq_synthetic"]
        assert "SYNTHETIC" in h5.attrs["amiq_description"]
        assert h5["train_set_x"].shape == (40, 64, 64, 3) and h5["train_set_x"].dtype == np.uint8
        assert h5["list_classes"][:].tolist() == [b"non-cat", b"cat"]
    assert (synthetic_data_dir / TEST.synthetic_filename).is_file()
    assert not (synthetic_data_dir / TRAIN.filename).exists()


def test_sizes_are_configurable_and_both_classes_present(tmp_path):
    train_x, train_y, test_x, test_y, _ = _load(synthesize(tmp_path, n_train=12, n_test=5)[0][0]
                                                .parent)
    assert train_x.shape[0] == 12 and test_x.shape[0] == 5
    assert 0 < train_y.sum() < 12


@pytest.mark.parametrize("n_train", [0, -3, 2.5, True])
def test_bad_sizes_are_refused(n_train, tmp_path, lang):
    lang("en")
    with pytest.raises(DataError, match="positive integer"):
        synthesize(tmp_path, n_train=n_train)


def test_rewriting_identical_content_needs_no_backup_but_different_content_does(tmp_path):
    synthesize(tmp_path, seed=0)
    assert all(backup is None for _, backup in synthesize(tmp_path, seed=0))
    written = synthesize(tmp_path, seed=5)
    assert all(backup is not None and backup.is_file() for _, backup in written)


def test_classes_differ_in_colour_so_a_linear_model_can_learn():
    x, y = make_images(30, np.random.default_rng(0))
    red_minus_blue = x[..., 0].astype(float).mean(axis=(1, 2)) - x[..., 2].mean(axis=(1, 2))
    assert red_minus_blue[y == 1].min() > red_minus_blue[y == 0].max()


def test_two_layer_cost_decreases_on_the_stand_in(synthetic_data_dir):
    from solutions.c1w4.cat_classifier import two_layer_model

    train_x, train_y, _, _, _ = _load(synthetic_data_dir)
    _, costs = two_layer_model(preprocess(train_x), train_y, (12288, 7, 1), num_iterations=201)
    assert float(costs[2]) < float(costs[0]) - 0.1
