"""The ``@check`` decorator: how check modules declare what they grade.

مُزخرِف ``@check``: به تُعلِن وحدات الفحص عمّا تُقيِّمه.

A check module ``grader/<visibility>/<unit>/check_<exercise>.py`` defines functions such as::

    @check("linear_forward", points=2, visibility="public", title=N_("Z has the right shape"))
    def check_shape(submission):
        out = submission.call("linear_forward", A, W, b)
        ...

Decorating registers a :class:`CheckSpec` (read by the engine's discovery before anything runs)
and marks the function so the engine's pytest plugin collects it whatever its name.
"""

from dataclasses import dataclass, field

from course.catalog import EXERCISES

from .feedback import Message, as_message

VISIBILITIES = ("public", "hidden")
_EXERCISE_IDS = frozenset(ex.id for ex in EXERCISES)

# module name -> list of CheckSpec, in definition order.
_REGISTRY = {}

MARK = "__amiq_check__"


@dataclass(frozen=True)
class CheckSpec:
    """One registered check.

    Attributes
    ----------
    exercise : str
        The exercise id it grades.
    points : float
        Points awarded when it passes (all or nothing).
    visibility : {"public", "hidden"}
    title : Message
        What it verifies, shown in reports.
    module : str
        The defining module's name.
    name : str
        The function name.
    function : callable
        The check itself (takes the ``submission`` fixture and optionally ``rng``).
    """

    exercise: str
    points: float
    visibility: str
    title: Message
    module: str
    name: str
    function: object = field(repr=False, compare=False)

    @property
    def id(self):
        """Stable id, e.g. ``"linear_forward/public/check_shape"``."""
        return f"{self.exercise}/{self.visibility}/{self.name}"


def check(exercise, *, points, visibility, title):
    """Register a check function for ``exercise``.

    Parameters
    ----------
    exercise : str
        An exercise id from ``course.catalog`` (unknown ids raise ``ValueError``; a check for
        a later unit may pass any id of the form ``unit:id``).
    points : int or float
        Non-negative points for passing.
    visibility : {"public", "hidden"}
    title : Message or str
        A msgid (marked with ``N_``) or a :class:`Message`.

    Returns
    -------
    callable
        A decorator returning the function unchanged apart from the registration mark.
    """
    if exercise not in _EXERCISE_IDS and ":" not in exercise:
        raise ValueError(f"unknown exercise id {exercise!r} in @check")
    if visibility not in VISIBILITIES:
        raise ValueError(f"visibility must be 'public' or 'hidden', got {visibility!r}")
    if not isinstance(points, (int, float)) or isinstance(points, bool) or points < 0:
        raise ValueError(f"points must be a non-negative number, got {points!r}")
    title = as_message(title)

    def decorate(function):
        spec = CheckSpec(
            exercise=exercise,
            points=float(points),
            visibility=visibility,
            title=title,
            module=function.__module__,
            name=function.__name__,
            function=function,
        )
        specs = _REGISTRY.setdefault(function.__module__, [])
        # Re-importing a module (e.g. reloading) replaces, never duplicates, its checks.
        specs[:] = [s for s in specs if s.name != spec.name] + [spec]
        setattr(function, MARK, spec)
        return function

    return decorate


def registered(module_name):
    """The :class:`CheckSpec` list a module registered (empty if none)."""
    return list(_REGISTRY.get(module_name, ()))


def spec_of(function):
    """The :class:`CheckSpec` of a decorated function, else ``None``."""
    return getattr(function, MARK, None)
