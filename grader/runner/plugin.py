"""The pytest plugin that runs a grading run's checks in the trusted process.

إضافة pytest التي تشغّل فحوص جولة التصحيح في العملية الموثوقة وتسجّل نتيجة كل فحص.

Only pytest's public extension API is used (the pattern of its "non-Python tests" example): the
engine writes the run's plan to a ``<unit>.amiq`` file in a private folder, the plugin's
``pytest_collect_file`` hook turns that file into a :class:`PlanFile` whose items are the planned
checks (:class:`CheckItem`, one per :class:`grader.plan.PlannedCheck`), and each item's
``runtest`` judges its check and records the outcome. ``repr_failure`` returns one short line:
pytest would otherwise format a source traceback of every failure, which the report never shows.
"""

import pytest

from ..feedback import Failure, Message, N_, StudentProblem, sanitize

PLAN_SUFFIX = ".amiq"


def classify(exc):
    """``(status, message, details, mistake, internal)`` for an exception a check raised."""
    if isinstance(exc, Failure):
        return "failed", exc.message, exc.details, exc.mistake, False
    if isinstance(exc, StudentProblem):
        return exc.status, exc.message(), tuple(exc.details()), None, False
    error = sanitize(f"{type(exc).__name__}: {exc}", 500)
    message = Message(N_("The check itself failed ({error}). This is a problem of the grader, "
                         "not of your code."), error=error)
    return "error", message, (), None, True


class CheckItem(pytest.Item):
    """One planned check."""

    def __init__(self, *, check, run, **kwargs):
        super().__init__(**kwargs)
        self.check = check
        self.run = run

    def runtest(self):
        result = self.run.results[self.check.id]
        try:
            self.check.run(self.run.context_for(self.check))
        except Exception as exc:  # noqa: BLE001 - every outcome is recorded, then re-raised
            self.run.outcomes[self.check.id] = exc
            result.set(*classify(exc))
            raise
        result.set("passed")

    def repr_failure(self, excinfo, style=None):
        return type(excinfo.value).__name__

    def reportinfo(self):
        return self.path, None, self.check.id


class PlanFile(pytest.File):
    """The run's plan file: its items are the planned checks, in order."""

    run = None

    def collect(self):
        for check in self.run.checks:
            yield CheckItem.from_parent(self, name=check.id, check=check, run=self.run)


class AmiqPlugin:
    """Collects the plan file of one run (nothing else) and times each check.

    Parameters
    ----------
    run : grader.runner.engine.Run
    """

    def __init__(self, run):
        self.run = run

    def pytest_collect_file(self, file_path, parent):
        if file_path.suffix != PLAN_SUFFIX:
            return None
        node = PlanFile.from_parent(parent, path=file_path)
        node.run = self.run
        return node

    def pytest_runtest_logreport(self, report):
        result = self.run.results.get(report.nodeid.rpartition("::")[2])
        if result is not None:
            result.seconds += report.duration
