"""The provided activation helpers: values and derivatives."""

import numpy as np

from solutions.c1w4 import dnn_helpers as h


def test_relu_backward_is_zero_where_z_is_not_positive():
    Z = np.array([[-1.0, 0.0, 2.0]])
    dZ = h.relu_backward(np.array([[5.0, 5.0, 5.0]]), Z)
    np.testing.assert_array_equal(dZ, [[0.0, 0.0, 5.0]])


def test_sigmoid_backward_matches_numerical_derivative():
    Z = np.linspace(-3, 3, 7).reshape(1, -1)
    eps = 1e-6
    numeric = (h.sigmoid(Z + eps)[0] - h.sigmoid(Z - eps)[0]) / (2 * eps)
    np.testing.assert_allclose(h.sigmoid_backward(np.ones_like(Z), Z), numeric, rtol=1e-6)


def test_forward_helpers_cache_z():
    Z = np.array([[-2.0, 3.0]])
    for fn in (h.sigmoid, h.relu):
        _, cache = fn(Z)
        assert cache is Z
