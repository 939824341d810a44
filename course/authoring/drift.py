"""Compare regenerated outputs with committed ones: structure exactly, numbers within a tolerance.

مقارنة المخرجات المُعاد توليدها بالمحفوظة: البنية بدقة تامة، والأعداد ضمن سماحية (tolerance) مُعلَنة.

Committed files that hold computed numbers (the public checks' expected data, the exercise pages'
expected outputs, the docs figures' data) are checked against a fresh computation. A fresh install
resolves other NumPy/BLAS builds than the ones that wrote the files, and those differ in the last
bits of a float (``0.025066281845085775`` against ``…765`` after 150 training iterations), so
numbers are compared with a stated tolerance, never by their bits or printed digits.

The rule, for every float (elementwise in arrays)::

    |fresh - stored| <= atol + rtol * |stored|

with ``rtol = 1e-9`` (:data:`RTOL`: training outputs drift by about ``1e-15`` relative between
BLAS builds, real changes of the code move them by far more) and the absolute floor
``atol = 1e-12`` (:data:`ATOL`) for values near 0, where a relative rule alone would demand
exact bits. NaN matches only NaN, an infinity only the same infinity. Everything else is exact:
Python types, dict keys, sequence lengths, array shapes and dtype kinds (``f``, ``i``, ``u``,
``b``…; a change of precision inside a kind shows up as a value difference), integers, booleans
and strings.

:func:`differences` compares decoded values; :func:`text_differences` compares printed text by
splitting numbers out of it (:func:`split_numbers`) and comparing those with the same rule.
"""

import re

import numpy as np

RTOL = 1e-9
ATOL = 1e-12
MAX_REPORTED = 20  # problems listed per comparison; the rest are counted

# A number printed by Python or NumPy: not glued to a name before it (the 1 of ``W1`` is text).
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.])")


def _where(path):
    return path or "value"


def _type_name(value):
    kind = type(value)
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"


def _float_problem(stored, fresh, rtol, atol, path):
    if np.isclose(fresh, stored, rtol=rtol, atol=atol, equal_nan=True):
        return []
    return [f"{_where(path)}: {stored!r} -> {fresh!r} (beyond atol {atol:g} + rtol {rtol:g} * |stored|)"
            " / خارج السماحية"]


def _array_problems(stored, fresh, rtol, atol, path):
    if stored.shape != fresh.shape:
        return [f"{_where(path)}: shape {stored.shape} -> {fresh.shape} / الشكل (shape) تغيّر"]
    if stored.dtype.kind != fresh.dtype.kind:
        return [f"{_where(path)}: dtype {stored.dtype} -> {fresh.dtype} / نوع العناصر (dtype) تغيّر"]
    if stored.dtype.kind in "fc":
        same = np.isclose(fresh, stored, rtol=rtol, atol=atol, equal_nan=True)
    elif stored.dtype.kind == "O":
        problems = []
        for index in np.ndindex(stored.shape):
            problems += differences(stored[index], fresh[index], rtol=rtol, atol=atol,
                                    path=f"{path}{list(index)}")
        return problems
    else:
        same = stored == fresh
    same = np.asarray(same, dtype=bool)
    if same.all():
        return []
    wrong = np.argwhere(~same)
    first = tuple(int(i) for i in wrong[0])
    detail = f"{stored[first].item()!r} -> {fresh[first].item()!r}"
    if stored.dtype.kind in "fc":
        gap = np.abs(fresh.astype(complex if stored.dtype.kind == "c" else float) - stored)
        detail += f", largest |difference| {np.nanmax(np.where(same, 0, gap)):.3g}"
        detail += f" (allowed: atol {atol:g} + rtol {rtol:g} * |stored|)"
    return [f"{_where(path)}: {len(wrong)} of {stored.size} elements differ, first at index "
            f"{list(first)}: {detail} / عناصر مختلفة"]


def differences(stored, fresh, *, rtol=RTOL, atol=ATOL, path=""):
    """List where ``fresh`` differs from ``stored``, numbers compared within a tolerance.

    Parameters
    ----------
    stored, fresh : object
        Plain data as decoded from a committed file and as computed now: ``None``, ``bool``,
        ``int``, ``float``, ``str``, NumPy scalars, ``numpy.ndarray`` of any shape, and ``dict``,
        ``list`` and ``tuple`` of those. Other objects are compared with ``==``.
    rtol : float
        Relative tolerance of floats, against ``|stored|`` (default :data:`RTOL`, ``1e-9``).
    atol : float
        Absolute floor of the tolerance for values near 0 (default :data:`ATOL`, ``1e-12``).
    path : str
        Where ``stored`` sits in a larger value, prefixed to every problem (e.g. ``"cases[2]"``).

    Returns
    -------
    list of str
        One line per problem, naming its path (dict keys and list indices, e.g.
        ``expected[0]['W1']``) and for arrays the first differing index; empty when the values
        agree. Floats agree when ``|fresh - stored| <= atol + rtol * |stored|``; types, keys,
        lengths, shapes, dtype kinds and all non-float values must be equal.
    """
    if isinstance(stored, np.ndarray) and isinstance(fresh, np.ndarray) \
            and type(stored) is type(fresh):
        return _array_problems(stored, fresh, rtol, atol, path)
    if isinstance(stored, np.generic) and isinstance(fresh, np.generic):
        # NumPy scalars: same rule as 0-d arrays (dtype kind, then value).
        return _array_problems(np.asarray(stored), np.asarray(fresh), rtol, atol, path)
    if type(stored) is not type(fresh):
        return [f"{_where(path)}: type {_type_name(stored)} -> {_type_name(fresh)} / النوع تغيّر"]
    if isinstance(stored, float):
        return _float_problem(stored, fresh, rtol, atol, path)
    if isinstance(stored, dict):
        missing = [k for k in stored if k not in fresh]
        added = [k for k in fresh if k not in stored]
        if missing or added:
            return [f"{_where(path)}: keys missing {missing}, new {added} / المفاتيح تغيّرت"]
        problems = []
        for key in stored:
            problems += differences(stored[key], fresh[key], rtol=rtol, atol=atol,
                                    path=f"{path}[{key!r}]")
        return problems
    if isinstance(stored, (list, tuple)):
        if len(stored) != len(fresh):
            return [f"{_where(path)}: length {len(stored)} -> {len(fresh)} / الطول تغيّر"]
        problems = []
        for index, (old, new) in enumerate(zip(stored, fresh)):
            problems += differences(old, new, rtol=rtol, atol=atol, path=f"{path}[{index}]")
        return problems
    if stored == fresh:
        return []
    return [f"{_where(path)}: {stored!r} -> {fresh!r} / القيمة تغيّرت"]


def split_numbers(text):
    """Split printed text into text pieces and numbers.

    Parameters
    ----------
    text : str
        What a program printed.

    Returns
    -------
    list of str, int or float
        Alternating text and numbers, in order. A number is a decimal literal not glued to a
        name (the ``1`` of ``W1`` stays text): with a point or an exponent it becomes a
        ``float``, otherwise an ``int`` (shapes, counts and iteration numbers compare exactly).
        Spaces next to a number (before or after it) are dropped from the text pieces: NumPy
        pads array columns (and leaves a slot for the sign) to the widest number, so a column
        that prints one digit more or less is not a text change.
    """
    pieces = []
    position = 0
    for match in _NUMBER.finditer(text):
        literal = match.group()
        # Spaces around a number are NumPy's column padding (and sign slot): not compared.
        pieces.append(text[position:match.start()].strip(" ") if pieces
                      else text[:match.start()].rstrip(" "))
        is_float = any(c in literal for c in ".eE")
        pieces.append(float(literal) if is_float else int(literal))
        position = match.end()
    pieces.append(text[position:].lstrip(" ") if pieces else text)
    return pieces


def text_differences(stored, fresh, *, rtol=RTOL, atol=ATOL):
    """List where printed text ``fresh`` differs from ``stored``, numbers within a tolerance.

    Parameters
    ----------
    stored, fresh : str
        The committed text and the text printed now.
    rtol, atol : float
        As in :func:`differences`: printed floats agree when
        ``|fresh - stored| <= atol + rtol * |stored|``.

    Returns
    -------
    list of str
        Problems, each naming the line (1-based) of ``stored``; empty when the text between the
        numbers is the same (spaces next to a number aside) and every number agrees (floats
        within the tolerance, integers exactly, a float never matching an integer).
    """
    old_lines, new_lines = stored.splitlines(), fresh.splitlines()
    if len(old_lines) != len(new_lines):
        return [f"{len(old_lines)} lines -> {len(new_lines)} lines / عدد الأسطر تغيّر"]
    problems = []
    for number, (old, new) in enumerate(zip(old_lines, new_lines), start=1):
        old_pieces, new_pieces = split_numbers(old), split_numbers(new)
        if len(old_pieces) != len(new_pieces) or any(
            isinstance(a, str) and a != b for a, b in zip(old_pieces, new_pieces)
        ):
            problems.append(f"line {number}: text {old!r} -> {new!r} / النص تغيّر")
            continue
        found = differences(
            [p for p in old_pieces if not isinstance(p, str)],
            [p for p in new_pieces if not isinstance(p, str)],
            rtol=rtol, atol=atol, path=f"line {number} number ",
        )
        if found:
            problems.append(f"line {number}: {old!r} -> {new!r}: " + "; ".join(found))
    if stored.endswith("\n") != fresh.endswith("\n"):
        problems.append("final newline added or removed / تغيّر السطر الأخير")
    return problems


def summarize(problems, limit=MAX_REPORTED):
    """The first ``limit`` problems, plus a line counting the rest (for printing)."""
    shown = list(problems[:limit])
    if len(problems) > limit:
        shown.append(f"... and {len(problems) - limit} more / وغيرها")
    return shown
