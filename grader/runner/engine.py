"""Orchestrate one grading run: validate, discover, sandbox, run pytest, build the report.

تنسيق جولة تصحيح واحدة: التحقق من المجلد، واكتشاف الفحوص، وتشغيلها، وبناء التقرير.
"""

import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from course import catalog

from .. import __version__
from ..feedback import Message, N_
from ..sandbox.client import Limits, Sandbox, Submission, find_package_dir
from ..sandbox.files import MAX_FILE_BYTES, SubmissionFileError, read_submission
from ..sandbox.layout import SubmissionLayout
from ..sandbox.zygote import signals_deferred
from . import discovery
from .dependencies import add_dependency_notes
from .isolation import IsolationRefused, blocking_pieces, check_isolation
from .results import CheckResult, ExerciseResult, Report
from .submission_problems import submission_problems

# The default seed is a constant so that grading is reproducible; --seed overrides it.
DEFAULT_SEED = 20_240_104


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


SEED_VARIABLE = "AMIQ_GRADER_SEED"


def resolve_seed(seed=None):
    """The run seed: ``seed`` if given, else ``$AMIQ_GRADER_SEED``, else :data:`DEFAULT_SEED`.

    The default seed is public (it ships with the student bundle), so instructors who grade with
    ``--hidden`` can keep the hidden cases unpredictable by setting a private seed in the
    environment of their grading job; the seed is printed in every report for regrades.

    Raises
    ------
    GradingError
        When the environment variable is not a whole number.
    """
    if seed is not None:
        return int(seed)
    value = os.environ.get(SEED_VARIABLE, "").strip()
    if not value:
        return DEFAULT_SEED
    try:
        return int(value)
    except ValueError:
        raise GradingError(
            Message(
                N_("{variable} must be a whole number, got {value}."),
                variable=SEED_VARIABLE,
                value=value,
            )
        ) from None


def trusted_provided_modules(unit):
    """``{file name: text}`` of the provided (ungraded) modules, from a trusted source.

    The reference is the source of truth when present (instructor side): the stubs generator
    renders it. In a student bundle without ``solutions/`` the installed ``course/<unit>`` copy
    is used. The submission's own copy is never used.
    """
    names = [f"{m}.py" for m in catalog.PROVIDED_MODULES]
    solutions = find_package_dir("solutions")
    if solutions is not None and (solutions / unit).is_dir():
        from course.authoring.stubs import render_unit

        rendered = render_unit(solutions, unit)
        if all(n in rendered for n in names):
            return {n: rendered[n] for n in names}
    course_dir = find_package_dir("course")
    return {n: (course_dir / unit / n).read_text(encoding="utf-8") for n in names}


def submission_layout(unit=catalog.UNIT):
    """The sandbox's view of a unit, built from ``course.catalog`` (the one place that reads it).

    Returns
    -------
    grader.sandbox.layout.SubmissionLayout
    """
    functions = {ex.id: ex.module for ex in catalog.EXERCISES if ex.unit == unit}
    for module, names in catalog.PROVIDED.items():
        for name in names:
            functions.setdefault(name, module)
    return SubmissionLayout(
        package=unit,
        submission_modules=catalog.SUBMISSION_MODULES,
        provided=trusted_provided_modules(unit),
        functions=functions,
        reference_package=f"solutions.{unit}",
    )


def default_submission_dir(unit=catalog.UNIT):
    """The student's working copy: the installed ``course/<unit>/`` folder."""
    return find_package_dir("course") / unit


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


def validate_submission(directory, modules=catalog.SUBMISSION_MODULES, given=True):
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


def select_exercises(ids=None):
    """The catalogue entries for ``ids`` (all when empty), in course order."""
    if not ids:
        return list(catalog.EXERCISES)
    known = {ex.id: ex for ex in catalog.EXERCISES}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise GradingError(
            Message(N_("Unknown exercise: {names}."), names=", ".join(unknown)),
            Message(N_("Known exercises: {names}."), names=", ".join(known)),
        )
    wanted = set(ids)
    return [ex for ex in catalog.EXERCISES if ex.id in wanted]


def hidden_available(root=None):
    """True when the reference and the hidden checks are installed (instructor side)."""
    if find_package_dir("solutions") is None:
        return False
    base = Path(root) if root is not None else Path(__file__).resolve().parent.parent
    return (base / "hidden").is_dir()


def versions(isolation):
    return {
        "grader": __version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pytest": __import__("pytest").__version__,
        "platform": platform.platform(terse=True),
        "isolation": isolation,
    }


class Run:
    """State shared with the pytest plugin during one run."""

    def __init__(self, sandbox, specs, modules, seed, mode):
        self.sandbox = sandbox
        self.specs = specs
        self.modules = modules
        self.seed = seed
        self.mode = mode
        self.results = {
            spec.id: CheckResult(
                id=spec.id,
                exercise=spec.exercise,
                name=spec.name,
                visibility=spec.visibility,
                title=spec.title,
                points=spec.points,
            )
            for spec in specs
        }
        self.outcomes = {}  # check id -> the first exception its test raised
        self.printed = {}  # exercise id -> (text printed by the student's code, cut at limit)
        self._current = None
        self._next = None
        self._sequence = list(dict.fromkeys(spec.exercise for spec in specs))

    def prestart(self):
        """Fork the first exercise's worker before pytest starts (it overlaps pytest's set-up)."""
        if self._sequence and self._next is None:
            self._next = Submission(
                self.sandbox, self._sequence[0], self.mode, self.seed, prestart=True
            )

    def submission_for(self, exercise_id):
        """One fresh worker folder and process per exercise (items run grouped by exercise).

        The next exercise's worker is forked and starts importing the student's module while
        this exercise's checks run.
        """
        if self._current is None or self._current.exercise != exercise_id:
            self.close_current()
            if self._next is not None and self._next.exercise == exercise_id:
                self._current, self._next = self._next, None
            else:
                self._current = Submission(self.sandbox, exercise_id, self.mode, self.seed)
            position = self._sequence.index(exercise_id) if exercise_id in self._sequence else -1
            if 0 <= position < len(self._sequence) - 1 and self._next is None:
                following = self._sequence[position + 1]
                self._next = Submission(
                    self.sandbox, following, self.mode, self.seed, prestart=True
                )
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
_BLOCKED_PLUGINS = (
    "cacheprovider",
    "faulthandler",
    "terminal",
    "stepwise",
    "doctest",
    "junitxml",
    "pastebin",
    "logging",
    "unraisableexception",
    "threadexception",
    "legacypath",
)


class Interrupted(KeyboardInterrupt):
    """pytest stopped on Ctrl-C or SIGTERM: the grading is abandoned (nothing is reported)."""


def _run_pytest(run, files, workspace):
    import pytest

    from .plugin import AmiqPlugin

    plugin = AmiqPlugin(run)
    # An empty ini in our own folder: no user pytest.ini/pyproject/conftest can take part.
    ini = Path(workspace) / "pytest.ini"
    ini.write_text("[pytest]\n", encoding="utf-8")
    args = [*files, "-c", str(ini), "--rootdir", str(workspace), "--noconftest"]
    for name in _BLOCKED_PLUGINS:
        args += ["-p", f"no:{name}"]
    args += ["--assert=plain", "--capture=sys", "-W", "ignore"]
    saved = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        status = pytest.main(args, plugins=[plugin])
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


def grade(
    exercises=None,
    submission=None,
    *,
    hidden=False,
    seed=None,
    check_root=None,
    limits=None,
    isolate=True,
    zygote=None,
    allow_weak_isolation=False,
):
    """Grade a submission and return a complete :class:`Report`.

    Parameters
    ----------
    exercises : sequence of str or None
        Exercise ids to grade (all when empty).
    submission : path or None
        Folder with the module files (default: the student's ``course/<unit>/``).
    hidden : bool
        Also run the hidden checks (needs ``solutions/`` and ``grader/hidden/``).
    seed : int or None
        Seed for the checks' random cases (default: ``$AMIQ_GRADER_SEED``, else
        :data:`DEFAULT_SEED`; see :func:`resolve_seed`).
    check_root : path or None
        Alternative checks folder (engine tests).
    limits : grader.sandbox.client.Limits or None
    isolate : bool
        Build the sandbox's jail (default True; False only for debugging the engine).
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
        selected = select_exercises(exercises)
        if hidden and not hidden_available(check_root):
            raise GradingError(
                Message(N_("Hidden checks need the reference solutions and grader/hidden/.")),
                Message(N_("They are only available to instructors; run without --hidden.")),
            )
        unit = selected[0].unit if selected else catalog.UNIT
        directory = Path(submission) if submission is not None else default_submission_dir(unit)
        files = validate_submission(
            directory, catalog.SUBMISSION_MODULES, given=submission is not None
        )
        seed = resolve_seed(seed)
        layout = submission_layout(unit)
    except BaseException:
        if zygote is not None:
            zygote.close()
        raise

    # The sandbox starts first: its interpreter imports numpy while we discover checks.
    sandbox = Sandbox(files, layout, limits=limits or Limits(), zygote=zygote, isolate=isolate,
                      allow_privileged=allow_weak_isolation)
    sandbox.display_dir = display_path(directory)
    try:
        visibilities = ("public", "hidden") if hidden else ("public",)
        found = discovery.discover(selected, visibilities, root=check_root)
        mode = "hidden" if hidden else "public"
        run = Run(sandbox, found.specs, found.modules, seed, mode)
        problems = list(found.problems)
        if found.specs:
            import pytest  # noqa: F401 - imported while the zygote is still starting

            from . import plugin  # noqa: F401
        # Wait for the jail and its self-test; refuse before any student code runs.
        info = sandbox.isolation_info
        try:
            problems += check_isolation(info, hidden, allow_weak_isolation)
        except IsolationRefused as exc:
            raise IsolationError(*exc.messages) from None
        if found.specs:
            run.prestart()
            # pytest's ini file and rootdir live in a private folder of the grader's, never in
            # the sandbox folder the workers can see.
            workspace = None
            try:
                workspace = tempfile.mkdtemp(prefix="amiq-pytest-")
                _run_pytest(run, sorted(found.modules), workspace)
            except Exception as exc:  # noqa: BLE001 - the report must still be complete
                problems.append(
                    Message(N_("The test runner stopped early: {error}"), error=repr(exc)[:300])
                )
            finally:
                if workspace is not None:
                    with signals_deferred():
                        shutil.rmtree(workspace, ignore_errors=True)
    finally:
        sandbox.close()

    by_exercise = {ex.id: ExerciseResult(ex) for ex in selected}
    for spec in found.specs:
        by_exercise[spec.exercise].checks.append(run.results[spec.id])
    for ex_id, (text, full) in run.printed.items():
        if ex_id in by_exercise:
            by_exercise[ex_id].printed, by_exercise[ex_id].printed_full = text, full
    module_problems = submission_problems(found.specs, run, files, unit)
    add_dependency_notes(
        by_exercise, mode, blocked={e for p in module_problems for e in p.exercises}
    )
    weak = bool(blocking_pieces(info, hidden))  # non-empty only with the opt-in
    return Report(
        unit=unit,
        seed=seed,
        mode=mode,
        exercises=list(by_exercise.values()),
        hidden_pending=None if hidden else discovery.pending_hidden(selected, check_root),
        submission=str(directory.resolve()),
        isolation=info.level,
        isolation_missing=list(info.missing),
        weak_isolation_allowed=weak,
        versions=versions(info.level),
        problems=problems,
        seconds=time.perf_counter() - started,
        submission_problems=module_problems,
    )


def display_path(directory):
    """How reports name the submission folder: relative to the working folder when inside it."""
    path = Path(directory)
    try:
        absolute = path.resolve()
        relative = absolute.relative_to(Path.cwd().resolve())
        return str(relative) if str(relative) != "." else "."
    except (OSError, ValueError):
        return str(path)
