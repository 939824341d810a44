"""``--unit``: the one option that selects the course unit(s) a command acts on.

الخيار ``--unit``: الخيار الوحيد الذي يختار الوحدة (أو الوحدات) الدراسية التي يعمل عليها الأمر.
"""

from course.i18n import _


def add_unit_option(parser, several=False):
    """Add ``--unit UNIT`` to ``parser`` (repeatable with ``several``; default: every unit)."""
    if several:
        parser.add_argument("--unit", metavar="UNIT", action="append", dest="units",
                            help=_("a unit to act on, e.g. c1w4 (repeat for several; default: "
                                   "every unit; see amiq units)"))
    else:
        parser.add_argument("--unit", metavar="UNIT",
                            help=_("the unit, e.g. c1w4 (default: the only unit installed, or "
                                   "the one the exercise ids name; see amiq units)"))


def chosen_units(unit_ids=None):
    """The ids of the units a command acts on: ``unit_ids`` (checked), else every unit.

    Raises
    ------
    CLIError
        An unknown unit (exit status 2; the message lists the installed ones).
    """
    from course import units

    from .errors import CLIError

    if not unit_ids:
        return list(units.all_units())
    try:
        return list(dict.fromkeys(units.get_unit(u).id for u in unit_ids))
    except units.UnitError as exc:
        raise CLIError.wrap(exc, exit_code=2) from None
