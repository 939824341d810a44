"""The registry of units: what each unit holds and how exercise ids are resolved.

سجلّ الوحدات: ما تحويه كل وحدة، وكيف تُفهم مُعرِّفات التمارين.

A *unit* is one week of the course (``c1w4``: Course 1, Week 4). It registers itself in one
place, its manifest ``course/<unit>/unit.py``, which defines ``UNIT = Unit(...)``. Everything
else about the unit is found from its id, in the same places for every unit:

==========================  =======================================================  ==========
part                        where                                                    ships to
==========================  =======================================================  ==========
manifest                    ``course/<unit>/unit.py``                                students
stubs, provided helpers     ``course/<unit>/<module>.py`` (stubs generated)          students
public cases                ``course/<unit>/cases.py``                               students
check declarations          ``course/<unit>/checks.py``                              students
mistake messages            ``course/<unit>/mistakes.py``                            students
public expected outputs     ``course/<unit>/expected/<exercise>.json`` (generated)   students
quiz questions              ``course/<unit>/quiz.py``                                students
notebooks                   ``course/<unit>/notebooks/<assignment>.py`` (source);    students
                            ``<assignment>.ar.ipynb``, ``.en.ipynb`` (generated)     (not .py)
reference solutions         ``solutions/<unit>/<module>.py``                         never
hidden cases, mistakes'     ``solutions/<unit>/hidden_cases.py``, ``mutants.py``,     never
code, quiz answer key       ``quiz_key.py``
lesson pages                ``docs/content/<unit>/``, exercise pages                 site
                            ``docs/content/<unit>/exercises/<name>.md`` (``.en.md``)
==========================  =======================================================  ==========

Generic code (grader, runner, reports, CLI, release, docs tooling) asks this module for units
and never imports a particular unit by name.

Exercise ids are qualified, ``"c1w4.linear_forward"``; :func:`resolve` also accepts the bare
function name where it is unambiguous in the chosen unit (or among all units).
"""

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from course.i18n import LocalizedError, _, isolate

COURSE_DIR = Path(__file__).resolve().parent


class UnitError(LocalizedError, KeyError):
    """An unknown or ambiguous unit or exercise (a bilingual message)."""

    def __str__(self):  # KeyError would show the repr of the message
        return self.args[0] if self.args else ""


@dataclass(frozen=True)
class Exercise:
    """One graded function.

    Attributes
    ----------
    unit : str
        The unit id, e.g. ``"c1w4"``.
    name : str
        The function name, e.g. ``"linear_forward"``.
    module : str
        The module of the unit that defines it (``"step_by_step"``).
    number : int
        Its number within the unit (1-based, course order).
    assignment : str
        The id of the assignment it belongs to.
    depends_on : tuple of str
        Names of the unit's exercises this one calls (stage isolation grades it with the
        reference versions of those).
    """

    unit: str
    name: str
    module: str
    number: int
    assignment: str
    depends_on: tuple = ()

    @property
    def id(self):
        """The qualified id, ``"<unit>.<name>"``."""
        return f"{self.unit}.{self.name}"


@dataclass(frozen=True)
class Assignment:
    """One assignment of a unit (one notebook and one module of exercises).

    Attributes
    ----------
    id : str
        Short id, also the module name students edit (``"step_by_step"``).
    title : str
        English msgid of its title (translated with ``_``).
    exercises : tuple of str
        Names of its exercises, in course order.
    """

    id: str
    title: str
    exercises: tuple


@dataclass(frozen=True)
class Unit:
    """A unit's manifest.

    Attributes
    ----------
    id : str
        ``"c<course>w<week>"``.
    course, week : int
    title : str
        English msgid of the week's title.
    assignments : tuple of Assignment
        In course order; each assignment's exercises live in the module named by its id.
    depends : dict
        ``{exercise name: (names it calls, ...)}`` for stage isolation.
    provided : dict
        ``{module: (function names, ...)}``: code students call but do not write. A module
        here that no assignment edits is a provided module (the grader uses its trusted copy).
    dataset : str or None
        English msgid: what the application trains on (shown by ``amiq units``).
    exercises : tuple of Exercise
        Derived: every exercise, numbered in course order across the assignments.
    """

    id: str
    course: int
    week: int
    title: str
    assignments: tuple
    depends: dict = field(default_factory=dict)
    provided: dict = field(default_factory=dict)
    dataset: str = None
    exercises: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        # All Exercise objects, in course order (numbered across the assignments).
        object.__setattr__(self, "exercises", _exercises(self))

    @property
    def submission_modules(self):
        """The module names a submission consists of (the files students edit)."""
        return tuple(a.id for a in self.assignments)

    @property
    def provided_modules(self):
        """Modules of provided code only (the grader always uses its own trusted copy)."""
        return tuple(m for m in self.provided if m not in self.submission_modules)

    @property
    def package(self):
        """The student package, ``"course.<unit>"``."""
        return f"course.{self.id}"

    @property
    def reference_package(self):
        """The reference package, ``"solutions.<unit>"`` (instructors only)."""
        return f"solutions.{self.id}"

    def exercise(self, name):
        """The :class:`Exercise` called ``name`` (bare or qualified), or raise :class:`UnitError`."""
        bare = name.split(".", 1)[1] if name.startswith(self.id + ".") else name
        for ex in self.exercises:
            if ex.name == bare:
                return ex
        raise UnitError(
            lambda: _("Unit {unit} has no exercise {name}. Its exercises: {names}.").format(
                unit=isolate(self.id), name=isolate(name),
                names=isolate(", ".join(e.name for e in self.exercises)))
        )

    def module_of(self, function_name):
        """The module that defines an exercise or provided function (None if unknown)."""
        for ex in self.exercises:
            if ex.name == function_name:
                return ex.module
        for module, names in self.provided.items():
            if function_name in names:
                return module
        return None


def _exercises(unit):
    found, number = [], 0
    for assignment in unit.assignments:
        for name in assignment.exercises:
            number += 1
            found.append(Exercise(unit.id, name, assignment.id, number, assignment.id,
                                  tuple(unit.depends.get(name, ()))))
    return tuple(found)


# --------------------------------------------------------------------------------------------
# The registry
# --------------------------------------------------------------------------------------------


def _course_dirs():
    import course

    return [Path(p) for p in course.__path__]


@lru_cache(maxsize=None)
def _discover():
    units = {}
    for info in pkgutil.iter_modules([str(d) for d in _course_dirs()]):
        if not info.ispkg or not (Path(info.module_finder.path) / info.name / "unit.py").is_file():
            continue
        manifest = importlib.import_module(f"course.{info.name}.unit")
        unit = getattr(manifest, "UNIT", None)
        if not isinstance(unit, Unit) or unit.id != info.name:
            raise RuntimeError(f"course/{info.name}/unit.py must define UNIT = Unit({info.name!r}, ...)")
        units[unit.id] = unit
    return dict(sorted(units.items(), key=lambda item: (item[1].course, item[1].week)))


def all_units():
    """``{unit id: Unit}`` of every installed unit, in course order."""
    return dict(_discover())


def get_unit(unit_id):
    """The :class:`Unit` with this id, or raise :class:`UnitError` listing the known ones."""
    units = _discover()
    if unit_id in units:
        return units[unit_id]
    raise UnitError(
        lambda: _("Unknown unit {unit}. Installed units: {units}.").format(
            unit=isolate(unit_id), units=isolate(", ".join(units) or "-"))
    )


def default_unit(units=None):
    """The only unit (of ``units``, default all installed), else raise :class:`UnitError`."""
    units = list(all_units()) if units is None else list(units)
    if len(units) == 1:
        return get_unit(units[0])
    raise UnitError(
        lambda: _("Several units are installed ({units}): choose one with {option}, or give "
                  "exercise ids such as {example}.").format(
            units=isolate(", ".join(units)), option=isolate("--unit"),
            example=isolate(f"{units[-1] if units else 'c1w4'}.linear_forward"))
    )


def resolve(name, unit=None):
    """The :class:`Exercise` an id names.

    Parameters
    ----------
    name : str
        ``"c1w4.linear_forward"`` or a bare ``"linear_forward"``.
    unit : str or None
        The chosen unit: a bare name is looked up there. Without one, a bare name must be
        defined by exactly one installed unit.

    Raises
    ------
    UnitError
        Unknown unit or exercise, a qualified id of another unit than ``unit``, or a bare name
        several units define (the message names them).
    """
    head, dot, tail = name.partition(".")
    if dot and head in _discover():
        if unit is not None and head != unit:
            raise UnitError(
                lambda: _("{name} belongs to unit {other}, not to the chosen unit {unit}.").format(
                    name=isolate(name), other=isolate(head), unit=isolate(unit))
            )
        return get_unit(head).exercise(tail)
    if unit is not None:
        return get_unit(unit).exercise(name)
    owners = [u for u in _discover().values() if any(e.name == name for e in u.exercises)]
    if len(owners) == 1:
        return owners[0].exercise(name)
    if not owners:
        known = ", ".join(e.id for u in _discover().values() for e in u.exercises)
        raise UnitError(
            lambda: _("Unknown exercise {name}. Known exercises: {known}.").format(
                name=isolate(name), known=isolate(known))
        )
    ids = ", ".join(f"{u.id}.{name}" for u in owners)
    raise UnitError(
        lambda: _("{name} is defined by several units ({units}): write {ids}, or choose the unit "
                  "with {option}.").format(
            name=isolate(name), units=isolate(", ".join(u.id for u in owners)),
            ids=isolate(ids), option=isolate("--unit"))
    )


def unit_dir(unit_id):
    """``course/<unit>/``: the student package folder of a unit."""
    return _package_dir(f"course.{unit_id}")


def reference_dir(unit_id):
    """``solutions/<unit>/``: the unit's reference folder, or None where it is not installed."""
    try:
        return _package_dir(f"solutions.{unit_id}")
    except ModuleNotFoundError:
        return None


def _package_dir(name):
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(name)
    return Path(list(spec.submodule_search_locations)[0])


def add_unit_root(root):
    """Make units under ``root/course/<unit>`` and ``root/solutions/<unit>`` installable.

    Used to work on a unit outside the package (and by the tests' toy unit): the two folders
    are added to the ``course`` and ``solutions`` packages' search paths, and the registry is
    read again.
    """
    import course

    root = Path(root)
    for package, folder in (("course", root / "course"), ("solutions", root / "solutions")):
        if not folder.is_dir():
            continue
        module = course if package == "course" else importlib.import_module("solutions")
        if str(folder) not in module.__path__:
            module.__path__.append(str(folder))
    _discover.cache_clear()


def forget_unit_root(root):
    """Undo :func:`add_unit_root`."""
    import course

    root = Path(root)
    for package, folder in (("course", root / "course"), ("solutions", root / "solutions")):
        try:
            module = course if package == "course" else importlib.import_module("solutions")
        except ModuleNotFoundError:
            continue
        if str(folder) in module.__path__:
            module.__path__.remove(str(folder))
    _discover.cache_clear()
