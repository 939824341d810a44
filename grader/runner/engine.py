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
from ..sandbox.client import Limits, Sandbox, Submission, find_package_dir, read_submission
from . import discovery
from .dependencies import add_dependency_notes
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


def default_submission_dir(unit=catalog.UNIT):
    """The student's working copy: the installed ``course/<unit>/`` folder."""
    return find_package_dir("course") / unit


def validate_submission(directory):
    """Read a submission folder's module files or raise :class:`GradingError`.

    Parameters
    ----------
    directory : str or pathlib.Path

    Returns
    -------
    dict
        ``{file name: bytes}``.
    """
    path = Path(directory)
    expected = ", ".join(f"{m}.py" for m in catalog.SUBMISSION_MODULES)
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
    try:
        files = read_submission(path)
    except (PermissionError, ValueError, OSError) as exc:
        raise GradingError(
            Message(N_("The submission could not be read: {error}"), error=str(exc)),
            Message(N_("Expected a folder holding {files}."), files=expected),
        ) from None
    if not files:
        raise GradingError(
            Message(N_("No exercise files were found in {path}."), path=str(path)),
            Message(N_("Expected a folder holding {files}."), files=expected),
        )
    return files


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
        pytest.main(args, plugins=[plugin])
    finally:
        if saved is None:
            os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = saved
        run.close()


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
        Build the sandbox's namespace jail (default True).
    zygote : grader.sandbox.zygote.Zygote or None
        A sandbox zygote started earlier (closed by this call); default: start one now.

    Raises
    ------
    GradingError
        Bad input; nothing was run.
    """
    started = time.perf_counter()
    try:
        selected = select_exercises(exercises)
        if hidden and not hidden_available(check_root):
            raise GradingError(
                Message(N_("Hidden checks need the reference solutions and grader/hidden/.")),
                Message(N_("They are only available to instructors; run without --hidden.")),
            )
        directory = Path(submission) if submission is not None else default_submission_dir()
        files = validate_submission(directory)
        seed = resolve_seed(seed)
    except BaseException:
        if zygote is not None:
            zygote.close()
        raise
    unit = selected[0].unit if selected else catalog.UNIT

    # The sandbox starts first: its interpreter imports numpy while we discover checks.
    sandbox = Sandbox(files, unit=unit, limits=limits or Limits(), zygote=zygote, isolate=isolate)
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

            sandbox.isolation  # noqa: B018 - wait for the jail before the first check
            run.prestart()
            # pytest's ini file and rootdir live in a private folder of the grader's, never in
            # the sandbox folder the workers can see: a worker able to rewrite that ini (same
            # uid without root) could add a plugin to the trusted process.
            workspace = tempfile.mkdtemp(prefix="amiq-pytest-")
            try:
                _run_pytest(run, sorted(found.modules), workspace)
            except Exception as exc:  # noqa: BLE001 - the report must still be complete
                problems.append(
                    Message(N_("The test runner stopped early: {error}"), error=repr(exc)[:300])
                )
            finally:
                shutil.rmtree(workspace, ignore_errors=True)
        isolation = sandbox.isolation
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
    return Report(
        unit=unit,
        seed=seed,
        mode=mode,
        exercises=list(by_exercise.values()),
        hidden_pending=None if hidden else discovery.pending_hidden(selected, check_root),
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
        absolute = path.resolve()
        relative = absolute.relative_to(Path.cwd().resolve())
        return str(relative) if str(relative) != "." else "."
    except (OSError, ValueError):
        return str(path)
