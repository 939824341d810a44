"""``amiq submit``: check your exercise files and pack them into one zip to upload.

الأمر ``amiq submit``: يفحص ملفات تمارينك ويجمعها في ملف zip واحد جاهز للرفع.

Exit status: 0 the zip was written (perhaps with unfinished exercises), 2 a file is missing,
does not parse or does not define a graded function (nothing written unless ``--force``).
"""

from pathlib import Path

from course.i18n import _, isolate, ngettext

from .errors import BAD_INPUT_EXIT, CLIError
from .output import say_error
from .unit_option import add_unit_option


def add_parser(subparsers):
    p = subparsers.add_parser(
        "submit",
        help=_("check your exercise files and write one zip to upload"),
        description=_(
            "Check that every exercise file of the unit is there, parses and defines the graded "
            "functions (nothing of your code runs), warn about unfinished exercises, and write "
            "one zip with a manifest of the files' hashes, ready to upload to Gradescope, your "
            "course's website or a class folder."
        ),
    )
    add_unit_option(p)
    p.add_argument("--out", metavar="FILE", type=Path,
                   help=_("the zip to write (default: submission-<unit>.zip here)"))
    p.add_argument("--submission", metavar="DIR", type=Path,
                   help=_("folder holding the module files (default: course/<unit>)"))
    p.add_argument("--force", action="store_true",
                   help=_("write the zip even when some files have errors"))
    p.set_defaults(handler=run)


def run(args, out):
    from course import units
    from grader.classroom.submit import check_files, write_submission

    try:
        unit = units.get_unit(args.unit) if args.unit else units.default_unit()
    except units.UnitError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    folder = args.submission or units.unit_dir(unit.id)
    result = check_files(folder, unit)
    for error in result.errors:
        say_error(error)
    if result.errors and not args.force:
        raise CLIError(lambda: _("Nothing was written: fix the errors above (or pass --force to "
                                 "submit anyway; those exercises then score 0)."), BAD_INPUT_EXIT)
    if not result.files:
        raise CLIError(lambda: _("There is no exercise file to submit in {folder}.").format(
            folder=isolate(folder)), BAD_INPUT_EXIT)
    if result.unfinished:
        count = len(result.unfinished)
        print(ngettext("Warning: {count} exercise is not finished yet (it still raises "
                       "NotImplementedError): {names}.",
                       "Warning: {count} exercises are not finished yet (they still raise "
                       "NotImplementedError): {names}.", count).format(
            count=isolate(count), names=isolate(", ".join(result.unfinished))), file=out)
    target = args.out or Path(f"submission-{unit.id}.zip")
    path, backup = write_submission(target, unit, result.files, result.unfinished)
    if backup is not None:
        print(_("The previous {path} is kept at {backup}.").format(
            path=isolate(path), backup=isolate(backup)), file=out)
    print(_("Wrote {path} ({files}) for unit {unit}. Upload this file as your submission.")
          .format(path=isolate(path), files=isolate(", ".join(sorted(result.files))),
                  unit=isolate(unit.id)), file=out)
    return 0
