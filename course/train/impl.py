"""Which implementation of the cat classifier to train: the reference or the student's own.

أيّ تنفيذ لمصنِّف القطط يُدرَّب: الحل المرجعي أم تنفيذ الطالب نفسه.
"""

import importlib
import re

from course.i18n import LocalizedError, _, isolate

IMPLEMENTATIONS = {
    "reference": "solutions.c1w4.cat_classifier",
    "student": "course.c1w4.cat_classifier",
}
_NOT_ATTEMPTED = re.compile(r"^(\w+) is not attempted yet")


class ImplementationError(LocalizedError):
    """The chosen implementation cannot be imported (message translated, ready to print)."""


class NotAttemptedError(ImplementationError):
    """The student's code reached an unfilled stub.

    Attributes
    ----------
    function : str or None
        The stub's function name when it can be read from the stub's message.
    """

    def __init__(self, message, function=None):
        super().__init__(message)
        self.function = function


def load_implementation(impl):
    """Import the cat-classifier module of ``impl`` (``"reference"`` or ``"student"``).

    Raises
    ------
    ImplementationError
        Unknown name, reference not installed (a student bundle), or the student's module does
        not import (a syntax error, for example).
    """
    if impl not in IMPLEMENTATIONS:
        raise ImplementationError(
            lambda: _("Unknown implementation {name}: expected {choices}.").format(
                name=isolate(repr(impl)), choices=isolate("reference, student")
            )
        )
    name = IMPLEMENTATIONS[impl]
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if impl == "reference" and (exc.name or "").split(".")[0] == "solutions":
            raise ImplementationError(
                lambda: _("The reference solutions are not installed here (a student bundle has none). "
                  "Use {flag}.").format(flag=isolate("--impl student"))
            ) from None
        raise ImplementationError(
            lambda exc=exc: _("Cannot import {module}: {reason}.").format(module=isolate(name), reason=exc)
        ) from exc
    except SyntaxError as exc:
        raise ImplementationError(
            lambda exc=exc: _("Your code in {file} has a syntax error at line {line}: {reason}.").format(
                file=isolate(exc.filename), line=isolate(exc.lineno), reason=exc.msg
            )
        ) from None


def not_attempted(exc):
    """Turn a stub's ``NotImplementedError`` into a :class:`NotAttemptedError` with advice."""
    match = _NOT_ATTEMPTED.match(str(exc))
    function = match.group(1) if match else None
    return NotAttemptedError(
        lambda: _("Not attempted yet: {function} still raises NotImplementedError, so your model cannot "
          "be trained. Run {grade} to see which exercises are left, or train the reference "
          "solution with {flag} (instructor checkout).").format(
            function=isolate(function) if function else _("an exercise"), grade=isolate("amiq grade"), flag=isolate("--impl reference")
        ),
        function,
    )
