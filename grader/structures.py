"""What an exercise returns, declared as data: arrays, numbers, tuples, dicts and lists of them.

ما يُعيده التمرين، مُعلَنًا بيانات: مصفوفات وأعداد وصفوف وقواميس وقوائم منها.

A unit's check declarations describe each exercise's return value with these small classes, and
one generic comparison (:meth:`Structure.check`) walks the student's value and the expected value
together, failing with feedback at the first difference (:mod:`grader.compare` does the leaf
comparisons: exact ``ndarray`` type, exact shape, dtype kind, NaN/inf, scaled tolerance)::

    linear_cache = Seq(N_("{name} (A_prev, W, b)"), ("{name}[0] (A_prev)", Array()),
                       ("{name}[1] (W)", Array()), ("{name}[2] (b)", Array()))
    returns = Seq(N_("the return value (Z, cache)"), ("Z", Array()), ("cache", linear_cache))

Item names are templates: ``{name}`` is the name of the enclosing value, so nested structures
name their parts (``caches[1][0][2] (b)``). ``values=False`` compares types and shapes only.
"""

import numpy as np

from course.i18n import N_
from grader.compare import (
    check_array,
    check_keys,
    check_scalar,
    check_sequence,
    check_value,
    describe,
)
from grader.feedback import Failure, Message, Plural


class Structure:
    """Base class: ``check(got, expected, name, values=True)`` raises :class:`Failure`."""

    def check(self, got, expected, name, values=True):
        raise NotImplementedError


class Array(Structure):
    """A plain ``numpy.ndarray`` with the expected shape and values.

    Parameters
    ----------
    kinds : str or None
        Accepted dtype kinds (``"fiu"`` for labels given as floats or ints); default: what the
        expected array's dtype implies (a float result must be a float array).
    """

    def __init__(self, kinds=None):
        self.kinds = kinds

    def check(self, got, expected, name, values=True):
        check_array(got, expected, name, values=values, kinds=self.kinds)


class Number(Structure):
    """A single number.

    Parameters
    ----------
    accept : {"number", "python-float", "int"}
        ``"number"``: a Python number, a NumPy scalar or a 0-d array (what ``np.squeeze`` of a
        ``(1, 1)`` array gives); ``"python-float"``: exactly a Python ``float`` (a unit whose
        course converts with ``float(...)``); ``"int"``: a Python or NumPy integer.
    requirement : str or None
        The msgid that states the exercise's convention (the same text the stub's docstring and
        the lesson page quote); added to a type failure.
    """

    def __init__(self, accept="number", requirement=None):
        if accept not in ("number", "python-float", "int"):
            raise ValueError(f"unknown accept={accept!r}")
        self.accept = accept
        self.requirement = requirement

    def _type_failure(self, got, name):
        details = (Message(self.requirement),) if self.requirement else ()
        wanted = {
            "python-float": N_("{name} must be a Python float, but your code returned {got}."),
            "int": N_("{name} must be a whole number (int), but your code returned {got}."),
        }[self.accept]
        return Failure(Message(wanted, name=name, got=describe(got)), details=details)

    def check(self, got, expected, name, values=True):
        if self.accept == "python-float" and type(got) is not float:
            raise self._type_failure(got, name)
        if self.accept == "int":
            if isinstance(got, bool) or not isinstance(got, (int, np.integer)):
                raise self._type_failure(got, name)
            if values and int(got) != int(expected):
                raise Failure(Message(N_("{name} is {got}; expected {expected}."),
                                      name=name, got=int(got), expected=int(expected)))
            return
        try:
            check_scalar(got, expected, name, values=False)
        except Failure as failure:  # the type is wrong: quote the convention
            if self.requirement:
                raise Failure(failure.message,
                              details=failure.details + (Message(self.requirement),)) from None
            raise
        if values:
            check_scalar(got, expected, name)


class Seq(Structure):
    """A tuple (or list) of a fixed number of items, each with its own structure.

    Parameters
    ----------
    label : str
        Msgid naming the whole, e.g. ``N_("the return value (Z, cache)")``; may use ``{name}``.
    *items : (str, Structure)
        ``(name template, structure)`` per position.
    order : tuple of int or None
        Positions in checking order (e.g. the caches before the output they lead to).
    """

    def __init__(self, label, *items, order=None):
        self.label = label
        self.items = items
        self.order = tuple(order) if order is not None else tuple(range(len(items)))

    def check(self, got, expected, name, values=True):
        check_sequence(got, len(self.items), Message(self.label, name=name))
        for i in self.order:
            template, item = self.items[i]
            item.check(got[i], expected[i], template.format(name=name), values)


class Map(Structure):
    """A dict with exactly the expected keys, each value checked with ``item``.

    Parameters
    ----------
    item : Structure
        Default :class:`Array`.
    order : callable or None
        ``expected keys -> keys in checking order`` (e.g. from the output layer backwards).
    blame : callable or None
        ``(key, failure) -> Failure``: rewrites the first failure (e.g. "layer 2 is the first
        layer that differs").
    """

    def __init__(self, item=None, order=None, blame=None):
        self.item = item or Array()
        self.order = order
        self.blame = blame

    def check(self, got, expected, name, values=True):
        check_keys(got, expected.keys(), name)
        keys = self.order(list(expected)) if self.order else list(expected)
        for key in keys:
            try:
                self.item.check(got[key], expected[key], f"{name}[{key!r}]", values)
            except Failure as failure:
                if self.blame is None:
                    raise
                raise self.blame(key, failure) from None


class Each(Structure):
    """A list with as many items as expected, each checked with ``item``.

    Parameters
    ----------
    item : Structure
    kind : str
        Msgid: "{name} must be a list, but your code returned {got}." style, for a wrong type.
    count : callable
        ``(n, **params) -> Plural`` for a wrong length (``{n}``: expected, ``{got}``: actual),
        written with ``Plural`` so the message ids are extracted.
    blame : callable or None
        ``(index, failure) -> Failure``.
    """

    def __init__(self, item, kind, count, blame=None):
        self.item = item
        self.kind = kind
        self.count = count
        self.blame = blame

    def check(self, got, expected, name, values=True):
        if type(got) not in (list, tuple):
            raise Failure(Message(self.kind, name=name, got=describe(got)))
        if len(got) != len(expected):
            raise Failure(self.count(len(expected), name=name, got=len(got)))
        for i, (g, e) in enumerate(zip(got, expected)):
            try:
                self.item.check(g, e, f"{name}[{i}]", values)
            except Failure as failure:
                if self.blame is None:
                    raise
                raise self.blame(i, failure) from None


class Anything(Structure):
    """Any nesting, compared by :func:`grader.compare.check_value` (any single number is fine)."""

    def check(self, got, expected, name, values=True):
        check_value(got, expected, name, values=values, strict_scalars=False)


def dict_of_arrays():
    """The common ``parameters`` / ``grads`` dict: exact keys, arrays."""
    return Map(Array())
