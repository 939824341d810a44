"""``amiq export gradescope|classroom``: set a class up on an autograding platform (instructors).

الأمر ``amiq export``: إعداد صفٍّ على منصة تصحيح آلي (Gradescope أو GitHub Classroom)، للمعلّمين.

* ``amiq export gradescope OUT.zip [--unit U]``: the Gradescope autograder zip
  (:mod:`grader.classroom.gradescope`); it holds the reference, the hidden checks and the
  grader's secret key, so it is for the instructor and Gradescope only.
* ``amiq export classroom OUT_DIR [--unit U]``: a GitHub Classroom template repository, the
  student bundle with an autograding workflow (:mod:`grader.classroom.github`).
"""

from pathlib import Path

from course.i18n import LANGUAGES, _, current_language, isolate

from .errors import BAD_INPUT_EXIT, CLIError
from .paths import instructor_root
from .unit_option import add_unit_option


def add_parser(subparsers):
    p = subparsers.add_parser(
        "export",
        help=_("build a Gradescope autograder or a GitHub Classroom repository (instructors)"),
        description=_(
            "Set a unit up on an autograding platform: a complete Gradescope autograder zip "
            "(with the hidden checks and the grader's key: keep it private), or a GitHub "
            "Classroom template repository (the student bundle and a workflow that runs the "
            "public checks on every push)."
        ),
    )
    platforms = p.add_subparsers(dest="platform", metavar="PLATFORM", required=True)
    gradescope = platforms.add_parser(
        "gradescope", help=_("write a Gradescope autograder zip"),
        description=_("Write a Gradescope autograder zip: setup.sh, run_autograder, pinned "
                      "dependencies, the grader with the unit's hidden checks and key, and a "
                      "README for the instructor."))
    gradescope.add_argument("out", metavar="OUT.zip", type=Path, help=_("the zip to write"))
    add_unit_option(gradescope)
    gradescope.add_argument("--feedback-lang", choices=LANGUAGES,
                            help=_("the students' feedback language (default: the language of "
                                   "the messages)"))
    gradescope.add_argument("--seed", type=int,
                            help=_("seed of the random cases (default: the grader's fixed "
                                   "seed)"))
    gradescope.add_argument("--python", default="3.10", metavar="VERSION",
                            help=_("Python version of the Gradescope image (default: "
                                   "%(default)s)"))
    gradescope.add_argument("--allow-weak-isolation", action="store_true",
                            help=_("let the autograder grade where the sandbox is weaker than "
                                   "hidden grading needs (when the sandbox enforces such a "
                                   "policy)"))
    gradescope.add_argument("--force", action="store_true",
                            help=_("replace an existing zip (a copy is kept first)"))
    gradescope.set_defaults(handler=run_gradescope)
    classroom = platforms.add_parser(
        "classroom", help=_("write a GitHub Classroom template repository"),
        description=_("Write a GitHub Classroom template repository: the student bundle and "
                      ".github/workflows/classroom.yml, which runs each exercise's public "
                      "checks on every push and reports points per exercise."))
    classroom.add_argument("out", metavar="OUT_DIR", type=Path, help=_("the folder to write"))
    add_unit_option(classroom)
    classroom.add_argument("--feedback-lang", choices=LANGUAGES,
                           help=_("the language of the workflow's feedback (default: the "
                                  "language of the messages)"))
    classroom.add_argument("--force", action="store_true",
                           help=_("replace a non-empty OUT_DIR (moved to .amiq-backups/ "
                                  "beside it first)"))
    classroom.set_defaults(handler=run_classroom)


def _unit(args):
    from course import units

    try:
        return units.get_unit(args.unit) if args.unit else units.default_unit()
    except units.UnitError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None


def _report(out, path, backup):
    if backup is not None:
        print(_("The previous {path} is kept at {backup}.").format(
            path=isolate(path), backup=isolate(backup)), file=out)


def run_gradescope(args, out):
    from grader.classroom.gradescope import ExportError, build_gradescope

    unit = _unit(args)
    try:
        path, backup = build_gradescope(args.out, instructor_root(), unit.id,
                                        args.feedback_lang or current_language(), seed=args.seed,
                                        python=args.python,
                                        allow_weak_isolation=args.allow_weak_isolation,
                                        force=args.force)
    except ExportError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    _report(out, args.out, backup)
    print(_("Wrote the Gradescope autograder of unit {unit} to {path}. Keep it private: it "
            "holds the reference solutions, the hidden checks and the grader's key.").format(
        unit=isolate(unit.id), path=isolate(path)), file=out)
    return 0


def run_classroom(args, out):
    from grader.classroom.github import WORKFLOW_PATH, build_classroom
    from grader.classroom.gradescope import ExportError

    unit = _unit(args)
    try:
        path, backup = build_classroom(args.out, instructor_root(), unit.id,
                                       args.feedback_lang or current_language(),
                                       force=args.force)
    except ExportError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    _report(out, args.out, backup)
    print(_("Wrote the GitHub Classroom repository of unit {unit} to {path} (workflow: "
            "{workflow}).").format(unit=isolate(unit.id), path=isolate(path),
                                   workflow=isolate(WORKFLOW_PATH)), file=out)
    return 0
