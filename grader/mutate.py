"""Catalogued mistakes as code: small text edits of the reference, turned into functions.

الأخطاء الشائعة شيفرةً: تعديلات نصية صغيرة على الحل المرجعي تُحوَّل إلى دوال.

A unit's ``solutions/<unit>/grading/mutants.py`` maps each mistake id (``"<exercise>.<slug>"``,
the same ids as the public messages in ``course/<unit>/grading/mistakes.py``) to an :class:`Edit`
of the reference function::

    MUTANTS = {
        "linear_forward.missing_bias": Edit(("np.dot(W, A) + b", "np.dot(W, A)")),
    }

Each ``(old, new)`` pair must occur exactly once in the function's source (a test checks it), so
a mutant is the reference with one mistake in it, written as a student would write it. Built in
the trusted process, the mutant runs with the reference module's globals: a mutant of a composite
calls the reference versions of the other exercises, exactly like stage isolation.
"""

import ast
import contextlib
import copy
import inspect
import io
import textwrap
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Edit:
    """Text replacements in the reference function's source.

    Attributes
    ----------
    replacements : tuple of (str, str)
        ``(old, new)`` pairs, applied in order; each ``old`` must occur exactly once.
    """

    replacements: tuple

    def __init__(self, *replacements):
        object.__setattr__(self, "replacements", tuple(replacements))


class EditError(ValueError):
    """An edit that does not apply exactly once (the reference changed under the catalogue)."""


def function_source(function):
    """The dedented source of a module-level function."""
    return textwrap.dedent(inspect.getsource(function))


def apply(source, edit, mistake_id="?"):
    """The source with every replacement of ``edit`` applied (each exactly once)."""
    for old, new in edit.replacements:
        count = source.count(old)
        if count != 1:
            raise EditError(f"{mistake_id}: {old!r} occurs {count} times in the reference "
                            "function (expected exactly once)")
        source = source.replace(old, new)
    return source


def build(reference, edit, mistake_id="?"):
    """Compile the mutant of ``reference`` described by ``edit``.

    Parameters
    ----------
    reference : function
        The reference function (a module-level function of ``solutions/<unit>/``).
    edit : Edit

    Returns
    -------
    function
        Named like the reference, with the reference module's globals (copied, so the module is
        untouched) and ``mutant_source`` holding its source text.
    """
    source = apply(function_source(reference), edit, mistake_id)
    ast.parse(source)  # a syntax error in the catalogue shows up here, with its id
    namespace = dict(reference.__globals__)
    exec(compile(source, f"<mutant {mistake_id}>", "exec"), namespace)  # noqa: S102 - trusted
    function = namespace[reference.__name__]
    function.mutant_source = source
    function.mistake_id = mistake_id
    return function


def run(function, args, kwargs=None, seed=None):
    """Call a reference or mutant function as the engine calls the student's.

    The arguments are deep-copied (a mutant may modify them), printed output is captured, and
    NumPy's global random state is restored afterwards (the initialisers reseed it). With
    ``seed``, ``np.random.seed(seed)`` runs first (see :class:`grader.cases.Case`).

    Returns
    -------
    value : object
    stdout : str
    """
    args = copy.deepcopy(tuple(args))
    kwargs = copy.deepcopy(dict(kwargs or {}))
    state = np.random.get_state()
    buffer = io.StringIO()
    try:
        if seed is not None:
            np.random.seed(seed)
        # Diverging mistakes (gradient ascent) overflow; their warnings are not news here.
        with contextlib.redirect_stdout(buffer), np.errstate(all="ignore"):
            value = function(*args, **kwargs)
    finally:
        np.random.set_state(state)
    return value, buffer.getvalue()
