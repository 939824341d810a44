"""The option checks ``amiq grade quiz`` and ``amiq grade lab`` share: refuse what does not apply.

فحوص الخيارات المشتركة بين ``amiq grade quiz`` و``amiq grade lab``: رفض ما لا ينطبق منها.

Both grade one file and write one report; the options of exercise grading, extra exercise ids,
a report format other than text or json, and an output file in a missing folder are refused with
a bilingual usage error (exit status 2). Each command's own options (``--answers`` and
``--student``; ``--choice``) are refused, naming the command they go with, when another kind of
grading was asked for.
"""

from pathlib import Path

from course.i18n import _, isolate

from .errors import BAD_INPUT_EXIT, CLIError

REPORT_FORMATS = ("text", "json")
# Options of ``amiq grade`` for grading exercises: (attribute, option, unset value).
EXERCISE_OPTIONS = (("hidden", "--hidden", False), ("submission", "--submission", None),
                    ("class_dir", "--class", None), ("seed", "--seed", None),
                    ("timeout", "--timeout", None),
                    ("allow_weak_isolation", "--allow-weak-isolation", False))


def options_given(args, options):
    """The options of ``options`` (``(attribute, option, unset value)``) set in ``args``."""
    return [option for attribute, option, unset in options
            if getattr(args, attribute, unset) != unset]


def refuse_options_of(command, options, args):
    """Refuse ``options``, which only go with ``command``, when they were given.

    Raises
    ------
    CLIError
        Status 2, naming the options and ``command``.
    """
    used = options_given(args, options)
    if used:
        raise CLIError(lambda: _("{options} only go with {command}.").format(
            options=isolate(" ".join(used)), command=isolate(command)), BAD_INPUT_EXIT)


def check_output_folder(args):
    """Refuse ``--output`` in a folder that does not exist (status 2)."""
    if args.output:
        parent = Path(args.output).parent
        if str(parent) and not parent.is_dir():
            raise CLIError(lambda: _("The folder of the output file {path} does not exist.")
                           .format(path=isolate(parent)), BAD_INPUT_EXIT)


def check_single_report_options(args, command, grades_only, formats_are):
    """Check the options of a command that grades one file (the quiz, the lab).

    Parameters
    ----------
    args : argparse.Namespace
        ``amiq grade``'s arguments; ``args.exercises[0]`` names what is graded.
    command : str
        The command, such as ``"amiq grade quiz"``.
    grades_only : callable
        No argument; the translated message for options it does not take (fields ``command``
        and ``options``).
    formats_are : callable
        No argument; the translated message for another report format (field ``format``).

    Raises
    ------
    CLIError
        Status 2: exercise-grading options or extra ids, a format other than text or json, or
        an output file in a missing folder.
    """
    extra = options_given(args, EXERCISE_OPTIONS)
    if len(args.exercises) > 1:
        extra.append(" ".join(args.exercises[1:]))
    if extra:
        raise CLIError(lambda: grades_only().format(
            command=isolate(command), options=isolate(", ".join(extra))), BAD_INPUT_EXIT)
    if args.format not in REPORT_FORMATS:
        raise CLIError(lambda: formats_are().format(format=isolate(args.format)),
                       BAD_INPUT_EXIT)
    check_output_folder(args)
