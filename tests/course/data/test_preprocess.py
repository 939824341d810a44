"""The course's preprocessing: channel-last flattening into columns, divided by 255."""

import numpy as np
import pytest

from course.data import load_data, preprocess


def test_each_column_is_one_image_flattened_channel_last():
    x = np.arange(2 * 4 * 4 * 3, dtype=np.uint8).reshape(2, 4, 4, 3)
    out = preprocess(x)
    assert out.shape == (48, 2) and out.dtype == np.float64
    np.testing.assert_array_equal(out[:, 1], x[1].ravel() / 255.0)
    # channel-last: the first three rows are pixel (0, 0)'s R, G, B
    np.testing.assert_array_equal(out[:3, 0], x[0, 0, 0] / 255.0)


def test_real_data_preprocessed_shapes_and_range(real_data_dir):
    train_x_orig, _, test_x_orig, _, _ = load_data(real_data_dir)
    train_x, test_x = preprocess(train_x_orig), preprocess(test_x_orig)
    assert train_x.shape == (12288, 209) and test_x.shape == (12288, 50)
    assert 0.0 <= train_x.min() and train_x.max() <= 1.0
    assert train_x[0, 0] == train_x_orig[0, 0, 0, 0] / 255.0


@pytest.mark.parametrize("bad", [np.zeros(5), [1, 2, 3], 7])
def test_bad_input_is_a_clear_error(bad, lang):
    lang("en")
    with pytest.raises(ValueError, match=r"Expected an array of images of shape \(m, 64, 64, 3\)"):
        preprocess(bad)
