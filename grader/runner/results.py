"""The result of a grading run: one :class:`CheckResult` per expected check, grouped by exercise.

نتيجة جولة التصحيح: نتيجة لكل فحص متوقَّع، مجمَّعة حسب التمرين.
"""

from dataclasses import dataclass, field

from ..feedback import Message, N_

STATUSES = (
    "passed",
    "failed",
    "not_attempted",
    "error",
    "timeout",
    "crashed",
    "did_not_report",
)

STATUS_LABELS = {
    "passed": N_("passed"),
    "failed": N_("failed"),
    "not_attempted": N_("not attempted yet"),
    "error": N_("error"),
    "timeout": N_("timed out"),
    "crashed": N_("crashed"),
    "did_not_report": N_("did not report"),
    "partial": N_("partly passed"),
    "no_checks": N_("no checks"),
}


@dataclass
class CheckResult:
    """The outcome of one check. A check that never reports keeps ``did_not_report`` and 0.

    Attributes
    ----------
    id : str
        ``"<exercise>/<visibility>/<function>"``.
    exercise, name, visibility : str
    title : Message
    points : float
        Maximum points.
    status : str
        One of :data:`STATUSES`.
    score : float
        ``points`` when passed, else 0.
    message : Message or None
    details : tuple of Message
    mistake : grader.feedback.Mistake or None
    seconds : float
    internal : bool
        True when the check itself failed (a grader bug, not the student's).
    """

    id: str
    exercise: str
    name: str
    visibility: str
    title: Message
    points: float
    status: str = "did_not_report"
    score: float = 0.0
    message: object = None
    details: tuple = ()
    mistake: object = None
    seconds: float = 0.0
    internal: bool = False

    def __post_init__(self):
        if self.message is None and self.status == "did_not_report":
            self.message = Message(N_("This check did not report a result, so it scores 0."))

    def set(self, status, message=None, details=(), mistake=None, internal=False):
        """Record the outcome (score follows the status: all or nothing)."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self.status = status
        self.score = self.points if status == "passed" else 0.0
        self.message = message
        self.details = tuple(details)
        self.mistake = mistake
        self.internal = internal


@dataclass
class ExerciseResult:
    """All checks of one exercise, in running order."""

    exercise: object  # course.catalog.Exercise
    checks: list = field(default_factory=list)

    @property
    def id(self):
        return self.exercise.id

    @property
    def score(self):
        return sum(c.score for c in self.checks)

    @property
    def max_score(self):
        return sum(c.points for c in self.checks)

    @property
    def status(self):
        """``passed``, ``partial``, ``failed``, ``not_attempted`` or ``no_checks``."""
        if not self.checks:
            return "no_checks"
        statuses = {c.status for c in self.checks}
        if statuses == {"passed"}:
            return "passed"
        if statuses == {"not_attempted"}:
            return "not_attempted"
        if "passed" in statuses:
            return "partial"
        return "failed"


@dataclass
class Report:
    """A complete grading report.

    Attributes
    ----------
    unit : str
    seed : int
    mode : {"public", "hidden"}
        ``"hidden"`` when hidden checks ran too.
    exercises : list of ExerciseResult
        In course order.
    hidden_pending : int or None
        Hidden checks of these exercises that did not run (public mode); None if unknown.
    submission : str
        The graded folder.
    isolation : str
        The sandbox's isolation level.
    versions : dict
    problems : list of Message
        Problems of the run itself (a check module that failed to load, ...).
    seconds : float
        Wall time of the run.
    """

    unit: str
    seed: int
    mode: str
    exercises: list
    hidden_pending: object = None
    submission: str = ""
    isolation: str = ""
    versions: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def checks(self):
        return [c for ex in self.exercises for c in ex.checks]

    @property
    def score(self):
        return sum(ex.score for ex in self.exercises)

    @property
    def max_score(self):
        return sum(ex.max_score for ex in self.exercises)

    @property
    def all_passed(self):
        checks = self.checks
        return bool(checks) and all(c.status == "passed" for c in checks) and not self.problems

    def count(self, status):
        return sum(1 for c in self.checks if c.status == status)
