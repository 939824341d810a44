"""Numerical gradient checking by centred differences.

فحص التدرّج (gradient check) عدديًّا بالفروق المركزية.

A backward function's analytic gradients are compared with
``(F(x + eps e_i) - F(x - eps e_i)) / (2 eps)`` of a scalar objective ``F`` built on a forward
pass. All the perturbed inputs are produced at once (:func:`perturbations`) so the forward pass can
be evaluated in one round trip to the student's process (``submission.call_many``).

Each unit's gradient specifications (``course/<unit>/grading/gradients.py``) build the objectives
from the course's conventions; for example in c1w4:

* layer functions (``linear_backward``, ``linear_activation_backward``): with the upstream
  gradient ``G`` (``dZ`` or ``dA``) and the layer output ``Y(A_prev, W, b)``, take
  ``F = sum(G * Y)``; then ``dA_prev = dF/dA_prev`` while ``dW = (1/m) dF/dW`` and
  ``db = (1/m) dF/db`` (the course averages the parameter gradients over the ``m`` examples but
  not the gradients that flow backwards);
* ``L_model_backward``: ``F = sum_i L(AL_i, Y_i)`` (``m`` times the cost), so
  ``dWl = (1/m) dF/dWl``, ``dbl = (1/m) dF/dbl`` and ``dAl = dF/dAl``; ``dA0`` is the derivative
  with respect to ``X`` and ``dAl`` for ``l >= 1`` is found by running the network from layer
  ``l + 1`` on the input ``A^[l]``.
"""

import numpy as np

from course.i18n import N_
from grader.compare import check_array, index_text, number_text
from grader.feedback import Failure, Message

EPS = 1e-6
RTOL = 1e-5  # centred differences with eps = 1e-6 are good to ~1e-9 here


def perturbations(arrays, eps=EPS, only=None):
    """All the ``+eps``/``-eps`` perturbations of a set of named float arrays.

    Parameters
    ----------
    arrays : dict of str to numpy.ndarray
        The point, e.g. ``{"A_prev": ..., "W": ..., "b": ...}``.
    eps : float
    only : iterable of str or None
        Names to perturb (default: all).

    Returns
    -------
    keys : list of (str, tuple, int)
        ``(name, index, sign)`` for each perturbed point.
    points : list of dict
        Copies of ``arrays`` with one element moved by ``sign * eps``.
    """
    names = list(arrays) if only is None else list(only)
    keys, points = [], []
    for name in names:
        base = np.asarray(arrays[name], dtype=float)
        for index in np.ndindex(base.shape):
            for sign in (1, -1):
                moved = base.copy()
                moved[index] += sign * eps
                point = dict(arrays)
                point[name] = moved
                keys.append((name, index, sign))
                points.append(point)
    return keys, points


def assemble(arrays, keys, values, eps=EPS):
    """Turn objective values at the perturbed points into numerical gradients.

    Parameters
    ----------
    arrays : dict of str to numpy.ndarray
        The unperturbed point (for the shapes).
    keys : list of (str, tuple, int)
        From :func:`perturbations`.
    values : sequence of float
        ``F`` at each perturbed point, in the same order.

    Returns
    -------
    dict of str to numpy.ndarray
        ``dF/d(name)`` for each perturbed name.
    """
    grads = {}
    for (name, index, sign), value in zip(keys, values):
        if name not in grads:
            grads[name] = np.zeros(np.shape(arrays[name]), dtype=float)
        grads[name][index] += sign * float(value) / (2 * eps)
    return grads


def numerical_gradients(arrays, objective, eps=EPS, only=None):
    """Centred-difference gradients of ``objective`` at ``arrays`` (evaluated in the caller).

    Parameters
    ----------
    arrays : dict of str to numpy.ndarray
    objective : callable
        Takes the list of perturbed points (dicts) and returns the list of objective values.
    eps : float
    only : iterable of str or None

    Returns
    -------
    dict of str to numpy.ndarray
    """
    keys, points = perturbations(arrays, eps, only)
    return assemble(arrays, keys, objective(points), eps)


def relative_error(analytic, numeric):
    """Largest elementwise error over the arrays' scale, and where it is.

    ``max|a - n| / max(max|a|, max|n|, 1e-7)``: scale-free, and stable when a gradient is all
    zeros (a dead ReLU unit).

    Returns
    -------
    error : float
    index : tuple
    """
    a = np.asarray(analytic, dtype=float)
    n = np.asarray(numeric, dtype=float)
    diff = np.abs(a - n)
    if diff.size == 0:
        return 0.0, ()
    if not np.all(np.isfinite(diff)):
        index = np.unravel_index(int(np.argmax(~np.isfinite(diff))), diff.shape)
        return float("inf"), tuple(int(i) for i in index)
    scale = max(float(np.abs(a).max()), float(np.abs(n).max()), 1e-7)
    index = np.unravel_index(int(np.argmax(diff)), diff.shape)
    return float(diff[index] / scale), tuple(int(i) for i in index)


def compare_gradients(analytic, numeric, *, against, rtol=RTOL, eps=EPS, order=None):
    """Fail on the first gradient whose analytic value disagrees with the numerical one.

    Parameters
    ----------
    analytic : dict of str to object
        The student's gradients by name (``"dW"``, ``"db1"``...), as returned.
    numeric : dict of str to numpy.ndarray
        Numerical gradients under the same names.
    against : Message
        What the numerical gradients were computed from ("your linear_forward").
    rtol : float
        Largest accepted :func:`relative_error`.
    eps : float
        The step used (reported).
    order : sequence of str or None
        Order in which gradients are checked (default: ``numeric``'s).

    Raises
    ------
    Failure
        Naming the gradient, the worst index, the relative error, and both values there.
    """
    for name in order or list(numeric):
        expected = numeric[name]
        got = analytic[name]
        check_array(got, expected, name, values=False)
        if not np.all(np.isfinite(expected)):
            raise Failure(
                Message(
                    N_("The numerical gradient for {name} is not finite: {against} returned "
                       "NaN or inf near this point."),
                    name=name,
                    against=against,
                )
            )
        error, index = relative_error(got, expected)
        if error > rtol:
            raise Failure(
                Message(
                    N_(
                        "{name} does not match the numerical gradient of {against}: relative "
                        "error {error} at index {index} (tolerance {tol})."
                    ),
                    name=name,
                    against=against,
                    error=f"{error:.2e}",
                    index=index_text(index),
                    tol=f"{rtol:.0e}",
                ),
                details=[
                    Message(
                        N_("At index {index}: yours {got}, numerical {numeric}."),
                        index=index_text(index),
                        got=number_text(np.asarray(got, dtype=float)[index]),
                        numeric=number_text(expected[index]),
                    ),
                    Message(
                        N_("Numerical gradients by centred differences with step {eps}."),
                        eps=f"{eps:.0e}",
                    ),
                ],
            )
