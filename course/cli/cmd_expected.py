"""``amiq expected``: rebuild (or check) the public checks' expected outputs from the reference.

الأمر ``amiq expected``: إعادة بناء المخرجات المتوقَّعة للفحوص العلنية من الحل المرجعي (أو فحصها).
"""

from course.i18n import _, isolate, ngettext

from .unit_option import add_unit_option, chosen_units


def add_parser(subparsers):
    p = subparsers.add_parser(
        "expected",
        help=_("rebuild or check the public checks' expected outputs (instructors)"),
        description=_(
            "Write course/<unit>/grading/expected/<exercise>.json from the reference solution "
            "and the catalogued mistakes: what the public checks compare a student's results "
            "with. With --check, only compare the stored files with a fresh build (numbers "
            "within a relative tolerance)."
        ),
    )
    add_unit_option(p, several=True)
    p.add_argument("--check", action="store_true",
                   help=_("only report stale files; exit 1 if any"))
    p.set_defaults(handler=run)


def run(args, out):
    from grader.build import expected

    unit_ids = chosen_units(args.units)
    if args.check:
        stale = [line for lines in expected.check(unit_ids).values() for line in lines]
        if stale:
            print(ngettext("{count} difference from a fresh build:",
                           "{count} differences from a fresh build:", len(stale)).format(
                count=len(stale)), file=out)
            for line in stale:
                print(f"  {line}", file=out)
            print(_("Run {command} to regenerate the expected outputs.").format(
                command=isolate("amiq expected")), file=out)
            return 1
        print(_("The expected outputs of {units} are up to date (numbers within a relative "
                "tolerance of {rtol}).").format(units=isolate(", ".join(unit_ids)),
                                                 rtol=isolate(f"{expected.RTOL:g}")), file=out)
        return 0
    written = [path for unit_id in unit_ids for path in expected.write(unit_id)]
    for path in written:
        print(_("Wrote {file}.").format(file=isolate(path)), file=out)
    if not written:
        print(_("The expected outputs of {units} are up to date.").format(
            units=isolate(", ".join(unit_ids))), file=out)
    return 0
