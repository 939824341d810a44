"""``amiq grade`` (also ``python -m grader``): grade a submission and print or write the report.

الأمر ``amiq grade``: يصحّح الحلّ ويطبع التقرير أو يكتبه في ملف.

Exit status: 0 when every check that ran passed, 1 when some did not, 2 for bad input (unknown
unit or exercise, unusable folder, ``--hidden`` without the reference), 3 when the sandbox could
not start or is too weak for the grading asked for (see :mod:`grader.runner.isolation`), 130 or
143 when interrupted by SIGINT or SIGTERM (the sandbox's processes and temporary folders are
removed first, and nothing is written). The exit status and output of the student's code play no
part in any of these. ``--class`` grades a whole class (:mod:`course.cli.grade_class`, where its
exit statuses are described).
"""

import os
import signal
import sys
import threading

from course.i18n import _, current_language, isolate

from .errors import BAD_INPUT_EXIT, CLIError
from .grade_class import add_class_options, check_single_options
from .grade_options import check_output_folder
from .parser import positive_float
from .unit_option import add_unit_option

SANDBOX_EXIT = 3


def add_parser(subparsers):
    from grader.report import FORMATS  # a light module: the formats' names only

    p = subparsers.add_parser(
        "grade",
        help=_("grade exercises in a sandbox and report in Arabic or English"),
        description=_(
            "Grade exercises in a sandbox and report in Arabic or English. Exercise ids are "
            "qualified (c1w4.linear_forward); a bare name (linear_forward) is accepted where "
            "only one unit defines it. Exit status: 0 all checks passed, 1 some did not, 2 bad "
            "input, 3 the sandbox could not start. amiq grade quiz grades the end-of-week quiz "
            "instead (your answers file from amiq quiz template); without the answer key it "
            "only checks the file. amiq grade lab grades the learning rate you chose in the "
            "learning-rate lab (course/<unit>/lab_choice.toml) by rerunning its sweep with the "
            "reference networks; without them it only checks the file."
        ),
    )
    p.add_argument("exercises", nargs="*", metavar="EXERCISE",
                   help=_("exercise ids (default: every exercise of the unit), or quiz, or "
                          "lab"))
    add_unit_option(p)
    p.add_argument("--submission", metavar="DIR",
                   help=_("folder holding the module files (default: course/<unit>)"))
    p.add_argument("--hidden", action="store_true",
                   help=_("also run the hidden checks (instructors)"))
    p.add_argument("--format", choices=FORMATS, default="text",
                   help=_("report format (default: %(default)s)"))
    p.add_argument("--output", metavar="FILE", help=_("write the report to this file"))
    p.add_argument("--seed", type=int,
                   help=_("seed of the random cases (default: $AMIQ_GRADER_SEED, else a fixed "
                          "seed)"))
    p.add_argument("--timeout", type=positive_float, default=None, metavar="SECONDS",
                   help=_("wall-time limit of one call, in seconds"))
    p.add_argument("--allow-weak-isolation", action="store_true",
                   help=_("grade even where the sandbox is weaker than the grading needs (the "
                          "report says so)"))
    p.add_argument("--no-color", action="store_true", help=_("no ANSI colours"))
    p.add_argument("--answers", metavar="FILE",
                   help=_("quiz only: the answers file (default: course/<unit>/quiz_answers.toml)"))
    p.add_argument("--student", metavar="ID",
                   help=_("quiz only: grade as this student id instead of the one in the file"))
    p.add_argument("--choice", metavar="FILE",
                   help=_("lab only: the choice file (default: course/<unit>/lab_choice.toml)"))
    add_class_options(p)
    p.set_defaults(handler=run)


def _bad_input(exc):
    """A ``GradingError`` as the command's error (exit status 2)."""
    return CLIError.wrap(exc, BAD_INPUT_EXIT)


def _limits(args):
    from grader.sandbox.client import Limits

    limits = Limits()
    if args.timeout is not None:
        limits.timeout = args.timeout
    return limits


def _stop_on_signals():
    """Turn SIGINT and SIGTERM into ``KeyboardInterrupt``, so every ``finally`` cleans up.

    The first signal ignores any further ones, so a second Ctrl-C cannot interrupt the clean-up
    itself (stopping the sandbox, removing its folders). Returns ``(received, restore)``.
    """
    received = []
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def stop(signum, frame):
        for sig in previous:
            signal.signal(sig, signal.SIG_IGN)
        received.append(signum)
        raise KeyboardInterrupt

    def restore():
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)

    for sig in previous:
        signal.signal(sig, stop)
    return received, restore


def run(args, out):
    from . import grade_lab, grade_quiz

    # The quiz's and the lab's own options are refused, naming their command, everywhere else.
    lab, quiz = grade_lab.is_lab(args), grade_quiz.is_quiz(args)
    if not lab:
        grade_lab.refuse_lab_options(args)
    if not quiz:
        grade_quiz.refuse_quiz_options(args)
    if lab:
        return grade_lab.run(args, out)
    if quiz:
        return grade_quiz.run(args, out)
    class_run = args.class_dir is not None
    if not class_run:
        check_single_options(args)
        check_output_folder(args)
    received, restore = [], None
    if threading.current_thread() is threading.main_thread():
        received, restore = _stop_on_signals()
    try:
        if class_run:
            from .grade_class import run_class

            return run_class(args, out)
        return grade_one(args, out)
    except KeyboardInterrupt:
        code = 128 + int(received[0] if received else signal.SIGINT)
        if class_run:
            from .grade_class import interrupted

            raise interrupted(args, code) from None
        raise CLIError(lambda: _("Grading was interrupted; no report was written."),
                       code) from None
    finally:
        if restore is not None:
            restore()


def grade_one(args, out):
    """Grade one submission and print or write its report."""
    from grader.sandbox.zygote import SandboxError, Zygote

    zygote = None
    try:
        # Start the sandbox's interpreter first: it imports numpy while this process does too.
        try:
            zygote = Zygote()
            zygote.start()
        except (OSError, SandboxError) as exc:
            raise CLIError(lambda exc=exc: _("The sandbox could not start: {error}").format(
                error=isolate(exc)), SANDBOX_EXIT) from None
        from grader.runner.engine import GradingError, IsolationError, grade

        try:
            report = grade(args.exercises, args.submission, unit=args.unit, hidden=args.hidden,
                           seed=args.seed, limits=_limits(args), zygote=zygote,
                           allow_weak_isolation=args.allow_weak_isolation)
        except IsolationError as exc:
            raise CLIError.wrap(exc, SANDBOX_EXIT) from None
        except GradingError as exc:
            raise _bad_input(exc) from None
        except SandboxError as exc:
            raise CLIError(lambda exc=exc: _("The sandbox could not start: {error}").format(
                error=isolate(exc)), SANDBOX_EXIT) from None
    finally:
        if zygote is not None:
            zygote.close()  # idempotent: grade() normally closed it already
    from grader.report import render

    lang = current_language()
    to_terminal = not args.output and hasattr(out, "isatty") and out.isatty()
    color = (args.format == "text" and to_terminal and not args.no_color
             and "NO_COLOR" not in os.environ)
    text = render(report, args.format, lang, color=color)
    if args.output:
        from course.fileio import write_text

        write_text(args.output, text)
        if args.format != "text":
            from grader.report.text import summary_lines

            print("\n".join(summary_lines(report, lang)), file=sys.stderr)
    else:
        out.write(text)
        out.flush()
    return 0 if report.all_passed else 1
