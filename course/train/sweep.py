"""A learning-rate sweep: one architecture trained once per rate, in parallel worker processes.

مسح معدّل التعلّم: تُدرَّب بنية واحدة مرةً لكل معدّل، في عمليات عاملة متوازية.

The empirical loop of the course's last lesson (choose a rate, train, plot the cost, compare)
as one function: :func:`run_sweep` takes the data and the rates and returns a
:class:`SweepResult` with each setting's costs, accuracies, time and *finding* (did the cost fall
steadily, rise now and then, end higher than it started, or stop being a number?), plus the
figure's data and the table. It writes no file (see :mod:`course.train.sweep_files`).

Divergence is a finding, never an error: a rate that makes the cost ``nan`` trains to the end
(numpy's overflow warnings are silenced) and is reported as diverged (see :class:`Finding`).

Every setting trains with one BLAS thread, in a worker or not, so a sweep's numbers do not
depend on ``jobs``: at large rates gradient descent on these networks is chaotic, and the
rounding differences of another thread count (a few units in the 16th digit) grow into a
different run. Parallelism comes from the worker processes instead.
"""

import concurrent.futures
import math
import multiprocessing
import os
import queue as queue_module
import signal
import time
import traceback
import warnings
from dataclasses import dataclass, field

import numpy as np

from course.i18n import LANGUAGES, _, current_language, in_language, isolate, ngettext

from .engines import ENGINES, fit, load_fast
from .impl import ImplementationError, NotAttemptedError
from .run import DEFAULT_ITERATIONS, DEFAULT_LAYERS, TrainingConfigError, accuracy, validate

DEFAULT_RATES = (0.001, 0.0075, 0.03, 0.1)
# A step up smaller than this (relative) is rounding, not a rise of the cost (a network whose
# cost has settled wobbles by about 1e-16).
RISE_TOLERANCE = 1e-9
# Workers report progress every this many iterations (fewer messages, same bar).
PROGRESS_EVERY = 25

OK, UNSTEADY, ONE_CLASS, RISING, NON_FINITE = "ok", "unsteady", "one-class", "rising", "non-finite"


class SweepError(ImplementationError):
    """A setting could not be trained (the student's code failed, say); message translated.

    Attributes
    ----------
    details : str or None
        The worker's traceback, for the student's own code.
    """

    def __init__(self, message, details=None):
        super().__init__(message)
        self.details = details


@dataclass
class Finding:
    """How one run went, judged from its costs and its training-set predictions.

    Attributes
    ----------
    kind : {"ok", "unsteady", "one-class", "rising", "non-finite"}
        In order of precedence: ``non-finite``: the cost became ``nan`` or ``inf``;
        ``rising``: the last cost is above the first; ``one-class``: the network gives the same
        answer for every training image; ``unsteady``: the recorded cost (every 100 iterations,
        the curve the course plots) went up at least once; ``ok``: it fell at every record. The
        first two are divergence.
    iteration : int or None
        Where it first shows: the first non-finite cost, or the first rise.
    rises : int
        How many records were above the one before.
    """

    kind: str
    iteration: object = None
    rises: int = 0

    @property
    def diverged(self):
        """True for ``rising`` and ``non-finite``."""
        return self.kind in (RISING, NON_FINITE)

    def text(self):
        """One translated sentence for the table and the printed summary."""
        at = isolate(self.iteration)
        if self.kind == NON_FINITE:
            return _("diverged: the cost is not a number from iteration {iteration} on").format(
                iteration=at)
        if self.kind == RISING:
            return _("diverged: the cost ended higher than it started (first rise at iteration "
                     "{iteration})").format(iteration=at)
        if self.kind == ONE_CLASS:
            return _("not learning (yet): the same prediction for every training image")
        if self.kind == UNSTEADY:
            return ngettext(
                "unsteady: the recorded cost went up {count} time (first at iteration "
                "{iteration})",
                "unsteady: the recorded cost went up {count} times (first at iteration "
                "{iteration})",
                self.rises).format(count=isolate(self.rises), iteration=at)
        return _("steady: the recorded cost fell every time")


def assess(costs, all_costs, train_predictions=None, every=100, tolerance=RISE_TOLERANCE):
    """Classify a run (see :class:`Finding` for the kinds and their order).

    Parameters
    ----------
    costs : sequence of float
        The recorded costs, one every ``every`` iterations from iteration 0.
    all_costs : sequence of float, length T
        The cost of every iteration (for the non-finite and rising checks).
    train_predictions : numpy.ndarray, shape (1, m), optional
    every : int
    tolerance : float
        Relative size below which a step up is rounding, not a rise.

    Returns
    -------
    Finding

    Notes
    -----
    Rises are counted on the recorded curve, not iteration by iteration: the cat networks'
    cost goes up at a third or more of single iterations even at the course's own rate, so a
    count over every iteration would call every run unsteady.
    """
    every_cost = np.asarray(all_costs, dtype=np.float64)
    bad = ~np.isfinite(every_cost)
    if bad.any():
        return Finding(NON_FINITE, iteration=int(np.argmax(bad)))
    recorded = np.asarray(costs, dtype=np.float64)
    ups = np.flatnonzero(recorded[1:] > recorded[:-1] * (1 + tolerance)) + 1
    if every_cost[-1] > every_cost[0] * (1 + tolerance):
        later = np.flatnonzero(every_cost[1:] > every_cost[:-1] * (1 + tolerance)) + 1
        return Finding(RISING, iteration=int(later[0]), rises=len(ups))
    if train_predictions is not None and len(np.unique(np.asarray(train_predictions))) == 1:
        return Finding(ONE_CLASS, rises=len(ups))
    if len(ups):
        return Finding(UNSTEADY, iteration=int(ups[0]) * every, rises=len(ups))
    return Finding(OK)


@dataclass
class SettingResult:
    """One trained setting of a sweep.

    Attributes
    ----------
    learning_rate : float
    costs : list of float
        The course's record (iterations 0, 100, 200, ...).
    all_costs : list of float
        The cost of every iteration.
    train_accuracy : float
    test_accuracy : float or None
        ``None`` when the sweep had no test set.
    seconds : float
        Wall time of the training loop.
    method : str or None
        The fast engine's first-layer method.
    finding : Finding
    """

    learning_rate: float
    costs: list
    all_costs: list = field(repr=False)
    train_accuracy: float
    test_accuracy: float
    seconds: float
    method: object
    finding: Finding

    @property
    def first_cost(self):
        return self.all_costs[0]

    @property
    def final_cost(self):
        return self.all_costs[-1]

    @property
    def label(self):
        """The figure's legend entry (English, like all figure text; see :mod:`course.plots`)."""
        text = f"learning rate = {self.learning_rate:g}"
        return text + " (diverged)" if self.finding.diverged else text


@dataclass
class SweepResult:
    """Every setting of one sweep, in the order the rates were given.

    Attributes
    ----------
    model : str
    layers : tuple of int
    iterations : int
    engine : str
    settings : list of SettingResult
    jobs : int
        Worker processes used (1: trained in this process).
    seconds : float
        Wall time of the whole sweep.
    """

    model: str
    layers: tuple
    iterations: int
    engine: str
    settings: list
    jobs: int
    seconds: float

    def best(self):
        """The setting with the lowest final cost among those that did not diverge (or None)."""
        usable = [s for s in self.settings if not s.finding.diverged]
        return min(usable, key=lambda s: s.final_cost) if usable else None

    def near_best(self, margin):
        """Settings whose final cost is at most ``(1 + margin)`` times the best one's.

        Parameters
        ----------
        margin : float
            Relative margin, e.g. ``0.1`` for within 10 %.

        Returns
        -------
        list of SettingResult
            Empty when every setting diverged.
        """
        best = self.best()
        if best is None:
            return []
        return [s for s in self.settings if not s.finding.diverged
                and s.final_cost <= best.final_cost * (1 + margin)]

    def plot_step(self):
        """Iterations between two plotted points: 100 (the course's record) for runs of 2500 or
        more, fewer for short runs so they still show about 25 points."""
        return max(1, min(100, self.iterations // 25))

    def figure_data(self, step=None):
        """The cost curves to draw, one point every ``step`` iterations and at the last one.

        Parameters
        ----------
        step : int, optional
            Default :meth:`plot_step`.

        Returns
        -------
        list of dict
            One per setting: ``label`` (str), ``iterations`` (numpy.ndarray of int, shape (k,)),
            ``costs`` (numpy.ndarray, shape (k,), non-finite costs as ``nan`` so the line
            stops), ``diverged`` (bool). The input of :func:`course.plots.sweep_figure`.
        """
        step = step or self.plot_step()
        curves = []
        for s in self.settings:
            costs = np.asarray(s.all_costs, dtype=np.float64)
            x = np.arange(0, len(costs), step)
            if len(costs) and x[-1] != len(costs) - 1:
                x = np.append(x, len(costs) - 1)
            y = costs[x]
            curves.append({"label": s.label, "iterations": x,
                           "costs": np.where(np.isfinite(y), y, np.nan),
                           "diverged": s.finding.diverged})
        return curves

    def table(self):
        """One row per setting, numbers as numbers and the finding in the current language.

        Returns
        -------
        list of dict
            Keys :data:`TABLE_COLUMNS`: ``learning_rate``, ``final_cost`` (``None`` when not
            finite), ``train_accuracy``, ``test_accuracy``, ``seconds``, ``diverged``,
            ``finding``.
        """
        rows = []
        for s in self.settings:
            rows.append({
                "learning_rate": s.learning_rate,
                "final_cost": s.final_cost if math.isfinite(s.final_cost) else None,
                "train_accuracy": s.train_accuracy,
                "test_accuracy": s.test_accuracy,
                "seconds": s.seconds,
                "diverged": s.finding.diverged,
                "finding": s.finding.text(),
            })
        return rows


TABLE_COLUMNS = ("learning_rate", "final_cost", "train_accuracy", "test_accuracy", "seconds",
                 "diverged", "finding")


def column_headers():
    """The table's column titles in the current language, by key of :data:`TABLE_COLUMNS`."""
    return {
        "learning_rate": _("learning rate"),
        "final_cost": _("final cost"),
        "train_accuracy": _("train accuracy"),
        "test_accuracy": _("test accuracy"),
        "seconds": _("time (s)"),
        "diverged": _("diverged"),
        "finding": _("finding"),
    }


def validate_rates(rates):
    """Check the learning rates of a sweep.

    Parameters
    ----------
    rates : sequence of float

    Returns
    -------
    tuple of float

    Raises
    ------
    TrainingConfigError
        No rate, a rate that is not a positive finite number, or a rate given twice.
    """
    rates = tuple(rates)
    if not rates:
        raise TrainingConfigError(lambda: _("Give at least one learning rate, such as {example}.")
                                  .format(example=isolate("--lr 0.001 0.0075 0.03 0.1")))
    seen = set()
    for rate in rates:
        try:
            value = float(rate)
        except (TypeError, ValueError):
            value = float("nan")
        if not (math.isfinite(value) and value > 0):
            raise TrainingConfigError(
                lambda rate=rate: _("Every learning rate must be a positive number; got {value}.")
                .format(value=isolate(rate)))
        if value in seen:
            raise TrainingConfigError(
                lambda rate=rate: _("The learning rate {value} is given twice; give each rate "
                                    "once.").format(value=isolate(rate)))
        seen.add(value)
    return tuple(float(r) for r in rates)


def default_jobs():
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------------------------
# The worker side. Module-level state is set once per worker process by _init_worker.

_WORKER = {}


@dataclass
class _Failure:
    """A setting that failed in a worker, in a form that crosses process boundaries."""

    texts: dict
    function: object = None
    not_attempted: bool = False
    details: object = None

    def error(self):
        def message():
            return self.texts.get(current_language(), self.texts["en"])

        if self.not_attempted:
            return NotAttemptedError(message, self.function)
        return SweepError(message, self.details)


def _init_worker(data, progress_queue, in_child=False):
    from threadpoolctl import threadpool_limits

    if in_child:
        # Ctrl-C reaches the whole process group; the parent alone handles it (it stops the
        # workers), so no worker prints a traceback or moves on to its next setting.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.update(data=data, queue=progress_queue)
    # One BLAS thread per setting (see the module's notes); kept for the worker's lifetime.
    _WORKER["limits"] = threadpool_limits(limits=1)


def _report_progress(done):
    sink = _WORKER.get("queue")
    if sink is not None:
        sink.put(done)


def _train_setting(task):
    """Train one setting; return a :class:`SettingResult` or a :class:`_Failure`."""
    engine, model, layers, rate, iterations = task
    train_x, train_y, test_x, test_y = _WORKER["data"]
    pending = [0]

    def on_iteration(_cost):
        pending[0] += 1
        if pending[0] == PROGRESS_EVERY:
            _report_progress(pending[0])
            pending[0] = 0

    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            fitted = fit(engine, train_x, train_y, model, layers, rate, iterations,
                         print_cost=False, show_bar=False, on_iteration=on_iteration)
            train_pred = fitted.predict(train_x, train_y)
            test_pred = None if test_x is None else fitted.predict(test_x, test_y)
    except ImplementationError as exc:
        texts = {}
        for lang in LANGUAGES:
            with in_language(lang):
                texts[lang] = exc.render() if exc.render else str(exc)
        return _Failure(texts, getattr(exc, "function", None),
                        isinstance(exc, NotAttemptedError))
    except Exception:
        if engine != "student":
            raise
        details = traceback.format_exc()
        texts = {}
        for lang in LANGUAGES:
            with in_language(lang):
                texts[lang] = _("Your implementation raised the error above while training "
                                "with learning rate {rate}; fix it and check it with "
                                "{command}.").format(rate=isolate(rate),
                                                     command=isolate("amiq grade"))
        return _Failure(texts, details=details)
    finally:
        if pending[0]:
            _report_progress(pending[0])
    return SettingResult(
        learning_rate=rate, costs=list(fitted.costs), all_costs=list(fitted.all_costs),
        train_accuracy=accuracy(train_pred, train_y),
        test_accuracy=None if test_pred is None else accuracy(test_pred, test_y),
        seconds=fitted.seconds, method=fitted.method,
        finding=assess(fitted.costs, fitted.all_costs, train_pred))


# ---------------------------------------------------------------------------------------------
# The parent side.

def run_sweep(train_x, train_y, test_x, test_y, learning_rates=DEFAULT_RATES,
              iterations=DEFAULT_ITERATIONS, model="L-layer", layers=None, engine="fast",
              jobs=None, show_bar=None, bar_file=None):
    """Train one architecture once per learning rate and compare the runs.

    Parameters
    ----------
    train_x : numpy.ndarray, shape (n_x, m_train)
    train_y : numpy.ndarray, shape (1, m_train)
    test_x : numpy.ndarray, shape (n_x, m_test), or None
    test_y : numpy.ndarray, shape (1, m_test), or None
        ``None``: no test accuracy (``test_accuracy`` is ``None``).
    learning_rates : sequence of float
        One setting per rate, kept in this order.
    iterations : int
    model : {"two-layer", "L-layer"}
    layers : sequence of int, optional
        Default: the model's course layers.
    engine : {"fast", "reference", "student"}
    jobs : int, optional
        Worker processes (default: all cores, at most one per rate). ``1`` trains in this
        process.
    show_bar : bool or None
        A progress bar over all iterations of all settings; ``None``: only on a terminal.
    bar_file : file, default ``sys.stderr``

    Returns
    -------
    SweepResult

    Raises
    ------
    TrainingConfigError
        Bad rates, layers, iterations, engine or jobs.
    course.train.ImplementationError
        The engine cannot be imported; ``NotAttemptedError`` for unfinished student code;
        :class:`SweepError` (with the traceback in ``details``) when the student's code fails.
    """
    import sys

    from tqdm import tqdm

    rates = validate_rates(learning_rates)
    layers = tuple(DEFAULT_LAYERS.get(model, ()) if layers is None else layers)
    if engine not in ENGINES:
        raise TrainingConfigError(lambda: _("Unknown engine {name}: expected {choices}.").format(
            name=isolate(repr(engine)), choices=isolate(", ".join(ENGINES))))
    for rate in rates:
        validate(model, layers, rate, iterations, train_x.shape[0])
    if jobs is not None and (int(jobs) != jobs or jobs < 1):
        raise TrainingConfigError(
            lambda: _("The number of worker processes must be a positive integer; got {value}.")
            .format(value=isolate(jobs)))
    if engine == "fast":
        load_fast()  # a missing engine fails here, once, not in every worker
    jobs = min(int(jobs or default_jobs()), len(rates))
    data = tuple(None if a is None else np.asarray(a) for a in (train_x, train_y, test_x, test_y))
    tasks = [(engine, model, layers, rate, int(iterations)) for rate in rates]
    total = len(rates) * int(iterations)
    bar_options = dict(total=total, file=bar_file or sys.stderr, unit="it", desc=_("sweep"),
                       disable=None if show_bar is None else not show_bar, dynamic_ncols=True)
    start = time.perf_counter()
    if jobs == 1:
        with tqdm(**bar_options) as bar:
            outcomes = _run_here(tasks, data, bar)
    else:
        outcomes = _run_in_workers(tasks, data, jobs, lambda: tqdm(**bar_options))
    for outcome in outcomes:
        if isinstance(outcome, _Failure):
            raise outcome.error()
    return SweepResult(model=model, layers=layers, iterations=int(iterations), engine=engine,
                       settings=list(outcomes), jobs=jobs, seconds=time.perf_counter() - start)


class _BarQueue:
    """In-process stand-in for the workers' progress queue: moves the bar directly."""

    def __init__(self, bar):
        self.bar = bar

    def put(self, done):
        self.bar.update(done)


def _run_here(tasks, data, bar):
    _init_worker(data, _BarQueue(bar))
    try:
        outcomes = []
        for task in tasks:
            outcome = _train_setting(task)
            outcomes.append(outcome)
            if isinstance(outcome, _Failure):
                break
        return outcomes
    finally:
        _WORKER.pop("limits").restore_original_limits()
        _WORKER.clear()


def _start_method():
    # "fork" where there is one: the workers inherit the data instead of receiving a pickled
    # copy, start at once, and a script or notebook cell without a __main__ guard works
    # ("spawn" would re-run it in every worker). Elsewhere, the platform's default.
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else None


def _run_in_workers(tasks, data, jobs, make_bar):
    context = multiprocessing.get_context(_start_method())
    progress = context.Queue()
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker,
        initargs=(data, progress, True))
    try:
        futures = [pool.submit(_train_setting, task) for task in tasks]
        # The bar (and its monitor thread) only now: every worker has been started.
        with make_bar() as bar:
            pending = set(futures)
            while pending:
                done, pending = concurrent.futures.wait(pending, timeout=0.1)
                _drain(progress, bar)
                if any(isinstance(f.result(), _Failure) for f in done):
                    break
            _drain(progress, bar)
        if pending:
            _stop_workers(pool)  # a setting failed: the others are not worth waiting for
        return [f.result() for f in futures if f.done() and not f.cancelled()]
    except BaseException:
        # Ctrl-C (the workers ignore it) or an error: stop now, not after the running settings.
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _stop_workers(pool):
    """Cancel what has not started and end the worker processes at once."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    # Before 3.14 only the private process table reaches them; shutdown() empties it, so the
    # processes are taken first.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


def _drain(progress, bar):
    while True:
        try:
            bar.update(progress.get_nowait())
        except queue_module.Empty:
            return


def learning_rate_curves(train_x, train_y, rates=DEFAULT_RATES, model="two-layer",
                         iterations=DEFAULT_ITERATIONS, engine="fast", jobs=None, layers=None):
    """The learning-rate figure's data: the course's recorded costs of one model per rate.

    For scripts such as the docs' figure builder: one call, no files, no progress bar. Render
    the result with :func:`course.plots.sweep_figure` (via :meth:`SweepResult.figure_data`)
    or with the caller's own plotting.

    Parameters
    ----------
    train_x : numpy.ndarray, shape (n_x, m)
    train_y : numpy.ndarray, shape (1, m)
    rates : sequence of float
    model : {"two-layer", "L-layer"}
    iterations : int
    engine : {"fast", "reference", "student"}
    jobs : int, optional
    layers : sequence of int, optional
        Default: the model's course layers.

    Returns
    -------
    dict
        ``{rate: [cost at iteration 0, 100, 200, ...]}`` (floats; ``nan`` where not finite), in
        the order of ``rates``.
    """
    result = run_sweep(train_x, train_y, None, None, rates, iterations=iterations, model=model,
                       layers=layers, engine=engine, jobs=jobs, show_bar=False)
    return {s.learning_rate: list(s.costs) for s in result.settings}


__all__ = ["DEFAULT_RATES", "Finding", "SettingResult", "SweepError", "SweepResult",
           "TABLE_COLUMNS", "assess", "column_headers", "default_jobs", "learning_rate_curves",
           "run_sweep", "validate_rates"]
