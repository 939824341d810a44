"""``amiq units``: the installed course units, their data, assignments and exercises.

الأمر ``amiq units``: الوحدات الدراسية المثبَّتة، وبياناتها، وواجباتها، وتمارينها.
"""

import json

from course.i18n import LANGUAGES, _, in_language, isolate

from .unit_option import add_unit_option, chosen_units


def add_parser(subparsers):
    p = subparsers.add_parser(
        "units",
        help=_("list the course units with their assignments and exercises"),
        description=_(
            "List every installed course unit: its title, the data its application uses, its "
            "assignments and their exercises with their numbers and qualified ids (the ids "
            "amiq grade accepts)."
        ),
    )
    add_unit_option(p, several=True)
    p.add_argument("--json", action="store_true",
                   help=_("print JSON for programs (titles in both languages)"))
    p.set_defaults(handler=run)


def _both(msgid):
    """``{"ar": ..., "en": ...}``: a manifest's msgid in every language (``None`` stays)."""
    if msgid is None:
        return None
    found = {}
    for lang in LANGUAGES:
        with in_language(lang):
            found[lang] = _(msgid)
    return found


def describe(unit):
    """One unit as JSON-able data (the ``--json`` output of one unit)."""
    return {
        "id": unit.id,
        "course": unit.course,
        "week": unit.week,
        "title": _both(unit.title),
        "dataset": _both(unit.dataset),
        "assignments": [
            {
                "id": assignment.id,
                "title": _both(assignment.title),
                "exercises": [
                    {"id": ex.id, "name": ex.name, "number": ex.number, "module": ex.module,
                     "depends_on": list(ex.depends_on)}
                    for ex in unit.exercises if ex.assignment == assignment.id
                ],
            }
            for assignment in unit.assignments
        ],
    }


def text_lines(unit):
    """The lines describing one unit in the current language."""
    lines = [_("{unit}: {title} (course {course}, week {week})").format(
        unit=isolate(unit.id), title=_(unit.title), course=isolate(unit.course),
        week=isolate(unit.week))]
    if unit.dataset is not None:
        lines.append("  " + _("Data: {dataset}").format(dataset=_(unit.dataset)))
    for assignment in unit.assignments:
        lines.append("  " + _("Assignment {assignment}: {title}").format(
            assignment=isolate(assignment.id), title=_(assignment.title)))
        for ex in unit.exercises:
            if ex.assignment == assignment.id:
                lines.append(f"    {ex.number:>3}. {isolate(ex.id)}")
    return lines


def run(args, out):
    from course.units import get_unit

    selected = [get_unit(u) for u in chosen_units(args.units)]
    if args.json:
        print(json.dumps({"units": [describe(u) for u in selected]}, ensure_ascii=False,
                         indent=2), file=out)
        return 0
    for position, unit in enumerate(selected):
        if position:
            print(file=out)
        print("\n".join(text_lines(unit)), file=out)
    if not selected:
        print(_("No course unit is installed."), file=out)
    return 0
