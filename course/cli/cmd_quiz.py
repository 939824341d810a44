"""``amiq quiz template``: write the answers file of a unit's end-of-week quiz.

الأمر ``amiq quiz template``: كتابة ملف الإجابات للاختبار القصير في نهاية أسبوع الوحدة.

The file is ``course/<unit>/quiz_answers.toml``: every question in the chosen language, in the
student's own variant, with an empty answer. An existing file holds the student's work: it is
replaced only with ``--force``, after a copy to ``.amiq-backups/``, and its answers are carried
over when it belongs to the same student. ``amiq grade quiz`` grades the file (see
:mod:`course.cli.grade_quiz`).
"""

from pathlib import Path

from course.i18n import _, isolate, ngettext

from .errors import BAD_INPUT_EXIT, CLIError
from .unit_option import add_unit_option


def add_parser(subparsers):
    p = subparsers.add_parser(
        "quiz",
        help=_("the end-of-week quiz: write your answers file"),
        description=_("The end-of-week quiz of a unit. Write your answers file with "
                      "amiq quiz template, answer in it, and check it with amiq grade quiz."),
    )
    sub = p.add_subparsers(dest="quiz_command", metavar="ACTION", required=True,
                           title=_("actions"))
    template = sub.add_parser(
        "template",
        help=_("write the answers file of a unit's quiz"),
        description=_(
            "Write course/<unit>/quiz_answers.toml: every question of the unit's quiz in your "
            "variant (made from your student id) and in the chosen language, with an empty "
            "answer after each. An existing file is replaced only with --force, after a backup "
            "in .amiq-backups/."),
    )
    add_unit_option(template)
    add_student_option(template, _("your student id, as your instructor gives it (default: "
                                   "your user name on this computer)"))
    template.add_argument("--output", metavar="FILE",
                          help=_("where to write the file (default: "
                                 "course/<unit>/quiz_answers.toml)"))
    template.add_argument("--force", action="store_true",
                          help=_("replace an existing answers file: it is backed up first, and "
                                 "its answers are kept if it is for the same student id"))
    template.set_defaults(handler=run_template)


def add_student_option(parser, help_text):
    parser.add_argument("--student", metavar="ID", help=help_text)


def choose_unit(unit_id):
    """The unit whose quiz a command acts on: ``unit_id`` (checked), else the only one.

    Raises
    ------
    CLIError
        Unknown unit, a unit without a quiz, or several quizzes and no ``--unit`` (status 2).
    """
    from course.quiz.questions import QuizError, questions, quiz_units
    from course.units import UnitError, get_unit

    if unit_id is not None:
        try:
            get_unit(unit_id)
            questions(unit_id)
        except (UnitError, QuizError) as exc:
            raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
        return unit_id
    units = quiz_units()
    if len(units) == 1:
        return units[0]
    raise CLIError(lambda: _("Several units have a quiz ({units}): choose one with {option}.")
                   .format(units=isolate(", ".join(units) or "-"),
                           option=isolate("--unit UNIT")), BAD_INPUT_EXIT)


def _user_name():
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - OSError or KeyError depending on the Python version
        return None


def student_id(given):
    """The normalised student id: ``given``, else the user name (a usage error if neither)."""
    from course.quiz.variants import StudentIdError, normalise_student_id

    value = given if given is not None else _user_name()
    if value is None:
        raise CLIError(lambda: _("Cannot tell who you are: give your student id with {option}.")
                       .format(option=isolate("--student ID")), BAD_INPUT_EXIT)
    try:
        return normalise_student_id(value)
    except StudentIdError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None


def shown_path(path):
    """``path`` relative to the current folder when it is inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return Path(path)


def _backup_base(path, root):
    """Where ``.amiq-backups/`` goes: the project's root for a file inside it, else beside it."""
    if root is not None and Path(path).resolve().is_relative_to(Path(root).resolve()):
        return root
    return Path(path).parent


def run_template(args, out):
    from course.project import project_root
    from course.quiz.questions import questions
    from course.quiz.sheet import SheetError, default_path, read_sheet, template_text, write_sheet

    unit_id = choose_unit(args.unit)
    student = student_id(args.student)
    path = Path(args.output) if args.output else default_path(unit_id)
    if not path.parent.is_dir():
        raise CLIError(lambda: _("The folder of the output file {path} does not exist.")
                       .format(path=isolate(path.parent)), BAD_INPUT_EXIT)
    previous = None
    if path.exists():
        if not args.force:
            raise CLIError(lambda: _(
                "{path} already exists and may hold your answers, so it was left as it is. Pass "
                "{option} to write a new one: the current file is backed up first, and its "
                "answers are kept if it is for the same student id.").format(
                path=isolate(shown_path(path)), option=isolate("--force")), BAD_INPUT_EXIT)
        try:
            sheet = read_sheet(path)
        except SheetError:
            sheet = None  # unreadable: only the backup keeps it
        if sheet is not None and sheet.unit == unit_id and sheet.student == student:
            previous = sheet.answers
    text = template_text(unit_id, student, previous)
    backup = write_sheet(path, text, backup_base=_backup_base(path, project_root()))
    count = len(questions(unit_id))
    print(ngettext("Wrote {path}: {n} question for student {student}.",
                   "Wrote {path}: {n} questions for student {student}.", count).format(
        path=isolate(shown_path(path)), n=isolate(count), student=isolate(student)), file=out)
    if backup is not None:
        print(_("The previous file is kept in {backup}.").format(
            backup=isolate(shown_path(backup))), file=out)
        if previous:
            print(_("Its answers were copied into the new file."), file=out)
    if args.student is None:
        print(_("The student id is your user name on this computer; if your instructor gave "
                "you another one, run this again with {option}.").format(
            option=isolate("--student ID --force")), file=out)
    command = f"amiq grade quiz --unit {unit_id}"
    if args.output:
        command += f" --answers {args.output}"
    print(_("Answer in the file, then check it with {command}.").format(
        command=isolate(command)), file=out)
    return 0
