"""Strict comparison of a student's values with the expected ones, failing with feedback.

مقارنة صارمة بين قيم الطالب والقيم المتوقَّعة، مع ملاحظات عند الإخفاق.

Rules (each one closes a hole that ``np.allclose`` leaves open):

* **type** — only an exact ``numpy.ndarray`` counts as an array: lists, ``None``, ``np.matrix``,
  ndarray subclasses and objects the sandbox could not carry (``Foreign``) are rejected with a
  message naming what was returned;
* **shape** — exact, no broadcasting: ``(3, 1)`` is not ``(3,)``;
* **dtype kind** — a float result must be a float array (and not less precise than expected);
* **NaN/inf** — a non-finite value where the expected value is finite fails; where the expected
  value is NaN or inf the same value is required;
* **tolerance** — ``|got - expected| <= atol + rtol * |expected|`` with ``atol`` scaled to the
  expected array's magnitude, so tiny gradients are checked as carefully as big ones.

On a value mismatch the :class:`~grader.feedback.Failure` carries the largest absolute and relative
errors, the first wrong index and a few aligned "expected | yours" rows around it.

:func:`matches` answers the same question without raising; it is how a student's output is
recognised as a catalogued mistake (where Python ``float``, NumPy scalars and 0-d arrays are told
apart too).
"""

from dataclasses import dataclass

import numpy as np

from course.i18n import N_
from grader.feedback import Failure, Message, Plural

try:  # The engine's marker for values that could not cross the process boundary.
    from grader.sandbox.protocol import Foreign
except ImportError:  # pragma: no cover - the sandbox ships with the grader
    Foreign = None


@dataclass(frozen=True)
class Tolerance:
    """How close a value must be.

    Attributes
    ----------
    rtol : float
        Relative tolerance, per element.
    atol_scale : float
        ``atol = atol_scale * max(|expected|)``: the absolute tolerance follows the magnitude of
        the expected array instead of a fixed ``1e-8``.
    atol_floor : float
        Smallest ``atol`` (used when the expected array is all zeros).
    """

    rtol: float = 1e-6
    atol_scale: float = 1e-7
    atol_floor: float = 1e-12

    def atol(self, expected):
        """The absolute tolerance for an expected array (or number)."""
        values = np.abs(np.asarray(expected, dtype=float))
        finite = values[np.isfinite(values)]
        scale = float(finite.max()) if finite.size else 0.0
        return max(self.atol_floor, self.atol_scale * scale)


DEFAULT = Tolerance()

_ROWS_AROUND = 2  # rows shown before and after the first wrong element


# --------------------------------------------------------------------------------------------
# Describing values
# --------------------------------------------------------------------------------------------


def is_foreign(value):
    """True for the sandbox's placeholder of a value that could not be carried."""
    if Foreign is not None and isinstance(value, Foreign):
        return True
    return type(value).__name__ == "Foreign" and hasattr(value, "type_name")


def shape_text(shape):
    """``(3, 1)`` style text of a shape (``()`` for 0-d)."""
    return str(tuple(int(d) for d in shape))


def describe(value):
    """A short :class:`Message` saying what ``value`` is ("a list", "an array of shape (3,)").

    Parameters
    ----------
    value : object

    Returns
    -------
    Message
    """
    if value is None:
        return Message(N_("None (nothing was returned)"))
    if is_foreign(value):
        return Message(N_("an object of type {type}"), type=value.type_name)
    cls = type(value)
    if cls is np.ndarray:
        return Message(
            N_("an array of shape {shape} and dtype {dtype}"),
            shape=shape_text(value.shape),
            dtype=value.dtype.name,
        )
    if isinstance(value, np.matrix):
        return Message(N_("a numpy.matrix (not a plain array)"))
    if isinstance(value, np.ndarray):
        return Message(N_("an ndarray subclass {type} (not a plain array)"), type=cls.__name__)
    if isinstance(value, np.generic):
        return Message(N_("a NumPy scalar of type {type}"), type="numpy." + cls.__name__)
    if cls is bool:
        return Message(N_("a Python bool ({value})"), value=value)
    if cls in (int, float):
        return Message(N_("a Python {type} ({value})"), type=cls.__name__, value=number_text(value))
    if cls is list:
        return Plural("a list of {n} item", "a list of {n} items", len(value))
    if cls is tuple:
        return Plural("a tuple of {n} item", "a tuple of {n} items", len(value))
    if isinstance(value, dict):
        return Plural("a dict with {n} key", "a dict with {n} keys", len(value))
    if cls is str:
        return Message(N_("a string"))
    return Message(N_("an object of type {type}"), type=cls.__name__)


def number_text(x):
    """Compact, round-trippable-enough text of a number for feedback."""
    x = float(x)
    if not np.isfinite(x):
        return str(x)
    return f"{x:.10g}"


def index_text(index):
    return str(tuple(int(i) for i in index))


# --------------------------------------------------------------------------------------------
# Arrays
# --------------------------------------------------------------------------------------------


def _kinds_for(expected):
    kind = expected.dtype.kind
    if kind in "iu":
        return "iu"
    return kind


def _shape_details(got_shape, expected_shape):
    details = []
    if len(got_shape) == 2 and tuple(got_shape) == tuple(expected_shape)[::-1]:
        details.append(Message(N_("It looks transposed: rows and columns are swapped.")))
    elif int(np.prod(got_shape)) == int(np.prod(expected_shape)):
        details.append(
            Message(
                N_(
                    "It has the right number of elements but not the right shape: look for "
                    "a missing keepdims=True, a reshape or a squeeze. NumPy would broadcast "
                    "{got} against {expected} without complaint; the grader does not."
                ),
                got=shape_text(got_shape),
                expected=shape_text(expected_shape),
            )
        )
    return details


def check_array(got, expected, name, *, tol=DEFAULT, values=True, kinds=None):
    """Require ``got`` to be a plain array like ``expected``; raise :class:`Failure` if not.

    Parameters
    ----------
    got : object
        The student's value (already decoded from the sandbox).
    expected : numpy.ndarray
        The expected array.
    name : str
        How to call the value in feedback (``"dW"``, ``"cache[0]"``).
    tol : Tolerance
    values : bool
        ``False`` checks type, shape and dtype only.
    kinds : str or None
        Accepted dtype kinds (``"f"``, ``"iu"``...); default: the expected array's kind.

    Raises
    ------
    Failure
    """
    if type(got) is not np.ndarray:
        raise Failure(
            Message(
                N_("{name} must be a NumPy array (numpy.ndarray), but your code returned {got}."),
                name=name,
                got=describe(got),
            )
        )
    if got.shape != expected.shape:
        raise Failure(
            Message(
                N_("{name} has shape {got}; expected {expected}."),
                name=name,
                got=shape_text(got.shape),
                expected=shape_text(expected.shape),
            ),
            details=_shape_details(got.shape, expected.shape),
        )
    accepted = kinds or _kinds_for(expected)
    if got.dtype.kind not in accepted:
        raise Failure(
            Message(
                N_("{name} has dtype {got}; expected {expected}."),
                name=name,
                got=got.dtype.name,
                expected=expected.dtype.name,
            )
        )
    if got.dtype.kind == "f" and expected.dtype.kind == "f":
        if got.dtype.itemsize < expected.dtype.itemsize:
            raise Failure(
                Message(
                    N_("{name} has dtype {got}, less precise than the expected {expected}."),
                    name=name,
                    got=got.dtype.name,
                    expected=expected.dtype.name,
                )
            )
    if values:
        _check_values(got, expected, name, tol)


def _check_values(got, expected, name, tol):
    g = got.astype(float)
    e = expected.astype(float)
    e_finite = np.isfinite(e)
    g_finite = np.isfinite(g)

    nonfinite = e_finite & ~g_finite
    if nonfinite.any():
        first = np.argwhere(nonfinite)[0]
        count = int(nonfinite.sum())
        raise Failure(
            Plural(
                "{name} has {n} non-finite value (NaN or inf) where a finite value is "
                "expected; the first is at index {index}.",
                "{name} has {n} non-finite values (NaN or inf) where finite values are "
                "expected; the first is at index {index}.",
                count,
                name=name,
                index=index_text(first),
            ),
            details=_slice_rows(g, e, nonfinite, first),
        )

    # Where the expected value is NaN or inf, the same special value is required.
    special = ~e_finite
    same_special = np.where(
        special, (np.isnan(e) & np.isnan(g)) | (e == g), True
    )
    atol = tol.atol(e)
    close = np.ones(e.shape, dtype=bool)
    both = e_finite & g_finite
    close[both] = np.abs(g[both] - e[both]) <= atol + tol.rtol * np.abs(e[both])
    bad = ~(close & same_special)
    if not bad.any():
        return

    first = np.argwhere(bad)[0]
    diff = np.abs(np.where(both, g, 0.0) - np.where(both, e, 0.0))
    worst = np.unravel_index(int(np.argmax(diff)), diff.shape) if diff.size else ()
    count = int(bad.sum())
    details = _label_details(g, e, bad)
    details += [
        Message(
            N_("Largest absolute error: {error} at index {index}."),
            error=number_text(diff.max() if diff.size else 0.0),
            index=index_text(worst),
        ),
        _relative_detail(g, e, bad & both, atol),
        Message(N_("First wrong index: {index}."), index=index_text(first)),
    ]
    details += _slice_rows(g, e, bad, first)
    details.append(
        Message(
            N_("Tolerance: {formula}, where {y} is yours and {e} is the expected value."),
            formula=f"|y - e| <= {atol:.1e} + {tol.rtol:.0e} * |e|",
            y="y",
            e="e",
        )
    )
    raise Failure(
        Plural(
            "{name} differs from the expected values in {n} place out of {total}.",
            "{name} differs from the expected values in {n} places out of {total}.",
            count,
            name=name,
            total=int(e.size),
        ),
        details=details,
    )


# Where |expected| is below this fraction of the array's scale, a relative error says nothing
# (an expected 0 turns any error into "1000" or "inf"), so it is not reported there.
RELATIVE_FLOOR = 1e-3


def _relative_detail(g, e, wrong, atol):
    """The largest relative error over the wrong entries whose expected value is not ~0."""
    finite = np.abs(e[np.isfinite(e)])
    scale = float(finite.max()) if finite.size else 0.0
    meaningful = wrong & (np.abs(e) > max(atol, RELATIVE_FLOOR * scale))
    if not meaningful.any():
        return Message(
            N_("No relative error is shown: every wrong entry is expected to be 0 (or nearly), "
               "where a relative error means nothing.")
        )
    rel = np.abs(g[meaningful] - e[meaningful]) / np.abs(e[meaningful])
    return Message(N_("Largest relative error: {error} (over the entries not expected to be 0)."),
                   error=number_text(rel.max()))


def _is_labels(values):
    return values.size > 0 and bool(np.all((values == 0) | (values == 1)))


def _label_details(g, e, bad):
    """For 0/1 label arrays: how many labels differ, and in which direction."""
    if not (_is_labels(e) and _is_labels(g)):
        return []
    zero_to_one = int(np.sum(bad & (e == 0) & (g == 1)))
    one_to_zero = int(np.sum(bad & (e == 1) & (g == 0)))
    return [
        Plural(
            "{n} label of {total} differs: {zero_one} where 0 is expected and yours is 1, "
            "{one_zero} where 1 is expected and yours is 0.",
            "{n} labels of {total} differ: {zero_one} where 0 is expected and yours is 1, "
            "{one_zero} where 1 is expected and yours is 0.",
            int(bad.sum()),
            total=int(e.size),
            zero_one=zero_to_one,
            one_zero=one_to_zero,
        )
    ]


def _slice_rows(g, e, bad, first):
    """A few aligned ``index: expected | yours`` rows around the first bad element (C order).

    Each row's table part is one left-to-right fragment (isolated in Arabic, so the columns
    never flip), and the wrong row is marked with a direction-free ``✗`` after it.
    """
    if e.ndim == 0:
        flat = 0
    else:
        flat = int(np.ravel_multi_index(tuple(first), e.shape))
    lo = max(0, flat - _ROWS_AROUND)
    hi = min(e.size, flat + _ROWS_AROUND + 1)
    rows = [Message(N_("Around the first wrong element (index: expected | yours):"))]
    width = max(len(index_text(np.unravel_index(i, e.shape))) for i in range(lo, hi))
    for i in range(lo, hi):
        idx = np.unravel_index(i, e.shape) if e.ndim else ()
        # Right-aligned to a fixed width so the rows line up in a terminal.
        row = (f"{index_text(idx).ljust(width)}: {number_text(e[idx]).rjust(17)} | "
               f"{number_text(g[idx]).rjust(17)}")
        msgid = N_("{row}  ✗ wrong") if bad[idx] else N_("{row}")
        rows.append(Message(msgid, row=row))
    return rows


# --------------------------------------------------------------------------------------------
# Scalars
# --------------------------------------------------------------------------------------------


def _is_number(value):
    cls = type(value)
    if cls in (int, float):
        return True
    return (
        isinstance(value, np.generic)
        and np.dtype(cls).kind in "iuf"
        and cls.__module__ == "numpy"
    )


def check_scalar(got, expected, name, *, tol=DEFAULT, values=True, require_0d_array=False):
    """Require a single number close to ``expected``.

    Parameters
    ----------
    got : object
    expected : number or 0-d numpy.ndarray
    name : str
    tol : Tolerance
    values : bool
        ``False`` checks the type only.
    require_0d_array : bool
        ``True``: only a 0-d ``numpy.ndarray`` (shape ``()``) is accepted, as ``compute_cost``
        promises. ``False``: a Python number, a NumPy scalar or a 0-d array.

    Raises
    ------
    Failure
    """
    if require_0d_array:
        if type(got) is not np.ndarray or got.shape != ():
            raise Failure(
                Message(
                    N_("{name} must be a 0-d NumPy array (shape ()), but your code returned "
                       "{got}."),
                    name=name,
                    got=describe(got),
                ),
                details=[
                    Message(
                        N_("np.squeeze turns a (1, 1) array into a 0-d array; float() or "
                           "np.sum give scalars instead.")
                    )
                ],
            )
    elif type(got) is np.ndarray:
        if got.shape != ():
            raise Failure(
                Message(
                    N_("{name} must be a single number, but it is an array of shape {shape}."),
                    name=name,
                    shape=shape_text(got.shape),
                ),
                details=[Message(N_("Use np.squeeze to drop the dimensions of size 1."))],
            )
    elif not _is_number(got):
        raise Failure(
            Message(
                N_("{name} must be a number, but your code returned {got}."),
                name=name,
                got=describe(got),
            )
        )
    if type(got) is np.ndarray and got.dtype.kind not in "iuf":
        raise Failure(
            Message(
                N_("{name} has dtype {got}; expected a float."), name=name, got=got.dtype.name
            )
        )
    if not values:
        return
    g = float(got)
    e = float(expected)
    if np.isfinite(e) and not np.isfinite(g):
        raise Failure(
            Message(N_("{name} is {got}; expected the finite value {expected}."),
                    name=name, got=number_text(g), expected=number_text(e))
        )
    if not np.isfinite(e):
        if (np.isnan(e) and np.isnan(g)) or e == g:
            return
    elif abs(g - e) <= tol.atol(e) + tol.rtol * abs(e):
        return
    raise Failure(
        Message(N_("{name} is {got}; expected {expected}."),
                name=name, got=number_text(g), expected=number_text(e)),
        details=[
            Message(
                N_("Absolute error {abs}, relative error {rel}."),
                abs=number_text(abs(g - e)),
                rel=number_text(abs(g - e) / max(abs(e), 1e-300)),
            )
        ],
    )


# --------------------------------------------------------------------------------------------
# Containers
# --------------------------------------------------------------------------------------------


def check_sequence(got, length, name):
    """Require a tuple or list of ``length`` items (a list and a tuple are both accepted).

    Raises
    ------
    Failure
    """
    if type(got) not in (tuple, list):
        raise Failure(
            Plural(
                "{name} must be a tuple of {n} item, but your code returned {got}.",
                "{name} must be a tuple of {n} items, but your code returned {got}.",
                length,
                name=name,
                got=describe(got),
            )
        )
    if len(got) != length:
        raise Failure(
            Plural(
                "{name} must hold {n} item, but it holds {got}.",
                "{name} must hold {n} items, but it holds {got}.",
                length,
                name=name,
                got=len(got),
            )
        )


def check_keys(got, expected_keys, name):
    """Require a dict whose keys are exactly ``expected_keys``.

    Raises
    ------
    Failure
        Listing the missing and the unexpected keys.
    """
    if not isinstance(got, dict) or is_foreign(got):
        raise Failure(
            Message(
                N_("{name} must be a dict, but your code returned {got}."),
                name=name,
                got=describe(got),
            )
        )
    expected_keys = list(expected_keys)
    missing = [k for k in expected_keys if k not in got]
    extra = [k for k in got if k not in expected_keys]
    if missing or extra:
        details = []
        if missing:
            details.append(Message(N_("Missing keys: {keys}."), keys=", ".join(map(repr, missing))))
        if extra:
            details.append(
                Message(N_("Unexpected keys: {keys}."), keys=", ".join(map(repr, extra[:10])))
            )
        details.append(
            Message(N_("Expected exactly: {keys}."), keys=", ".join(map(repr, expected_keys)))
        )
        raise Failure(Message(N_("{name} has the wrong keys."), name=name), details=details)


def check_value(got, expected, name, *, tol=DEFAULT, values=True, strict_scalars=True):
    """Compare any nesting of arrays, numbers, tuples/lists and dicts with ``expected``.

    The structure of ``expected`` drives the comparison: arrays with :func:`check_array`, dicts
    with exact keys (in ``expected``'s key order), tuples/lists item by item (either container
    type is accepted), numbers with :func:`check_scalar`.

    Parameters
    ----------
    strict_scalars : bool
        ``True`` requires the same kind of number as ``expected``: a Python ``float``, a NumPy
        scalar or a 0-d array are told apart (used to recognise mistakes such as "the cost is a
        float"). ``False`` accepts any single number.

    Raises
    ------
    Failure
    """
    if type(expected) is np.ndarray:
        if expected.shape == () and not strict_scalars:
            check_scalar(got, expected, name, tol=tol, values=values)
        else:
            check_array(got, expected, name, tol=tol, values=values)
    elif isinstance(expected, dict):
        check_keys(got, expected.keys(), name)
        for key, item in expected.items():
            check_value(got[key], item, f"{name}[{key!r}]", tol=tol, values=values,
                        strict_scalars=strict_scalars)
    elif type(expected) in (tuple, list):
        check_sequence(got, len(expected), name)
        for i, item in enumerate(expected):
            check_value(got[i], item, f"{name}[{i}]", tol=tol, values=values,
                        strict_scalars=strict_scalars)
    elif _is_number(expected) and type(expected) is not bool:
        if strict_scalars and _scalar_kind(got) != _scalar_kind(expected):
            raise Failure(
                Message(N_("{name} is {got}; expected {expected}."),
                        name=name, got=describe(got), expected=describe(expected))
            )
        check_scalar(got, expected, name, tol=tol, values=values)
    else:
        if type(got) is not type(expected) or got != expected:
            raise Failure(
                Message(N_("{name} is {got}; expected {expected}."),
                        name=name, got=describe(got), expected=describe(expected))
            )


def _scalar_kind(value):
    cls = type(value)
    if cls in (int, float):
        return "python"
    if isinstance(value, np.generic):
        return "numpy-scalar"
    if cls is np.ndarray and value.shape == ():
        return "0-d"
    return "other"


def matches(got, expected, *, tol=DEFAULT):
    """True when ``got`` equals ``expected`` within ``tol``, with the same structure and types.

    Used to recognise a catalogued mistake: ``expected`` is then a mutant's output.
    """
    try:
        check_value(got, expected, "value", tol=tol, values=True, strict_scalars=True)
    except Failure:
        return False
    return True
