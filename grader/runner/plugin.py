"""The pytest plugin that runs the discovered checks in the trusted process.

إضافة pytest التي تشغّل الفحوص المكتشَفة في العملية الموثوقة وتسجّل نتيجة كل فحص.

pytest is given the check modules' files, but never imports them itself: the plugin hands it
the module objects discovery already imported, collects exactly the registered checks (nothing
else in those files), orders them by exercise, provides the ``submission`` and ``rng`` fixtures
and turns every test outcome, including the student's misbehaviour reported by the sandbox,
into a :class:`~grader.runner.results.CheckResult`.
"""

import hashlib

import numpy as np
import pytest

from .. import api
from ..feedback import Failure, Message, N_, StudentProblem, sanitize


EMPTY_ANSWERS = N_(
    "Your function returned None in every call of this check: it computes nothing yet, so this "
    "check cannot award its points."
)


class CheckModule(pytest.Module):
    """A pytest module node backed by an already-imported check module."""

    amiq_module = None

    def _getobj(self):
        return self.amiq_module


def check_seed(seed, check_id):
    """A per-check seed: the run seed mixed with a stable hash of the check id."""
    digest = hashlib.sha256(f"{int(seed)}:{check_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def classify(exc):
    """Map an exception raised while running a check to ``(status, message, details, mistake,
    internal)``."""
    if isinstance(exc, Failure):
        return "failed", exc.message, exc.details, exc.mistake, False
    if isinstance(exc, StudentProblem):
        return exc.status, exc.message(), tuple(exc.details()), None, False
    if isinstance(exc, AssertionError):
        text = sanitize(str(exc) or "assert", 1000)
        return "failed", Message(N_("The check failed: {text}"), text=text), (), None, False
    if isinstance(exc, pytest.skip.Exception):
        return (
            "did_not_report",
            Message(N_("This check was skipped, so it scores 0.")),
            (),
            None,
            False,
        )
    error = sanitize(f"{type(exc).__name__}: {exc}", 500)
    message = Message(
        N_("The check itself failed ({error}). This is a problem of the grader, not of your code."),
        error=error,
    )
    return "error", message, (), None, True


class AmiqPlugin:
    """Collects and runs one grading run's checks.

    Parameters
    ----------
    run : grader.runner.engine.Run
        Holds the expected checks, their results and the sandbox.
    """

    def __init__(self, run):
        self.run = run
        self.results = run.results  # check id -> CheckResult
        self.order = {spec.id: i for i, spec in enumerate(run.specs)}
        self.outcomes = run.outcomes  # check id -> first failing exception (kept for the report)

    # ------------------------------------------------------------------ collection

    @pytest.hookimpl(tryfirst=True)
    def pytest_pycollect_makemodule(self, module_path, parent):
        module = self.run.modules.get(str(module_path.resolve()))
        if module is None:
            return None
        node = CheckModule.from_parent(parent, path=module_path)
        node.amiq_module = module
        return node

    @pytest.hookimpl(tryfirst=True)
    def pytest_pycollect_makeitem(self, collector, name, obj):
        if not isinstance(collector, CheckModule):
            return None
        spec = api.spec_of(obj)
        if spec is None or spec.id not in self.order or name != spec.name:
            return []  # helpers and stray test_* functions are not checks
        return pytest.Function.from_parent(collector, name=name)

    def pytest_collection_modifyitems(self, session, config, items):
        kept = [item for item in items if self._spec(item) is not None]
        kept.sort(key=lambda item: self.order[self._spec(item).id])
        items[:] = kept

    def _only_empty_answers(self, check_id):
        submission = self.run.current_submission()
        return (
            submission is not None
            and submission.check_id == check_id
            and submission.answered > 0
            and submission.empty_answers == submission.answered
        )

    @staticmethod
    def _spec(item):
        return api.spec_of(getattr(item, "obj", None))

    # ------------------------------------------------------------------ fixtures

    @pytest.fixture
    def submission(self, request):
        spec = self._spec(request.node)
        submission = self.run.submission_for(spec.exercise)
        submission.begin_check(spec.id)
        return submission

    @pytest.fixture
    def rng(self, request):
        spec = self._spec(request.node)
        return np.random.default_rng(check_seed(self.run.seed, spec.id))

    # ------------------------------------------------------------------ outcomes

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_makereport(self, item, call):
        spec = self._spec(item)
        if spec is None:
            return None
        result = self.results[spec.id]
        result.seconds += call.duration
        if call.excinfo is not None and spec.id not in self.outcomes:
            self.outcomes[spec.id] = call.excinfo.value
        if call.when == "teardown" or (call.when == "setup" and call.excinfo is not None):
            self._finish(spec.id, result)
        # Our own light report: pytest's would format a source-level traceback of every
        # failure (about 0.1 s each), which the grader never shows.
        failed = call.excinfo is not None
        return pytest.TestReport(
            nodeid=item.nodeid,
            location=item.location,
            keywords={},
            outcome="failed" if failed else "passed",
            longrepr=type(call.excinfo.value).__name__ if failed else None,
            when=call.when,
            duration=call.duration,
            start=call.start,
            stop=call.stop,
        )

    def _finish(self, check_id, result):
        exc = self.outcomes.get(check_id)
        if exc is None and self._only_empty_answers(check_id):
            # A function that does nothing passes "the inputs are not modified" or "prints
            # nothing": no points for answers that are all None.
            result.set("failed", Message(EMPTY_ANSWERS))
        elif exc is None:
            result.set("passed")
        else:
            status, message, details, mistake, internal = classify(exc)
            result.set(status, message, details, mistake, internal)
