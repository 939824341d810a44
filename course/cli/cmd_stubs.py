"""``amiq stubs``: regenerate (or check) the student stubs from the reference solutions.

الأمر ``amiq stubs``: إعادة توليد هياكل التمارين من الحلول المرجعية أو فحص تطابقها.
"""

from pathlib import Path

from course.i18n import _, isolate, ngettext

from .errors import CLIError
from .paths import instructor_root


def add_parser(subparsers):
    p = subparsers.add_parser(
        "stubs",
        help=_("regenerate the exercise stubs in course/ from solutions/ (instructors)"),
        description=_(
            "Regenerate course/<unit>/ from solutions/<unit>/. A file that differs from the "
            "generated text (a student's work, for example) is first copied to .amiq-backups/."
        ),
    )
    p.add_argument("--unit", default="c1w4", help=_("the unit to generate (default: %(default)s)"))
    p.add_argument("--check", action="store_true",
                   help=_("only report files that differ from the generated stubs; exit 1 if any"))
    p.add_argument("--solutions-dir", type=Path, default=None,
                   help=_("the solutions/ folder (default: the project's)"))
    p.add_argument("--course-dir", type=Path, default=None,
                   help=_("the course/ folder to write (default: the project's)"))
    p.set_defaults(handler=run)


def run(args, out):
    try:
        from course.authoring.sync import SyncError, sync_unit
        from course.authoring.stubs import StubError
    except ModuleNotFoundError as exc:
        raise CLIError(
            lambda exc=exc: _("{command} is an instructor command; this installation has no authoring tools "
              "({module}).").format(command=isolate("amiq stubs"), module=isolate(exc.name))
        ) from None
    root = None
    if args.solutions_dir is None or args.course_dir is None:
        root = instructor_root()
    solutions_dir = args.solutions_dir or root / "solutions"
    course_dir = args.course_dir or root / "course"
    try:
        report = sync_unit(solutions_dir, course_dir, args.unit, check=args.check)
    except (SyncError, StubError) as exc:
        raise CLIError.wrap(exc) from None
    if args.check:
        if report.drifted:
            print(
                ngettext(
                    "{count} stub differs from what solutions/ generates:",
                    "{count} stubs differ from what solutions/ generates:",
                    len(report.drifted),
                ).format(count=len(report.drifted)),
                file=out,
            )
            for path in report.drifted:
                print(f"  {path}", file=out)
            # Its own count, so Arabic can say "them two" (توليدهما) after a dual.
            print(ngettext("Run {command} to regenerate it.", "Run {command} to regenerate them.",
                           len(report.drifted)).format(command=isolate("amiq stubs")), file=out)
            return 1
        print(_("The stubs of {unit} are up to date.").format(unit=isolate(args.unit)), file=out)
        return 0
    for path, backup in report.backups:
        print(_("Backed up {file} to {backup}.").format(file=isolate(path), backup=isolate(backup)),
              file=out)
    for path in report.written:
        print(_("Wrote {file}.").format(file=isolate(path)), file=out)
    if not report.written:
        print(_("The stubs of {unit} are up to date.").format(unit=isolate(args.unit)), file=out)
    return 0
