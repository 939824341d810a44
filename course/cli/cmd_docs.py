"""``amiq docs sync``: rewrite (or check) the generated blocks of the lesson pages.

الأمر ``amiq docs sync``: إعادة كتابة الكتل المولَّدة في صفحات الدروس (أو فحص حداثتها).
"""

from course.i18n import _, isolate, ngettext

from .paths import instructor_root


def add_parser(subparsers):
    p = subparsers.add_parser(
        "docs",
        help=_("keep the lesson pages' generated blocks current (instructors)"),
        description=_("Tools for the lesson pages in docs/content/."),
    )
    sub = p.add_subparsers(dest="docs_command", metavar="ACTION", required=True,
                           title=_("actions"))
    sync = sub.add_parser(
        "sync",
        help=_("rewrite the generated blocks (examples, their output, requirements, practice "
               "quizzes)"),
        description=_(
            "Rewrite every generated block of the lesson pages: an exercise's example, what it "
            "prints with the reference solution, and its requirement, and a unit's practice "
            "quiz with its answers, in the page's language. Nothing else on a page changes. "
            "Printed numbers count as changed only beyond a relative tolerance."
        ),
    )
    sync.add_argument("--check", action="store_true",
                      help=_("only report stale blocks; exit 1 if any"))
    sync.set_defaults(handler=run_sync)


def run_sync(args, out):
    from course.authoring import docs_blocks

    root = instructor_root()
    found = docs_blocks.sync(root / "docs" / "content", check=args.check)
    for page, problems in found.items():
        try:
            shown = page.relative_to(root)
        except ValueError:
            shown = page
        if args.check:
            print(_("{page} is stale:").format(page=isolate(shown)), file=out)
            for problem in problems:
                print(f"  {problem}", file=out)
        else:
            print(_("Rewrote {page}.").format(page=isolate(shown)), file=out)
    if args.check and found:
        print(ngettext("Run {command} to rewrite the stale page.",
                       "Run {command} to rewrite the stale pages.", len(found)).format(
            command=isolate("amiq docs sync")), file=out)
        return 1
    if not found:
        print(_("The generated blocks of the lesson pages are up to date."), file=out)
    return 0
