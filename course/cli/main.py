"""The ``amiq`` command: one entry point with a subcommand per job.

الأمر ``amiq``: نقطة دخول واحدة بأمر فرعي لكل مهمة.

``--lang ar|en`` (anywhere before ``--``) picks the language of every message; the default comes
from ``AMIQ_LANG`` or the locale, else Arabic. ``grade`` and ``expected`` hand all their
arguments to the grader, after removing ``--lang`` (``amiq`` applies it; the grader gets the
chosen language back as ``--lang`` when it takes one).
"""

import argparse
import sys

from course.i18n import LANGUAGES, _, both_languages, isolate, set_language

from . import cmd_data, cmd_release, cmd_stubs, cmd_sweep, cmd_train
from .delegate import DELEGATED, run_delegated, unavailable_message
from .errors import CLIError, error_lines
from .paths import missing_instructor_part
from .parser import AmiqArgumentParser

COMMAND_MODULES = (("stubs", cmd_stubs), ("data", cmd_data), ("train", cmd_train),
                   ("sweep", cmd_sweep), ("release", cmd_release))


def scan_language(argv):
    """Find ``--lang X`` / ``--lang=X`` in ``argv`` (before any ``--``).

    Returns
    -------
    lang : str or None
        The last value given.
    global_lang : str or None
        The value when given before the subcommand (the first non-option word).
    """
    lang = global_lang = None
    seen_command = False
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
            i += 1
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        elif not arg.startswith("-"):
            seen_command = True
        if value is not None:
            lang = value
            if not seen_command:
                global_lang = value
        i += 1
    return lang, global_lang


def _strip_global_lang(argv):
    """``argv`` without the ``--lang`` options placed before the subcommand."""
    out, i = [], 0
    while i < len(argv):
        arg = argv[i]
        if not arg.startswith("-"):
            return out + argv[i:]
        if arg == "--lang":
            i += 2
            continue
        if not arg.startswith("--lang="):
            out.append(arg)
        i += 1
    return out


def build_parser():
    """The full parser (build it after :func:`course.i18n.set_language`: help text is translated)."""
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
    lang_help = _("language of messages: ar or en (default: AMIQ_LANG, the locale, else ar)")
    parser.add_argument("--lang", choices=LANGUAGES, help=lang_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True,
                                parser_class=AmiqArgumentParser)
    # Instructor commands are listed only where they can run (not in a student bundle).
    for name, module in COMMAND_MODULES:
        if missing_instructor_part(name) is None:
            module.add_parser(sub)
    sub.add_parser("grade", help=_("grade exercises (all arguments go to the grader; see "
                                   "amiq grade --help)"))
    if missing_instructor_part("expected") is None:
        sub.add_parser("expected", help=_("rebuild or check the public checks' expected outputs "
                                          "(instructors; see amiq expected --help)"))
    _accept_lang_everywhere(parser, lang_help)
    return parser


def _accept_lang_everywhere(parser, lang_help):
    """Let ``--lang`` follow any (sub)command too; :func:`scan_language` already applied it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if not any("--lang" in a.option_strings for a in child._actions):
                    child.add_argument("--lang", choices=LANGUAGES, help=lang_help)
                _accept_lang_everywhere(child, lang_help)


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
    lang, global_lang = scan_language(argv)
    try:
        set_language(lang)
    except ValueError as exc:
        print(exc, file=err)
        return 2
    rest = _strip_global_lang(argv)
    command = rest[0] if rest else None
    missing = missing_instructor_part(command)
    if missing is not None:
        for line in both_languages(lambda: _("error: {message}").format(
                message=unavailable_message(command, missing))):
            print(line, file=err)
        return 1
    if command in DELEGATED:
        return run_delegated(command, rest[1:], lang=lang, err=err)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    from course.data import DataError

    try:
        return args.handler(args, out)
    except (CLIError, DataError) as exc:
        for line in error_lines(exc):
            print(line, file=err)
        return getattr(exc, "exit_code", 1)
    except KeyboardInterrupt:
        for line in both_languages(lambda: _("Interrupted.")):
            print(line, file=err)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
