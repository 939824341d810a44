"""Orchestrate one grading run: choose the unit, plan the checks, sandbox, run pytest, report.

تنسيق جولة تصحيح واحدة: اختيار الوحدة، وتخطيط الفحوص، وتشغيلها، وبناء التقرير.
"""

import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from course import units

from .. import __version__
from ..feedback import Message, N_
from ..keys import check_rng, grader_key, submission_digest
from ..plan import Context, declarations, hidden_count, plan
from ..sandbox.client import Limits, Sandbox, Submission, read_submission
from ..sandbox.layout import SubmissionLayout
from ..sources import HiddenData, PublicData
from .dependencies import add_dependency_notes
from .plugin import PLAN_SUFFIX, AmiqPlugin
from .results import CheckResult, ExerciseResult, Report
from .submission_problems import submission_problems

# The default seed is a constant so that grading is reproducible; --seed overrides it. Hidden
# inputs also depend on the grader's secret key (grader/keys.py), so the seed is no secret.
DEFAULT_SEED = 20_240_104
SEED_VARIABLE = "AMIQ_GRADER_SEED"


class GradingError(Exception):
    """Bad input to the grader (unknown exercise, unusable folder, missing reference).

    ``messages`` holds :class:`Message` objects; the CLI prints them in Arabic and English.
    """

    def __init__(self, *messages):
        self.messages = messages
        english = " ".join(m.render("en") for m in messages)
        arabic = " ".join(m.render("ar") for m in messages)
        super().__init__(f"{english} / {arabic}")


def resolve_seed(seed=None):
    """The run seed: ``seed`` if given, else ``$AMIQ_GRADER_SEED``, else :data:`DEFAULT_SEED`."""
    if seed is not None:
        return int(seed)
    value = os.environ.get(SEED_VARIABLE, "").strip()
    if not value:
        return DEFAULT_SEED
    try:
        return int(value)
    except ValueError:
        raise GradingError(Message(N_("{variable} must be a whole number, got {value}."),
                                   variable=SEED_VARIABLE, value=value)) from None


# ------------------------------------------------------------------------------ choosing


def _unit_error(error):
    from ..feedback import LocalizedText

    return GradingError(LocalizedText(error.render) if error.render else Message(str(error)))


def units_in_folder(directory):
    """Units whose submission module files are in ``directory`` (course order)."""
    path = Path(directory)
    return [u.id for u in units.all_units().values()
            if any((path / f"{m}.py").is_file() for m in u.submission_modules)]


def choose(exercise_ids=(), unit_id=None, submission=None):
    """The unit and the exercises to grade.

    The unit is ``unit_id`` when given; else the only unit whose files are in the submission
    folder; else the unit of qualified (or unambiguous bare) ids; else the only installed unit.

    Returns
    -------
    (course.units.Unit, list of course.units.Exercise)

    Raises
    ------
    GradingError
    """
    try:
        if unit_id is None and submission is not None:
            found = units_in_folder(submission)
            if len(found) == 1:
                unit_id = found[0]
        if unit_id is None and exercise_ids:
            owners = {units.resolve(i).unit for i in exercise_ids}
            if len(owners) > 1:
                raise GradingError(Message(
                    N_("These exercises belong to several units ({units}); grade one unit at a "
                       "time."), units=", ".join(sorted(owners))))
            unit_id = owners.pop()
        unit = units.get_unit(unit_id) if unit_id else units.default_unit()
        chosen = [units.resolve(i, unit.id) for i in exercise_ids]
    except units.UnitError as error:
        raise _unit_error(error) from None
    wanted = {ex.name for ex in chosen}
    return unit, [ex for ex in unit.exercises if not wanted or ex.name in wanted]


def validate_submission(directory, unit):
    """Read a submission folder's module files or raise :class:`GradingError`.

    Returns
    -------
    dict
        ``{file name: bytes}``.
    """
    path = Path(directory)
    expected = ", ".join(f"{m}.py" for m in unit.submission_modules)
    hint = Message(N_("Expected a folder holding {files}."), files=expected)
    if not path.exists():
        raise GradingError(Message(N_("The submission folder {path} does not exist."),
                                   path=str(path)), hint)
    if not path.is_dir():
        raise GradingError(Message(N_("{path} is not a folder."), path=str(path)), hint)
    try:
        files = read_submission(path, unit.submission_modules)
    except (PermissionError, ValueError, OSError) as exc:
        raise GradingError(Message(N_("The submission could not be read: {error}"),
                                   error=str(exc)), hint) from None
    if not files:
        raise GradingError(Message(N_("No exercise files were found in {path}."),
                                   path=str(path)), hint)
    return files


def default_submission_dir(unit):
    """The student's working copy: the installed ``course/<unit>/`` folder."""
    return units.unit_dir(unit.id)


def hidden_available(unit):
    """True when the unit's reference and hidden grading material are installed."""
    reference = units.reference_dir(unit.id)
    return reference is not None and (reference / "grading").is_dir()


def layout_for(unit, hidden):
    """The sandbox's view of ``unit`` (provided modules from a trusted source)."""
    names = [f"{m}.py" for m in unit.provided_modules]
    reference = units.reference_dir(unit.id)
    if reference is not None:
        # The reference is the source of truth of the provided code (the stubs are made from it).
        # Instructors only: a student bundle has neither solutions/ nor course.authoring.
        from course.authoring.stubs import render_unit

        rendered = render_unit(reference.parent, unit.id)
        provided = {n: rendered[n] for n in names}
    else:
        folder = units.unit_dir(unit.id)
        provided = {n: (folder / n).read_text(encoding="utf-8") for n in names}
    functions = {ex.name: ex.module for ex in unit.exercises}
    for module, names_ in unit.provided.items():
        functions.update({n: module for n in names_})
    return SubmissionLayout(
        package=unit.id,
        submission_modules=unit.submission_modules,
        provided=provided,
        functions=functions,
        reference_package=unit.reference_package if hidden else None,
        numbers={ex.name: ex.number for ex in unit.exercises},
    )


def versions(isolation):
    return {
        "grader": __version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pytest": __import__("pytest").__version__,
        "platform": platform.platform(terse=True),
        "isolation": isolation,
    }


# ------------------------------------------------------------------------------ the run


class Run:
    """State shared with the pytest plugin during one run."""

    def __init__(self, unit, sandbox, checks, hidden, seed, files):
        self.unit = unit
        self.sandbox = sandbox
        self.checks = checks
        self.mode = "hidden" if hidden else "public"
        self.declared, self.mistakes = declarations(unit.id)
        self.public = PublicData(unit.id)
        self.hidden = HiddenData(unit.id) if hidden else None
        self.key = grader_key() if hidden else None
        self.seed = seed
        self.digest = submission_digest(files)
        self.results = {c.id: CheckResult(id=c.id, exercise=c.exercise.name, name=c.kind,
                                          visibility=c.visibility, title=c.title,
                                          points=c.points) for c in checks}
        self.outcomes = {}  # check id -> the exception its check raised
        self.printed = {}  # exercise name -> (text printed by the student's code, cut at limit)
        self._current = None
        self._next = None
        self._sequence = list(dict.fromkeys(c.exercise.name for c in checks))

    def context_for(self, check):
        name = check.exercise.name
        arg_names = (self.hidden.arg_names(name) if self.hidden is not None
                     else self.public.arg_names(name))
        rng = None
        if check.visibility == "hidden":
            rng = check_rng(self.key, self.seed, self.digest, check.id)
        return Context(exercise=check.exercise, checks=self.declared[name],
                       mistakes=self.mistakes, submission=self.submission_for(name),
                       public=self.public, hidden=self.hidden, rng=rng, arg_names=arg_names)

    def prestart(self):
        """Fork the first exercise's worker before pytest starts (it overlaps pytest's set-up)."""
        if self._sequence and self._next is None:
            self._next = Submission(self.sandbox, self._sequence[0], self.mode, self.seed,
                                    prestart=True)

    def submission_for(self, name):
        """One fresh worker folder and process per exercise; the next one starts meanwhile."""
        if self._current is None or self._current.exercise != name:
            self.close_current()
            if self._next is not None and self._next.exercise == name:
                self._current, self._next = self._next, None
            else:
                self._current = Submission(self.sandbox, name, self.mode, self.seed)
            position = self._sequence.index(name) if name in self._sequence else -1
            if 0 <= position < len(self._sequence) - 1 and self._next is None:
                self._next = Submission(self.sandbox, self._sequence[position + 1], self.mode,
                                        self.seed, prestart=True)
        return self._current

    def close_current(self):
        if self._current is not None:
            current = self._current
            if current.printed or current.printed_full:
                self.printed[current.exercise] = ("".join(current.printed), current.printed_full)
            current.close()
            self._current = None

    def close(self):
        self.close_current()
        if self._next is not None:
            self._next.close()
            self._next = None


# Built-in plugins the run does not need; some cost time (unraisableexception and
# threadexception call gc.collect several times per session).
_BLOCKED_PLUGINS = ("cacheprovider", "faulthandler", "terminal", "stepwise", "doctest",
                    "junitxml", "pastebin", "logging", "unraisableexception",
                    "threadexception", "legacypath", "python")


def _run_pytest(run, workspace):
    import pytest

    # The plan file and an empty ini in a private folder of the grader's (never the sandbox's):
    # no user pytest.ini, pyproject or conftest takes part.
    plan_file = Path(workspace) / f"{run.unit.id}{PLAN_SUFFIX}"
    plan_file.write_text("\n".join(c.id for c in run.checks) + "\n", encoding="utf-8")
    ini = Path(workspace) / "pytest.ini"
    ini.write_text("[pytest]\n", encoding="utf-8")
    args = [str(plan_file), "-c", str(ini), "--rootdir", str(workspace), "--noconftest"]
    for name in _BLOCKED_PLUGINS:
        args += ["-p", f"no:{name}"]
    args += ["--assert=plain", "--capture=sys", "-W", "ignore"]
    saved = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        pytest.main(args, plugins=[AmiqPlugin(run)])
    finally:
        if saved is None:
            os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = saved
        run.close()


def grade(exercises=None, submission=None, *, unit=None, hidden=False, seed=None, limits=None,
          isolate=True, zygote=None):
    """Grade a submission and return a complete :class:`Report`.

    Parameters
    ----------
    exercises : sequence of str or None
        Exercise ids, qualified (``"c1w4.linear_forward"``) or bare; all when empty.
    submission : path or None
        Folder with the module files (default: the student's ``course/<unit>/``).
    unit : str or None
        The unit (default: from the ids, the folder's files, or the only installed unit).
    hidden : bool
        Also run the hidden checks (needs the unit's ``solutions/<unit>/grading/``).
    seed : int or None
        Mixed into the hidden cases' keyed generators (default ``$AMIQ_GRADER_SEED``).
    limits : grader.sandbox.client.Limits or None
    isolate : bool
        Build the sandbox's jail (default True).
    zygote : grader.sandbox.zygote.Zygote or None
        A sandbox zygote started earlier (closed by this call); default: start one now.

    Raises
    ------
    GradingError
        Bad input; nothing was run.
    """
    started = time.perf_counter()
    try:
        chosen_unit, selected = choose(list(exercises or ()), unit, submission)
        if hidden and not hidden_available(chosen_unit):
            raise GradingError(
                Message(N_("Hidden checks need the reference solutions and their grading "
                           "material (solutions/{unit}/grading/)."), unit=chosen_unit.id),
                Message(N_("They are only available to instructors; run without --hidden.")))
        directory = (Path(submission) if submission is not None
                     else default_submission_dir(chosen_unit))
        files = validate_submission(directory, chosen_unit)
        seed = resolve_seed(seed)
    except BaseException:
        if zygote is not None:
            zygote.close()
        raise

    # The sandbox starts first: its interpreter imports numpy while we plan the checks.
    sandbox = Sandbox(files, layout_for(chosen_unit, hidden), limits=limits or Limits(),
                      zygote=zygote, isolate=isolate)
    sandbox.display_dir = display_path(directory)
    problems = []
    try:
        checks = plan(chosen_unit.id, selected, hidden)
        run = Run(chosen_unit, sandbox, checks, hidden, seed, files)
        if checks:
            import pytest  # noqa: F401 - imported while the zygote is still starting

            sandbox.isolation  # noqa: B018 - wait for the jail before the first check
            run.prestart()
            workspace = tempfile.mkdtemp(prefix="amiq-pytest-")
            try:
                _run_pytest(run, workspace)
            except Exception as exc:  # noqa: BLE001 - the report must still be complete
                problems.append(Message(N_("The test runner stopped early: {error}"),
                                        error=repr(exc)[:300]))
            finally:
                shutil.rmtree(workspace, ignore_errors=True)
        isolation = sandbox.isolation
    finally:
        sandbox.close()

    by_exercise = {ex.name: ExerciseResult(ex) for ex in selected}
    for check in checks:
        by_exercise[check.exercise.name].checks.append(run.results[check.id])
    for name, (text, full) in run.printed.items():
        if name in by_exercise:
            by_exercise[name].printed, by_exercise[name].printed_full = text, full
    module_problems = submission_problems(checks, run, files, chosen_unit)
    add_dependency_notes(by_exercise, run.mode,
                         blocked={e for p in module_problems for e in p.exercises})
    return Report(
        unit=chosen_unit.id,
        seed=seed,
        mode=run.mode,
        exercises=list(by_exercise.values()),
        hidden_pending=None if hidden else hidden_count(chosen_unit.id, selected),
        submission=str(directory.resolve()),
        isolation=isolation,
        versions=versions(isolation),
        problems=problems,
        seconds=time.perf_counter() - started,
        submission_problems=module_problems,
    )


def display_path(directory):
    """How reports name the submission folder: relative to the working folder when inside it."""
    path = Path(directory)
    try:
        relative = path.resolve().relative_to(Path.cwd().resolve())
        return str(relative) if str(relative) != "." else "."
    except (OSError, ValueError):
        return str(path)
