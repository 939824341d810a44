"""The ``amiq`` command: one parser tree with a subcommand per job.

الأمر ``amiq``: شجرة محلِّل واحدة بأمر فرعي لكل مهمة.

Each subcommand lives in its own module ``cmd_<name>`` with ``add_parser(subparsers)`` and a
``run(args, out)`` handler (set with ``set_defaults(handler=...)``). ``--lang ar|en`` is an option
of every parser, so it is accepted before or after the subcommand; it is also read first, alone,
so that the help texts are built in that language. ``python -m course.cli`` and ``python -m
grader`` (``amiq grade``) run this same parser.
"""

import argparse
import sys

from course.i18n import LANGUAGES, LocalizedError, _, isolate, set_language

from . import (cmd_data, cmd_docs, cmd_expected, cmd_export, cmd_grade, cmd_quiz, cmd_release,
               cmd_stubs, cmd_submit, cmd_sweep, cmd_train, cmd_units)
from .errors import BAD_INPUT_EXIT, CLIError
from .output import say_error
from .parser import AmiqArgumentParser
from .paths import missing_instructor_part

COMMAND_MODULES = (("units", cmd_units), ("grade", cmd_grade), ("submit", cmd_submit),
                   ("quiz", cmd_quiz), ("data", cmd_data), ("train", cmd_train),
                   ("sweep", cmd_sweep), ("stubs", cmd_stubs), ("expected", cmd_expected),
                   ("docs", cmd_docs), ("release", cmd_release), ("export", cmd_export))


class _LanguageOnly(argparse.ArgumentParser):
    """Reads ``--lang`` alone, before the full parser exists; never prints or exits."""

    def error(self, message):
        raise ValueError(message)


def requested_language(argv):
    """The ``--lang`` value in ``argv`` (the last one, before any ``--``), or ``None``.

    Used to build the full parser in that language; an invalid value gives ``None`` here and
    is reported by the full parser.
    """
    parser = _LanguageOnly(add_help=False)
    parser.add_argument("--lang")
    try:
        known, _rest = parser.parse_known_args(argv)
    except ValueError:
        return None
    return known.lang if known.lang in LANGUAGES else None


def _unavailable(name, missing):
    def run(args, out):
        raise CLIError(
            lambda: _("{command} is not available in this installation ({missing} is missing): "
                      "it is an instructor command, run from the project's full checkout.")
            .format(command=isolate(f"amiq {name}"), missing=isolate(missing)),
            BAD_INPUT_EXIT,
        )

    return run


def build_parser():
    """The full parser (build it after :func:`course.i18n.set_language`: help is translated)."""
    parser = AmiqArgumentParser(
        prog="amiq",
        description=_(
            "Amiq: a bilingual (Arabic/English) deep-learning course with auto-graded NumPy "
            "exercises."
        ),
        epilog=_("Run {command} for the options of one command.").format(
            command=isolate("amiq COMMAND --help")
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module in COMMAND_MODULES:
        missing = missing_instructor_part(name)
        if missing is None:
            module.add_parser(sub)
        else:
            # Not listed (no help text), but named in a clear error rather than "invalid choice".
            hidden = sub.add_parser(name)
            hidden.set_defaults(handler=_unavailable(name, missing), any_arguments=True)
    parser.commands = sub.choices  # {name: subcommand parser}
    return parser


def parse(argv):
    """Parse ``argv`` with the full parser; exits (status 2) on bad input, 0 after ``--help``."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and not getattr(args, "any_arguments", False):
        # Reported by the subcommand's parser, so the usage and hint are that command's.
        command = parser.commands.get(getattr(args, "command", None), parser)
        command.error("unrecognized arguments: " + " ".join(extra))
    return args


def main(argv=None, out=None, err=None):
    """Run the ``amiq`` command line and return its exit status.

    Parameters
    ----------
    argv : list of str, optional
        Default ``sys.argv[1:]``.
    out, err : file, optional
        Where results and errors are printed (default ``sys.stdout`` / ``sys.stderr``).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    set_language(requested_language(argv))
    try:
        args = parse(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    set_language(getattr(args, "lang", None))
    try:
        return args.handler(args, out)
    except LocalizedError as exc:  # CLIError, DataError, TrainingConfigError, ...
        say_error(exc, err)
        return getattr(exc, "exit_code", 1)
    except KeyboardInterrupt:
        say_error(lambda: _("Interrupted."), err, prefix=False)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
