"""Shape-aware guidance when a c1w4 layer function stops on a NumPy shape error.

إرشاد يراعي الأشكال حين تتوقّف دالة طبقة بخطأ أشكال من NumPy.

``np.dot(W.T, A)`` raises ``ValueError: shapes (3,1) and (3,2) not aligned``; on its own that does
not say which array was transposed. :func:`shape_hint` turns such an error into a
:class:`~grader.feedback.Failure` whose details give the case's input shapes, the ``np.dot`` rule
written with those shapes, and which input (or transposed input) each shape in the message is.
Only shapes are shown, never values, so the guidance is safe for hidden cases too.
"""

import re

import numpy as np

from course.i18n import N_
from grader.feedback import Failure, Message

_SHAPE_WORDS = re.compile(r"shapes|broadcast|aligned", re.I)
_SHAPE_IN_TEXT = re.compile(r"\((\d+(?:\s*,\s*\d+)*)\s*,?\s*\)")


def _shape(value):
    return tuple(int(d) for d in np.shape(value))


def layer_arrays(name, args):
    """The named input arrays of a layer function's call (``{}`` for other functions)."""
    try:
        if name == "linear_forward":
            return dict(zip(("A", "W", "b"), args[:3]))
        if name == "linear_activation_forward":
            return dict(zip(("A_prev", "W", "b"), args[:3]))
        if name == "linear_backward":
            return {"dZ": args[0], **dict(zip(("A_prev", "W", "b"), args[1]))}
        if name == "linear_activation_backward":
            (A_prev, W, b), Z = args[1]
            return {"dA": args[0], "A_prev": A_prev, "W": W, "b": b, "Z": Z}
    except (TypeError, ValueError, IndexError):
        return {}
    return {}


def shapes_in(text):
    """``"shapes (3,1) and (3,2)"`` -> ``[(3, 1), (3, 2)]``."""
    return [tuple(int(d) for d in g.split(",")) for g in _SHAPE_IN_TEXT.findall(text)]


def _names_by_shape(arrays):
    found = {}
    for name, value in arrays.items():
        shape = _shape(value)
        found.setdefault(shape, []).append(name)
        if len(shape) == 2 and shape[0] != shape[1]:
            found.setdefault(shape[::-1], []).append(name + ".T")
    return found


def _rule(name, arrays):
    W, b = _shape(arrays["W"]), _shape(arrays["b"])
    if name in ("linear_forward", "linear_activation_forward"):
        a = "A" if name == "linear_forward" else "A_prev"
        A = _shape(arrays[a])
        if len(W) != 2 or len(A) != 2:
            return []
        return [Message(
            N_("{W_name} is {W} and {A_name} is {A}: {dot} needs {W_name}'s second dimension to "
               "equal {A_name}'s first ({n} and {k} here), and gives Z of shape {Z}; then b {b} "
               "is broadcast over the columns."),
            W_name="W", A_name=a, W=str(W), A=str(A), dot=f"np.dot(W, {a})", n=W[1], k=A[0],
            Z=str((W[0], A[1])), b=str(b))]
    A_prev, dZ = _shape(arrays["A_prev"]), _shape(arrays.get("dZ", arrays.get("dA")))
    if len(W) != 2 or len(A_prev) != 2 or len(dZ) != 2:
        return []
    return [Message(
        N_("dZ is {dZ}, A_prev is {A_prev} and W is {W}: dW = {dW_formula} multiplies {dZ} by "
           "{A_prev_T} and has the shape of W, {W}; dA_prev = {dA_formula} multiplies {W_T} by "
           "{dZ} and has the shape of A_prev, {A_prev}; db sums dZ over axis 1 and has the "
           "shape of b, {b}."),
        dZ=str(dZ), A_prev=str(A_prev), W=str(W), b=str(b),
        dW_formula="(1/m) np.dot(dZ, A_prev.T)", dA_formula="np.dot(W.T, dZ)",
        A_prev_T=str(A_prev[::-1]), W_T=str(W[::-1]))]


def shape_hint(name, cases, error):
    """A :class:`Failure` explaining a NumPy shape error of a layer function, else ``None``.

    Parameters
    ----------
    name : str
        The exercise called.
    cases : list of grader.cases.Case
        The calls made; the one whose inputs explain most shapes in the message is described.
    error : grader.feedback.StudentError
    """
    if error.type_name != "ValueError" or not _SHAPE_WORDS.search(error.error_message):
        return None
    wanted = shapes_in(error.error_message)
    scored = [(sum(s in _names_by_shape(layer_arrays(name, c.args)) for s in wanted), -i, c)
              for i, c in enumerate(cases)]
    arrays = layer_arrays(name, max(scored)[2].args) if scored else {}
    if not arrays:
        return None
    details = _rule(name, arrays)
    by_shape = _names_by_shape(arrays)
    for shape in dict.fromkeys(wanted):
        if by_shape.get(shape):
            details.append(Message(N_("In the error message, {shape} is the shape of {names}."),
                                   shape=str(shape), names=" / ".join(by_shape[shape])))
    details.append(Message(N_(
        "A shape error in np.dot usually means an array is transposed that should not be (or the "
        "other way round), or the two operands are swapped: compare the shapes above with the "
        "line of the error.")))
    return Failure(error.message(), details=tuple(details) + tuple(error.details()))
