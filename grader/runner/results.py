"""The result of a grading run: one :class:`CheckResult` per expected check, grouped by exercise.

نتيجة جولة التصحيح: نتيجة لكل فحص متوقَّع، مجمَّعة حسب التمرين.
"""

from dataclasses import dataclass, field

from ..feedback import Message, N_

STATUSES = (
    "passed",
    "failed",
    "not_attempted",
    "blocked",
    "error",
    "timeout",
    "crashed",
    "did_not_report",
)

STATUS_LABELS = {
    "passed": N_("passed"),
    "failed": N_("failed"),
    "not_attempted": N_("not attempted yet"),
    "blocked": N_("waiting for another exercise"),
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
        ``"<unit>.<exercise>/<visibility>/<kind>"``.
    exercise : str
        The exercise name.
    name : str
        The kind of check (``values``, ``gradient``, ``prints``, ``inputs``).
    visibility : str
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

    exercise: object  # course.units.Exercise
    checks: list = field(default_factory=list)
    # Exercise-level notes (e.g. "fix the function it calls first"), shown once.
    notes: list = field(default_factory=list)
    # What the student's code printed during this exercise's calls (sanitised, never parsed).
    printed: str = ""
    printed_full: bool = False

    @property
    def id(self):
        """The qualified exercise id, ``"c1w4.linear_forward"``."""
        return self.exercise.id

    @property
    def name(self):
        """The exercise (function) name, ``"linear_forward"``."""
        return self.exercise.name

    @property
    def score(self):
        return sum(c.score for c in self.checks)

    @property
    def max_score(self):
        return sum(c.points for c in self.checks)

    @property
    def status(self):
        """``passed``, ``partial``, ``failed``, ``not_attempted``, ``blocked`` or ``no_checks``.

        ``blocked``: no check passed and some could not run because a function of another
        exercise that this one calls is not attempted yet.
        """
        if not self.checks:
            return "no_checks"
        statuses = {c.status for c in self.checks}
        if statuses == {"passed"}:
            return "passed"
        if statuses == {"not_attempted"}:
            return "not_attempted"
        if "blocked" in statuses and statuses <= {"blocked", "not_attempted"}:
            return "blocked"
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
        The sandbox's isolation level (``"namespaces"``, ``"user-namespaces"``, ``"chroot"`` or
        ``"process"``; see :mod:`grader.sandbox.jail`).
    isolation_missing : list of str
        What the sandbox lacked (see :class:`grader.sandbox.zygote.IsolationInfo`).
    weak_isolation_allowed : bool
        The grading ran although the isolation was weaker than it needs, because the instructor
        passed ``--allow-weak-isolation``.
    versions : dict
    problems : list of Message
        Problems of the run itself (a check module that failed to load, ...).
    submission_problems : list of SubmissionProblem
        Problems of the submission that affect whole modules (a file that cannot be imported
        or is missing); shown once at the top of the report.
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
    isolation_missing: list = field(default_factory=list)
    weak_isolation_allowed: bool = False
    versions: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    seconds: float = 0.0
    submission_problems: list = field(default_factory=list)

    def __repr__(self):
        # Short on purpose: grader.check(...) returns a Report, and a notebook or REPL echoes it.
        return (
            f"<Report {self.unit} {self.mode} {self.score:g}/{self.max_score:g}"
            f" ({len(self.checks)} checks)>"
        )

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
        return (
            bool(checks)
            and all(c.status == "passed" for c in checks)
            and not self.problems
            and not self.submission_problems
        )

    def count(self, status):
        return sum(1 for c in self.checks if c.status == status)


@dataclass
class SubmissionProblem:
    """One problem of a whole submission module, reported once at the top of the report.

    Attributes
    ----------
    kind : {"import", "missing"}
    file : str
        The module file at fault, e.g. ``"step_by_step.py"``.
    message : Message
        The sentence saying what is wrong and what it costs.
    details : tuple of Message
        The offending source line and a caret, the traceback (JSON keeps everything).
    exercises : tuple of str
        The exercise ids that score 0 because of it.
    """

    kind: str
    file: str
    message: object
    details: tuple = ()
    exercises: tuple = ()
