"""Provided activation helpers for Course 1, Week 4 (given to students, not graded).

الدوال المساعدة لدوال التنشيط (activation functions) في الأسبوع الرابع من المقرر الأول.
تُعطى للطلاب جاهزةً ولا تُقيَّم.

Each forward helper returns ``(A, cache)`` where ``cache`` is ``Z``, the pre-activation, so the
backward helpers can compute the derivative from ``Z`` (as in the original course).
"""

import numpy as np


def sigmoid(Z):
    """Sigmoid activation, element-wise.

    Parameters
    ----------
    Z : numpy.ndarray, shape (n, m)
        Pre-activation of a layer.

    Returns
    -------
    A : numpy.ndarray, shape (n, m)
        ``1 / (1 + exp(-Z))``.
    cache : numpy.ndarray, shape (n, m)
        ``Z`` itself, kept for the backward pass.

    Notes
    -----
    العربية: تحسب الدالة السينية (sigmoid) عنصرًا بعنصر، وتُعيد ``(A, cache)`` حيث
    ``cache`` هو ``Z`` نفسه لاستعماله في الانتشار الخلفي (backward propagation).
    """
    A = 1 / (1 + np.exp(-Z))
    cache = Z
    return A, cache


def relu(Z):
    """ReLU activation, element-wise.

    Parameters
    ----------
    Z : numpy.ndarray, shape (n, m)
        Pre-activation of a layer.

    Returns
    -------
    A : numpy.ndarray, shape (n, m)
        ``max(0, Z)``.
    cache : numpy.ndarray, shape (n, m)
        ``Z`` itself, kept for the backward pass.

    Notes
    -----
    العربية: تحسب الوحدة الخطية المقوَّمة (ReLU)، أي ``max(0, Z)``، عنصرًا بعنصر، وتُعيد
    ``(A, cache)`` حيث ``cache`` هو ``Z``.
    """
    A = np.maximum(0, Z)
    cache = Z
    return A, cache


def relu_backward(dA, cache):
    """Backward pass of a ReLU unit.

    Parameters
    ----------
    dA : numpy.ndarray, shape (n, m)
        Gradient of the cost with respect to the activation ``A``.
    cache : numpy.ndarray, shape (n, m)
        ``Z`` from the forward pass.

    Returns
    -------
    dZ : numpy.ndarray, shape (n, m)
        ``dA`` where ``Z > 0`` and 0 where ``Z <= 0``.

    Notes
    -----
    العربية: الانتشار الخلفي لوحدة ReLU: المشتقّة 1 حيث ``Z > 0`` و 0 حيث ``Z <= 0``،
    فيساوي ``dZ`` قيمة ``dA`` حيث ``Z > 0``، ويساوي صفرًا في ما سوى ذلك.
    """
    Z = cache
    dZ = np.array(dA, copy=True)
    # The derivative is taken from Z, not from A: at Z <= 0 the unit is off.
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA, cache):
    """Backward pass of a sigmoid unit.

    Parameters
    ----------
    dA : numpy.ndarray, shape (n, m)
        Gradient of the cost with respect to the activation ``A``.
    cache : numpy.ndarray, shape (n, m)
        ``Z`` from the forward pass.

    Returns
    -------
    dZ : numpy.ndarray, shape (n, m)
        ``dA * s * (1 - s)`` with ``s = sigmoid(Z)``.

    Notes
    -----
    العربية: الانتشار الخلفي لوحدةٍ سينية (sigmoid): ``dZ = dA * s * (1 - s)`` حيث
    ``s = sigmoid(Z)``.
    """
    Z = cache
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (1 - s)
    return dZ
