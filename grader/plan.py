"""The checks of a grading run, built from the units' declarations before anything runs.

قائمة فحوص جولة التصحيح، مبنيّةً من تصريحات الوحدات قبل تشغيل أي شيء.

The list is the contract of the run: every planned check gets a result, and one that never
reports scores 0. Each :class:`PlannedCheck` knows its flow (:mod:`grader.judging`); the runner
gives it a :class:`Context` with the sandboxed submission and the data sources.
"""

import importlib
from dataclasses import dataclass, field

from course.units import get_unit
from grader.declare import HIDDEN_KINDS, PUBLIC_KINDS, TITLES
from grader.feedback import Message
from grader.judging.gradients import hidden_gradient, public_gradient
from grader.judging.inputs import hidden_inputs
from grader.judging.printing import public_prints
from grader.judging.values import hidden_values, public_values

FLOWS = {
    ("public", "values"): public_values,
    ("public", "gradient"): public_gradient,
    ("public", "prints"): public_prints,
    ("hidden", "values"): hidden_values,
    ("hidden", "gradient"): hidden_gradient,
    ("hidden", "inputs"): hidden_inputs,
}


@dataclass(frozen=True)
class PlannedCheck:
    """One check of the run.

    Attributes
    ----------
    id : str
        ``"<unit>.<exercise>/<visibility>/<kind>"``, stable across runs.
    exercise : course.units.Exercise
    visibility : {"public", "hidden"}
    kind : str
        See :mod:`grader.declare`.
    points : float
    title : Message
    """

    id: str
    exercise: object
    visibility: str
    kind: str
    points: float
    title: Message

    @property
    def name(self):
        """The kind, as reports name a check within its exercise."""
        return self.kind

    def run(self, ctx):
        """Judge the check; raises :class:`grader.feedback.Failure` (or a student problem)."""
        FLOWS[(self.visibility, self.kind)](ctx)


@dataclass
class Context:
    """What a check flow works with.

    Attributes
    ----------
    exercise : course.units.Exercise
    checks : grader.declare.Checks
        The exercise's declaration.
    mistakes : dict
        ``{mistake id: Mistake}`` of the unit.
    submission : grader.sandbox.client.Submission
        Calls the student's functions in the sandbox.
    public : grader.sources.PublicData
    hidden : grader.sources.HiddenData or None
        Only in hidden mode (instructors).
    rng : numpy.random.Generator or None
        The check's private generator for hidden cases.
    arg_names : tuple of str
    """

    exercise: object
    checks: object
    mistakes: dict
    submission: object
    public: object
    hidden: object = None
    rng: object = None
    arg_names: tuple = field(default_factory=tuple)


def declarations(unit_id):
    """``(checks by exercise name, mistakes by id)`` from ``course/<unit>/grading/``."""
    grading = importlib.import_module(f"course.{unit_id}.grading")
    checks = {c.name: c for c in grading.checks.CHECKS}
    return checks, dict(grading.mistakes.MISTAKES)


def plan(unit_id, exercises, hidden=False):
    """The checks of a run, in running order (course order; public before hidden).

    Parameters
    ----------
    unit_id : str
    exercises : sequence of course.units.Exercise
    hidden : bool

    Returns
    -------
    list of PlannedCheck
    """
    checks, _ = declarations(unit_id)
    planned = []
    for ex in exercises:
        decl = checks[ex.name]
        for visibility in ("public", "hidden") if hidden else ("public",):
            kinds = PUBLIC_KINDS if visibility == "public" else HIDDEN_KINDS
            for kind in kinds:
                if kind not in decl.kinds(visibility):
                    continue
                planned.append(PlannedCheck(
                    id=f"{ex.id}/{visibility}/{kind}",
                    exercise=ex,
                    visibility=visibility,
                    kind=kind,
                    points=float(decl.points.of(visibility, kind)),
                    title=Message(TITLES[(visibility, kind)]),
                ))
    return planned


def hidden_count(unit_id, exercises):
    """How many hidden checks ``exercises`` have (known to students from the declarations)."""
    checks, _ = declarations(unit_id)
    return sum(len(checks[ex.name].kinds("hidden")) for ex in exercises)


def unit_of(exercises):
    """The one unit all ``exercises`` belong to."""
    units = {ex.unit for ex in exercises}
    if len(units) != 1:
        raise ValueError(f"exercises of several units: {sorted(units)}")
    return get_unit(units.pop())
