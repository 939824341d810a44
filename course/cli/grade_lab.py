"""``amiq grade lab``: grade the learning-rate lab's recorded choice.

الأمر ``amiq grade lab``: تصحيح اختيار معدّل التعلّم المسجَّل في المختبر.

The choice file is ``course/<unit>/lab_choice.toml`` (the notebook's ``save_choice(...)`` writes
it), or ``--choice FILE``. Where the reference networks are installed (an instructor's checkout,
the autograder) the command reruns the lab's sweep with them and judges the choice
(:mod:`grader.lab`); in a student bundle it checks the file and says the choice is graded when
submitted. The course's data come from ``$AMIQ_DATA_DIR``, else ``datasets/catvnoncat``.

Exit status: 0 passed (or, without the reference, a usable choice), 1 failed, missing,
unreadable or not an offered setting, 2 bad input (a unit without a lab, options the lab does
not take, no data for the reference sweep).
"""

import sys

from course.i18n import _, current_language

from .errors import CLIError
from .grade_options import BAD_INPUT_EXIT, check_single_report_options, refuse_options_of

LAB = "lab"
COMMAND = "amiq grade lab"
# Options of ``amiq grade`` that only grading the lab takes: (attribute, option, unset value).
LAB_OPTIONS = (("choice", "--choice", None),)


def is_lab(args):
    """Whether ``amiq grade`` was asked to grade the lab (``amiq grade lab ...``)."""
    return bool(args.exercises) and args.exercises[0] == LAB


def refuse_lab_options(args):
    """``--choice`` belongs to ``amiq grade lab`` only."""
    refuse_options_of(COMMAND, LAB_OPTIONS, args)


def _check_options(args):
    check_single_report_options(
        args, COMMAND,
        grades_only=lambda: _("{command} grades the lab only; it does not take {options}."),
        formats_are=lambda: _("The lab report is text or json, not {format}."))


def choose_unit(unit_id):
    """The unit whose lab is graded: ``unit_id`` (checked), else the only unit with a lab."""
    from course.units import UnitError

    from grader.lab import LabError, lab_unit_of

    try:
        return lab_unit_of(f"{unit_id}.{LAB}" if unit_id else LAB)
    except (LabError, UnitError) as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None


def run(args, out):
    from grader.lab import LabError, grade_lab
    from grader.report.lab import render, summary_line

    _check_options(args)
    unit_id = choose_unit(args.unit)
    try:
        result = grade_lab(unit_id, args.choice)
    except LabError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    lang = current_language()
    text = render(result, args.format, lang)
    if args.output:
        from course.fileio import write_text

        write_text(args.output, text)
        if args.format != "text":
            print(summary_line(result, lang), file=sys.stderr)
    else:
        out.write(text)
        out.flush()
    return 0 if result.status in ("passed", "pending") else 1
