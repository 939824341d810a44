"""Grade the learning-rate lab: the student's recorded choice against a sweep of the reference.

تصحيح مختبر معدّل التعلّم: اختيار الطالب المسجَّل مقابل مسحٍ بالشبكات المرجعية.

The unit declares the lab (:class:`grader.declare.LearningRateLab` in
``course/<unit>/grading/lab.py``); the student records a choice in
``course/<unit>/lab_choice.toml`` (:mod:`course.lab_choice`). Grading::

    from grader.lab import grade_lab
    result = grade_lab("c1w4")                 # reads course/c1w4/lab_choice.toml
    result.status, result.score                # "passed", 10.0

Trust model. The exercise graders (:mod:`grader.runner`) run student code in a sandbox and
judge the values it returns in the grader's own process. Here there is no student code to run:
the only thing taken from the student is the number in the choice file, checked against the
offered rates. The grader reruns the lab's sweep itself, in its own process, on the course's data,
with the reference networks on the fast engine (:mod:`course.train.fast`, one BLAS thread per
setting), so no final cost comes from the student: curves or costs written into the file, or
produced by wrong or doctored functions in the notebook, play no part. ``grader.check("c1w4.lab")``
in a notebook runs this in the student's kernel and is feedback only; the mark is what
``amiq grade lab`` gives where the grader runs. The choice passes when it is one of the offered rates and its final cost is at most
``1 + margin`` times the lowest final cost among the settings that did not diverge
(:meth:`course.train.sweep.SweepResult.near_best`).

Statuses (all-or-nothing points):

* ``passed``; ``failed``: an offered rate outside the margin (too small: slow; too large:
  oscillating or diverging);
* ``missing``: no choice file; ``unreadable``: a file that cannot be used; ``not_offered``: a
  rate the sweep did not try;
* ``pending``: a usable choice, but no reference here (a student bundle has no fast engine): it
  is graded when submitted. The bundle does not fall back on the student's own functions: a
  wrong implementation would give wrong curves, and a pass that the real grading then takes
  back.
"""

import importlib
from dataclasses import dataclass, field

from course.i18n import LocalizedError, N_, _, isolate

from .declare import LearningRateLab
from .feedback import LocalizedText, Message, Plural

STATUSES = ("passed", "failed", "missing", "unreadable", "not_offered", "pending")
STATUS_LABELS = {
    "passed": N_("passed"),
    "failed": N_("failed"),
    "missing": N_("no choice yet"),
    "unreadable": N_("the file cannot be read"),
    "not_offered": N_("not an offered setting"),
    "pending": N_("graded when submitted"),
}
LAB_MODULE = "lab"


class LabError(LocalizedError, LookupError):
    """The lab cannot be graded here: an unknown lab, or no data for the reference sweep."""


class ReferenceMissing(LocalizedError, LookupError):
    """The reference networks (the fast engine) are not installed: a student bundle."""


# --------------------------------------------------------------------------------------------
# Finding the lab
# --------------------------------------------------------------------------------------------


def load_lab(unit_id):
    """The unit's lab declaration, or None when the unit has none.

    Raises
    ------
    course.units.UnitError
        An unknown unit.
    """
    from course.units import get_unit

    get_unit(unit_id)
    name = f"course.{unit_id}.grading.{LAB_MODULE}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is None or not (name == exc.name or name.startswith(exc.name + ".")):
            raise
        return None
    return module.LAB


def lab_units():
    """Ids of the installed units that have a learning-rate lab, in course order."""
    from course.units import all_units

    return [unit_id for unit_id in all_units() if load_lab(unit_id) is not None]


def _no_lab(unit_id):
    return LabError(lambda: _("Unit {unit} has no learning-rate lab. Units with one: "
                              "{units}.").format(unit=isolate(unit_id),
                                                 units=isolate(", ".join(lab_units()) or "-")))


def lab_unit_of(item_id):
    """The unit whose lab ``item_id`` names (``"c1w4.lab"``, or ``"lab"`` alone), else None.

    A bare ``"lab"`` names the only unit with a lab.

    Raises
    ------
    LabError
        ``"<unit>.lab"`` for a unit without a lab, or a bare ``"lab"`` with several labs.
    """
    text = str(item_id).strip()
    unit_id, dot, name = text.rpartition(".")
    if name != LearningRateLab.ID:
        return None
    if dot:
        from course.units import UnitError

        try:
            if load_lab(unit_id) is not None:
                return unit_id
        except UnitError:
            pass
        raise _no_lab(unit_id)
    units = lab_units()
    if len(units) == 1:
        return units[0]
    raise LabError(lambda: _("Several units have a learning-rate lab ({units}): name one, such as "
                             "{example}.").format(units=isolate(", ".join(units) or "-"),
                                                  example=isolate("c1w4.lab")))


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass
class SettingOutcome:
    """One setting of the reference sweep, as the feedback shows it.

    Attributes
    ----------
    learning_rate : float
    final_cost : float
        ``nan`` when the cost stopped being a number.
    diverged : bool
    finding : str
        The sweep's finding kind (``ok``, ``unsteady``, ``one-class``, ``rising``,
        ``non-finite``).
    within_margin : bool
    """

    learning_rate: float
    final_cost: float
    diverged: bool
    finding: str
    within_margin: bool


@dataclass
class LabResult:
    """The grading of one choice file.

    Attributes
    ----------
    lab : grader.declare.LearningRateLab
    status : str
        One of :data:`STATUSES`.
    choice : float or None
        The recorded learning rate (None when missing or unreadable).
    path : pathlib.Path or None
        The choice file.
    message : grader.feedback.Message
        What happened, in one or two sentences.
    advice : grader.feedback.Message or None
        What to look for (failed choices).
    settings : list of SettingOutcome
        The reference sweep (empty when it did not run).
    seconds : float
        Wall time of the reference sweep.
    """

    lab: object
    status: str
    choice: object = None
    path: object = None
    message: Message = None
    advice: Message = None
    settings: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def max_score(self):
        return float(self.lab.points)

    @property
    def score(self):
        return self.max_score if self.status == "passed" else 0.0

    @property
    def passed(self):
        return self.status == "passed"

    @property
    def best(self):
        """The reference setting with the lowest final cost that did not diverge (or None)."""
        usable = [s for s in self.settings if not s.diverged]
        return min(usable, key=lambda s: s.final_cost) if usable else None

    def __repr__(self):
        # Short: grader.check("c1w4.lab") returns it, and a notebook cell echoes it.
        return f"<LabResult {self.lab.id} {self.status} {self.score:g}/{self.max_score:g}>"


# --------------------------------------------------------------------------------------------
# Judging
# --------------------------------------------------------------------------------------------


def outcomes(lab, sweep):
    """The reference sweep's settings as :class:`SettingOutcome` (margin judged per setting).

    Parameters
    ----------
    lab : grader.declare.LearningRateLab
    sweep : course.train.sweep.SweepResult

    Raises
    ------
    LabError
        Every setting diverged: the lab's declaration is unusable.
    """
    near = {s.learning_rate for s in sweep.near_best(lab.margin)}
    if not near:
        raise LabError(lambda: _("Every setting of the lab of unit {unit} diverged, so no choice "
                                 "can be judged; the lab's settings need fixing.").format(
            unit=isolate(lab.unit)))
    return [SettingOutcome(s.learning_rate, s.final_cost, s.finding.diverged, s.finding.kind,
                           s.learning_rate in near) for s in sweep.settings]


def _percent(margin):
    return f"{100 * margin:g} %"


def _cost(value):
    return f"{value:.4f}" if value == value else "nan"


def judge(lab, rate, settings):
    """Judge an offered ``rate`` against the reference settings.

    Parameters
    ----------
    lab : grader.declare.LearningRateLab
    rate : float
        One of ``lab.rates``.
    settings : list of SettingOutcome
        From :func:`outcomes`.

    Returns
    -------
    (str, Message, Message or None)
        The status (``passed`` or ``failed``), what happened, and advice for a failed choice.
    """
    chosen = next(s for s in settings if s.learning_rate == rate)
    best = min((s for s in settings if not s.diverged), key=lambda s: s.final_cost)
    near = ", ".join(f"{s.learning_rate:g}" for s in settings if s.within_margin)
    facts = dict(rate=f"{rate:g}", cost=_cost(chosen.final_cost),
                 best_rate=f"{best.learning_rate:g}", best_cost=_cost(best.final_cost),
                 margin=_percent(lab.margin), near=near)
    if chosen.within_margin:
        return "passed", Plural(
            "Your choice, learning rate {rate}, ends at a cost of {cost} after {count} "
            "iteration, within {margin} of the lowest final cost ({best_cost}, with {best_rate}).",
            "Your choice, learning rate {rate}, ends at a cost of {cost} after {count} "
            "iterations, within {margin} of the lowest final cost ({best_cost}, with "
            "{best_rate}).", lab.iterations, count=lab.iterations, **facts), None
    if chosen.diverged:
        happened = Message(N_(
            "Your choice, learning rate {rate}, makes the cost diverge (it ends higher than it "
            "started, or stops being a number). Settings within {margin} of the lowest final "
            "cost ({best_cost}, with {best_rate}): {near}."), **facts)
    else:
        happened = Plural(
            "Your choice, learning rate {rate}, ends at a cost of {cost} after {count} "
            "iteration, more than {margin} above the lowest final cost ({best_cost}, with "
            "{best_rate}). Settings within {margin} of it: {near}.",
            "Your choice, learning rate {rate}, ends at a cost of {cost} after {count} "
            "iterations, more than {margin} above the lowest final cost ({best_cost}, with "
            "{best_rate}). Settings within {margin} of it: {near}.",
            lab.iterations, count=lab.iterations, **facts)
    if rate < best.learning_rate:
        advice = Message(N_("This rate is too small: the cost falls steadily but slowly, and is "
                            "still high when the iterations run out. Look for the curve that "
                            "ends lowest."))
    else:
        advice = Message(N_("This rate is too large: the steps overshoot, so the cost jumps up "
                            "and down, or grows, instead of settling. Look for the curve that "
                            "ends lowest without jumping about at the end."))
    return "failed", happened, advice


# --------------------------------------------------------------------------------------------
# The reference sweep
# --------------------------------------------------------------------------------------------


def reference_sweep(lab, data_dir=None, jobs=None):
    """Run the lab's sweep with the reference networks on the course's data.

    Parameters
    ----------
    lab : grader.declare.LearningRateLab
    data_dir : str or os.PathLike, optional
        Default ``$AMIQ_DATA_DIR``, else ``datasets/catvnoncat``.
    jobs : int, optional
        Worker processes (default: all cores).

    Returns
    -------
    course.train.sweep.SweepResult

    Raises
    ------
    ReferenceMissing
        No fast engine here (a student bundle).
    LabError
        The data cannot be loaded (its message says how to get it).
    """
    import warnings

    from course.data import DataError, load_data, preprocess
    from course.train.engines import fast_available
    from course.train.sweep import run_sweep

    if not fast_available():
        raise ReferenceMissing(lambda: _(
            "The reference networks are not installed here (a student bundle has none): the lab "
            "is graded when you submit it, by running the same sweep with them."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            train_x_orig, train_y, _test_x, _test_y, _classes = load_data(data_dir)
    except DataError as exc:
        raise LabError(lambda exc=exc: _("The lab cannot be graded without the course's data: "
                                         "{reason}").format(reason=exc.render())) from None
    return run_sweep(preprocess(train_x_orig), train_y, None, None, lab.rates,
                     iterations=lab.iterations, model=lab.model, layers=lab.layers,
                     engine="fast", jobs=jobs, show_bar=False)


# --------------------------------------------------------------------------------------------
# Grading
# --------------------------------------------------------------------------------------------


def _choice_message(error):
    return LocalizedText(error.render) if error.render else Message(str(error))


def read_result(lab, path):
    """Read the choice file: ``(rate, None)``, or ``(None, LabResult)`` when it cannot count.

    The result then has status ``missing``, ``unreadable`` or ``not_offered``.
    """
    from course.lab_choice import ChoiceError, ChoiceMissing, rates_text, read_choice

    try:
        choice = read_choice(path)
    except ChoiceMissing as exc:
        return None, LabResult(lab, "missing", path=path, message=_choice_message(exc))
    except ChoiceError as exc:
        return None, LabResult(lab, "unreadable", path=path, message=_choice_message(exc))
    if choice.unit != lab.unit:
        return None, LabResult(lab, "unreadable", path=path, message=Message(N_(
            "{path} holds the choice for unit {found}, not for unit {unit}."),
            path=str(path), found=choice.unit[:40], unit=lab.unit))
    offered = lab.offered(choice.learning_rate)
    if offered is None:
        return None, LabResult(lab, "not_offered", choice=choice.learning_rate, path=path,
                               message=Message(N_(
                                   "Your choice, learning rate {rate}, is not one of the "
                                   "settings the sweep tried: choose one of {rates}."),
                                   rate=f"{choice.learning_rate:g}",
                                   rates=rates_text(lab.rates)))
    return offered, None


def grade_lab(unit_id, path=None, data_dir=None, sweep=None, jobs=None):
    """Grade a unit's lab choice.

    Parameters
    ----------
    unit_id : str
    path : str or os.PathLike, optional
        The choice file (default ``course/<unit>/lab_choice.toml``).
    data_dir : str or os.PathLike, optional
        The course's data for the reference sweep.
    sweep : course.train.sweep.SweepResult, optional
        A reference sweep already run (class grading runs it once for every student).
    jobs : int, optional

    Returns
    -------
    LabResult

    Raises
    ------
    LabError
        The unit has no lab, or the reference sweep cannot run (no data).
    """
    from pathlib import Path

    from course.lab_choice import default_path

    lab = load_lab(unit_id)
    if lab is None:
        raise _no_lab(unit_id)
    path = Path(path) if path is not None else default_path(unit_id)
    rate, early = read_result(lab, path)
    if early is not None:
        return early
    if sweep is None:
        try:
            sweep = reference_sweep(lab, data_dir, jobs)
        except ReferenceMissing as exc:
            return LabResult(lab, "pending", choice=rate, path=path,
                             message=_choice_message(exc))
    settings = outcomes(lab, sweep)
    status, message, advice = judge(lab, rate, settings)
    return LabResult(lab, status, choice=rate, path=path, message=message, advice=advice,
                     settings=settings, seconds=sweep.seconds)

