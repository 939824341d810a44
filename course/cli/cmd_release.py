"""``amiq release``: write the student bundle (stubs, provided code, public grader).

الأمر ``amiq release``: كتابة حزمة الطالب (هياكل التمارين، والشيفرة المساعدة، والمصحِّح العلني).
"""

from pathlib import Path

from course.i18n import _, isolate

from .errors import BAD_INPUT_EXIT, CLIError
from .paths import instructor_root
from .unit_option import add_unit_option, chosen_units


def add_parser(subparsers):
    p = subparsers.add_parser(
        "release",
        help=_("write the student bundle into a new folder (instructors)"),
        description=_(
            "Write a folder students can install: course/ with freshly generated stubs, the "
            "public grader, the data README and a pyproject.toml. Never solutions/, hidden "
            "checks or data files."
        ),
    )
    p.add_argument("out_dir", metavar="OUT_DIR", type=Path, help=_("the bundle folder to write"))
    add_unit_option(p, several=True)
    p.add_argument("--force", action="store_true",
                   help=_("replace a non-empty OUT_DIR (moved to .amiq-backups/ beside it first)"))
    p.set_defaults(handler=run)


def run(args, out):
    from course.authoring.release import ReleaseError, ReleaseInputError, build_release

    unit_ids = chosen_units(args.units) if args.units else None
    try:
        out_dir, backup, units = build_release(args.out_dir, instructor_root(), force=args.force,
                                               unit_ids=unit_ids)
    except ReleaseInputError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    except ReleaseError as exc:  # a leak: the project's fault, not the user's input
        raise CLIError.wrap(exc) from None
    if backup is not None:
        print(_("Moved the previous content of {target} to {backup}.").format(
            target=isolate(args.out_dir), backup=isolate(backup)), file=out)
    print(_("Wrote the student bundle to {target} (units: {units}).").format(
        target=isolate(out_dir), units=isolate(", ".join(units))), file=out)
    return 0
