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
from ..sandbox.client import Limits, Sandbox, Submission
from ..sandbox.files import MAX_FILE_BYTES, SubmissionFileError, read_submission
from ..sandbox.layout import SubmissionLayout
from ..sandbox.zygote import find_package_dir, signals_deferred
from ..sources import HiddenData, PublicData
from .dependencies import add_dependency_notes
from .isolation import IsolationRefused, blocking_pieces, check_isolation
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


class IsolationError(GradingError):
    """The sandbox cannot grade safely or fairly here (see :mod:`grader.runner.isolation`).

    Raised before any student code runs; the CLI exits with status 3.
    """


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


_FILE_KINDS = {
    "symlink": N_("a symbolic link"),
    "fifo": N_("a named pipe (FIFO)"),
    "device": N_("a device"),
    "socket": N_("a socket"),
    "folder": N_("a folder"),
    "other": N_("something else"),
}


def _project_roots():
    """Folders the submission must not lead into through a symlink: the project, the reference."""
    roots = set()
    for package in ("grader", "course", "solutions"):
        directory = find_package_dir(package)
        if directory is None:
            continue
        roots.add(os.path.realpath(directory))
        parent = directory.parent
        if (parent / "pyproject.toml").exists() or (parent / ".git").exists():
            roots.add(os.path.realpath(parent))
    return sorted(roots)


def _inside(path, root):
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def symlink_into_project(directory):
    """The first symlink in ``directory``'s path that leads into the project, or None.

    Every prefix of the path as written is checked (``..`` included), so a link anywhere in
    it counts, wherever it sits.
    """
    roots = _project_roots()
    text = os.fspath(directory)
    prefix = os.sep if os.path.isabs(text) else os.getcwd()
    for part in Path(text).parts:
        if part == os.sep:
            continue
        prefix = os.path.join(prefix, part)
        if os.path.islink(prefix):
            target = os.path.realpath(prefix)
            if any(_inside(target, root) for root in roots):
                return prefix
    return None


def validate_submission(directory, modules, given=True):
    """Read a submission folder's module files or raise :class:`GradingError`.

    Parameters
    ----------
    directory : str or pathlib.Path
    modules : sequence of str
        The module names a submission consists of.
    given : bool
        The user named the folder (it is then refused if a symlink in its path leads into the
        project); False for the default ``course/<unit>/``.

    Returns
    -------
    dict
        ``{file name: bytes}``.
    """
    path = Path(directory)
    expected = ", ".join(f"{m}.py" for m in modules)
    if not path.exists():
        raise GradingError(
            Message(N_("The submission folder {path} does not exist."), path=str(path)),
            Message(N_("Expected a folder holding {files}."), files=expected),
        )
    if not path.is_dir():
        raise GradingError(
            Message(N_("{path} is not a folder."), path=str(path)),
            Message(N_("Expected a folder holding {files}."), files=expected),
        )
    link = symlink_into_project(path) if given else None
    if link is not None:
        raise GradingError(
            Message(
                N_(
                    "The submission path {path} goes through the symbolic link {link}, which "
                    "leads into the project (where the reference solution lives)."
                ),
                path=str(path),
                link=link,
            ),
            Message(N_("Give the folder of the submission itself, not a link to it.")),
        )
    try:
        files = read_submission(path, modules)
    except SubmissionFileError as exc:
        raise GradingError(_file_problem(exc), Message(
            N_("Expected a folder holding {files}."), files=expected)) from None
    if not files:
        raise GradingError(
            Message(N_("No exercise files were found in {path}."), path=str(path)),
            Message(N_("Expected a folder holding {files}."), files=expected),
        )
    return files


def _file_problem(exc):
    if exc.kind == "too_large":
        return Message(
            N_("{path} is larger than {limit} bytes: it cannot be a module file of this course."),
            path=exc.path,
            limit=MAX_FILE_BYTES,
        )
    if exc.kind == "unreadable":
        return Message(N_("{path} cannot be read: {error}"), path=exc.path, error=exc.detail)
    return Message(
        N_(
            "{path} is not an ordinary file: it is {what}; the submission's module files must "
            "be ordinary .py files."
        ),
        path=exc.path,
        what=Message(_FILE_KINDS.get(exc.kind, _FILE_KINDS["other"])),
    )


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

    def current_submission(self):
        """The :class:`Submission` of the exercise whose checks run now (None between them)."""
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


class Interrupted(KeyboardInterrupt):
    """pytest stopped on Ctrl-C or SIGTERM: the grading is abandoned (nothing is reported)."""


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
        status = pytest.main(args, plugins=[AmiqPlugin(run)])
    finally:
        if saved is None:
            os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = saved
        run.close()
    if status == pytest.ExitCode.INTERRUPTED:
        # pytest catches KeyboardInterrupt itself; a half-run grading must not become a report.
        raise Interrupted()


def _protect_this_process():
    """Make the grader's /proc entries (environment, memory, open files) root-only.

    With the process level of isolation the student's code runs as the same user: it could
    otherwise read ``$AMIQ_GRADER_SEED`` from ``/proc/<grader>/environ`` or write to the
    grader's terminal through ``/proc/<grader>/fd``.
    """
    import ctypes

    pr_set_dumpable = 4
    try:
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_dumpable, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux


def grade(exercises=None, submission=None, *, unit=None, hidden=False, seed=None, limits=None,
          isolate=True, zygote=None, allow_weak_isolation=False):
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
    allow_weak_isolation : bool
        Grade even when the sandbox is weaker than the grading needs (hidden checks without a
        jail, or root that cannot give the student's code an unprivileged user); the report
        says so. See :mod:`grader.runner.isolation`.

    Raises
    ------
    GradingError
        Bad input; nothing was run.
    IsolationError
        The sandbox is too weak for this grading, or its self-test failed; nothing was run.
    """
    started = time.perf_counter()
    _protect_this_process()
    try:
        chosen_unit, selected = choose(list(exercises or ()), unit, submission)
        if hidden and not hidden_available(chosen_unit):
            raise GradingError(
                Message(N_("Hidden checks need the reference solutions and their grading "
                           "material (solutions/{unit}/grading/)."), unit=chosen_unit.id),
                Message(N_("They are only available to instructors; run without --hidden.")))
        directory = (Path(submission) if submission is not None
                     else default_submission_dir(chosen_unit))
        files = validate_submission(directory, chosen_unit.submission_modules,
                                    given=submission is not None)
        seed = resolve_seed(seed)
    except BaseException:
        if zygote is not None:
            zygote.close()
        raise

    # The sandbox starts first: its interpreter imports numpy while we plan the checks.
    sandbox = Sandbox(files, layout_for(chosen_unit, hidden), limits=limits or Limits(),
                      zygote=zygote, isolate=isolate, allow_privileged=allow_weak_isolation)
    sandbox.display_dir = display_path(directory)
    problems = []
    try:
        checks = plan(chosen_unit.id, selected, hidden)
        run = Run(chosen_unit, sandbox, checks, hidden, seed, files)
        if checks:
            import pytest  # noqa: F401 - imported while the zygote is still starting
        # Wait for the jail and its self-test; refuse before any student code runs.
        info = sandbox.isolation_info
        try:
            problems += check_isolation(info, hidden, allow_weak_isolation)
        except IsolationRefused as exc:
            raise IsolationError(*exc.messages) from None
        if checks:
            run.prestart()
            # pytest's ini file and rootdir live in a private folder of the grader's, never in
            # the sandbox folder the workers can see.
            workspace = None
            try:
                workspace = tempfile.mkdtemp(prefix="amiq-pytest-")
                _run_pytest(run, workspace)
            except Exception as exc:  # noqa: BLE001 - the report must still be complete
                problems.append(Message(N_("The test runner stopped early: {error}"),
                                        error=repr(exc)[:300]))
            finally:
                if workspace is not None:
                    with signals_deferred():
                        shutil.rmtree(workspace, ignore_errors=True)
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
        isolation=info.level,
        isolation_missing=list(info.missing),
        weak_isolation_allowed=bool(blocking_pieces(info, hidden)),  # only with the opt-in
        versions=versions(info.level),
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
