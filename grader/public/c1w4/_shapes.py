"""Shape-aware guidance when a layer function stops on a NumPy shape error.

إرشاد يراعي الأشكال حين تتوقّف دالة طبقة بخطأ أشكال من NumPy.

``np.dot(W.T, A)`` raises ``ValueError: shapes (3,1) and (3,2) not aligned``; on its own that
traceback does not say which array was transposed. :func:`shape_hints` turns such an error, raised
by the student's ``linear_forward``, ``linear_activation_forward``, ``linear_backward`` or
``linear_activation_backward``, into a :class:`~grader.feedback.Failure` whose details give the
case's actual input shapes, the rule ``np.dot`` needs with those shapes, and which input (or
transposed input) each shape in the error message is.

Only shapes are shown, never values, so the guidance is safe for hidden cases too.
"""

import contextlib
import re

import numpy as np

from course.i18n import N_
from grader.feedback import Failure, Message, StudentError

LAYER_FUNCTIONS = (
    "linear_forward",
    "linear_activation_forward",
    "linear_backward",
    "linear_activation_backward",
)

_SHAPE_WORDS = re.compile(r"shapes|broadcast|aligned", re.I)
_SHAPE_IN_TEXT = re.compile(r"\((\d+(?:\s*,\s*\d+)*)\s*,?\s*\)")


def is_shape_error(error):
    """True for a student's ``ValueError`` about shapes (not aligned, cannot broadcast...)."""
    return (
        isinstance(error, StudentError)
        and error.type_name == "ValueError"
        and bool(_SHAPE_WORDS.search(error.error_message))
    )


def _shape(value):
    return tuple(int(d) for d in np.shape(value))


def _text(shape):
    return str(tuple(shape))


def layer_arrays(exercise_id, args):
    """The named input arrays of a layer function's call, e.g. ``{"A": ..., "W": ..., "b": ...}``.

    Returns ``{}`` when the arguments do not have the documented structure.
    """
    try:
        if exercise_id == "linear_forward":
            A, W, b = args[:3]
            return {"A": A, "W": W, "b": b}
        if exercise_id == "linear_activation_forward":
            A_prev, W, b = args[:3]
            return {"A_prev": A_prev, "W": W, "b": b}
        if exercise_id == "linear_backward":
            dZ, (A_prev, W, b) = args[0], args[1]
            return {"dZ": dZ, "A_prev": A_prev, "W": W, "b": b}
        if exercise_id == "linear_activation_backward":
            dA, ((A_prev, W, b), Z) = args[0], args[1]
            return {"dA": dA, "A_prev": A_prev, "W": W, "b": b, "Z": Z}
    except (TypeError, ValueError):
        return {}
    return {}


def shapes_in(text):
    """The shapes written in an error message: ``"shapes (3,1) and (3,2)"`` → ``[(3, 1), (3, 2)]``."""
    return [tuple(int(d) for d in group.split(",")) for group in _SHAPE_IN_TEXT.findall(text)]


def _names_by_shape(arrays):
    """``{shape: [names]}`` for every input and, for 2-D non-square ones, its transpose."""
    found = {}
    for name, value in arrays.items():
        shape = _shape(value)
        found.setdefault(shape, []).append(name)
        if len(shape) == 2 and shape[0] != shape[1]:
            found.setdefault(shape[::-1], []).append(name + ".T")
    return found


def _rule(exercise_id, arrays):
    """The ``np.dot`` rule of the exercise, written with the case's own shapes."""
    W = _shape(arrays["W"])
    b = _shape(arrays["b"])
    if exercise_id in ("linear_forward", "linear_activation_forward"):
        a_name = "A" if exercise_id == "linear_forward" else "A_prev"
        A = _shape(arrays[a_name])
        if len(W) != 2 or len(A) != 2:
            return []
        return [
            Message(
                N_("{W_name} is {W} and {A_name} is {A}: {dot} needs {W_name}'s second "
                   "dimension to equal {A_name}'s first ({n} and {k} here), and gives Z of "
                   "shape {Z}; then b {b} is broadcast over the columns."),
                W_name="W", A_name=a_name, W=_text(W), A=_text(A),
                dot=f"np.dot(W, {a_name})", n=W[1], k=A[0], Z=_text((W[0], A[1])), b=_text(b),
            )
        ]
    A_prev = _shape(arrays["A_prev"])
    dZ = _shape(arrays.get("dZ", arrays.get("dA")))
    if len(W) != 2 or len(A_prev) != 2 or len(dZ) != 2:
        return []
    return [
        Message(
            N_("dZ is {dZ}, A_prev is {A_prev} and W is {W}: dW = {dW_formula} multiplies "
               "{dZ} by {A_prev_T} and has the shape of W, {W}; dA_prev = {dA_formula} "
               "multiplies {W_T} by {dZ} and has the shape of A_prev, {A_prev}; db sums dZ "
               "over axis 1 and has the shape of b, {b}."),
            dZ=_text(dZ), A_prev=_text(A_prev), W=_text(W), b=_text(b),
            dW_formula="(1/m) np.dot(dZ, A_prev.T)", dA_formula="np.dot(W.T, dZ)",
            A_prev_T=_text(A_prev[::-1]), W_T=_text(W[::-1]),
        )
    ]


def hint(exercise_id, args, error_text):
    """Detail lines for a shape error raised on a call with ``args``.

    Returns
    -------
    list of Message
        Empty when the arguments are not a layer function's.
    """
    arrays = layer_arrays(exercise_id, args)
    if not arrays:
        return []
    details = _rule(exercise_id, arrays)
    by_shape = _names_by_shape(arrays)
    for shape in dict.fromkeys(shapes_in(error_text)):
        names = by_shape.get(shape)
        if names:
            details.append(
                Message(N_("In the error message, {shape} is the shape of {names}."),
                        shape=_text(shape), names=" / ".join(names))
            )
    details.append(
        Message(N_("A shape error in np.dot usually means an array is transposed that should "
                   "not be (or the other way round), or the two operands are swapped: compare "
                   "the shapes above with the line of the error."))
    )
    return details


def _best_args(exercise_id, arg_lists, error_text):
    """The call whose inputs explain most of the shapes in the message (first on a tie)."""
    wanted = shapes_in(error_text)
    best, best_score = arg_lists[0], -1
    for args in arg_lists:
        known = _names_by_shape(layer_arrays(exercise_id, args))
        score = sum(1 for shape in wanted if shape in known)
        if score > best_score:
            best, best_score = args, score
    return best


@contextlib.contextmanager
def shape_hints(exercise_id, arg_lists):
    """Turn a shape ``StudentError`` of a layer function's calls into a :class:`Failure`.

    Parameters
    ----------
    exercise_id : str
        The function being called; other functions' errors pass through unchanged.
    arg_lists : list of tuple
        The positional arguments of the calls made inside the block.

    Raises
    ------
    Failure
        With the student's error as the message and the shape guidance, then the traceback,
        as details.
    """
    try:
        yield
    except StudentError as error:
        if exercise_id not in LAYER_FUNCTIONS or not arg_lists or not is_shape_error(error):
            raise
        args = _best_args(exercise_id, list(arg_lists), error.error_message)
        details = hint(exercise_id, args, error.error_message)
        if not details:
            raise
        raise Failure(error.message(), details=tuple(details) + tuple(error.details())) from None
