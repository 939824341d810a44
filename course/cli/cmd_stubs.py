"""``amiq stubs``: regenerate (or check) the student stubs from the reference solutions.

الأمر ``amiq stubs``: إعادة توليد هياكل التمارين من الحلول المرجعية أو فحص تطابقها.
"""

from pathlib import Path

from course.i18n import _, isolate, ngettext

from .errors import CLIError
from .paths import instructor_root
from .unit_option import add_unit_option, chosen_units


def add_parser(subparsers):
    p = subparsers.add_parser(
        "stubs",
        help=_("regenerate the exercise stubs in course/ from solutions/ (instructors)"),
        description=_(
            "Regenerate course/<unit>/ from solutions/<unit>/. A file that differs from the "
            "generated text (a student's work, for example) is first copied to .amiq-backups/."
        ),
    )
    add_unit_option(p, several=True)
    p.add_argument("--check", action="store_true",
                   help=_("only report files that differ from the generated stubs; exit 1 if any"))
    p.add_argument("--solutions-dir", type=Path, default=None,
                   help=_("the solutions/ folder (default: the project's)"))
    p.add_argument("--course-dir", type=Path, default=None,
                   help=_("the course/ folder to write (default: the project's)"))
    p.set_defaults(handler=run)


def run(args, out):
    from course.authoring.stubs import StubError
    from course.authoring.sync import SyncError, sync_unit

    root = None
    if args.solutions_dir is None or args.course_dir is None:
        root = instructor_root()
    solutions_dir = args.solutions_dir or root / "solutions"
    course_dir = args.course_dir or root / "course"
    unit_ids = _units(args.units, solutions_dir)
    try:
        reports = {unit: sync_unit(solutions_dir, course_dir, unit, check=args.check)
                   for unit in unit_ids}
    except (SyncError, StubError) as exc:
        raise CLIError.wrap(exc) from None
    if args.check:
        drifted = [path for report in reports.values() for path in report.drifted]
        if drifted:
            print(
                ngettext(
                    "{count} stub differs from what solutions/ generates:",
                    "{count} stubs differ from what solutions/ generates:",
                    len(drifted),
                ).format(count=len(drifted)),
                file=out,
            )
            for path in drifted:
                print(f"  {path}", file=out)
            # Its own count, so Arabic can say "them two" (توليدهما) after a dual.
            print(ngettext("Run {command} to regenerate it.", "Run {command} to regenerate them.",
                           len(drifted)).format(command=isolate("amiq stubs")), file=out)
            return 1
    for unit, report in reports.items():
        for path, backup in report.backups:
            print(_("Backed up {file} to {backup}.").format(file=isolate(path),
                                                           backup=isolate(backup)), file=out)
        for path in report.written:
            print(_("Wrote {file}.").format(file=isolate(path)), file=out)
        if not report.drifted:
            print(_("The stubs of {unit} are up to date.").format(unit=isolate(unit)), file=out)
    return 0


def _units(requested, solutions_dir):
    """The units to generate: the installed ones (with a reference in ``solutions_dir``).

    A unit named with ``--unit`` may also be one that only ``solutions_dir`` holds (a unit being
    written outside the package, before its manifest is installed).
    """
    if not requested:
        found = [u for u in chosen_units() if (solutions_dir / u).is_dir()]
        if not found:
            raise CLIError(lambda: _("No installed unit has reference solutions in {folder}.")
                           .format(folder=isolate(solutions_dir)))
        return found
    outside = [u for u in requested if (solutions_dir / u).is_dir()]
    installed = [u for u in requested if u not in outside]
    return (chosen_units(installed) if installed else []) + outside
