"""The learning-rate lab's notebook cells: run the sweep with your functions, record your choice.

خلايا مختبر معدّل التعلّم في الدفتر: تشغيل المسح بدوالك، وتسجيل اختيارك.

The lab's settings (rates, iterations, model) come from the unit's declaration
(``course/<unit>/grading/lab.py``), so the notebook runs exactly the sweep the grader reruns with
the reference networks (:mod:`grader.lab`). As in :mod:`course.notebook.cat_app`, nothing here
raises on unwritten code or bad input: a message says what to do and the function returns None.
"""

import sys
from functools import partial

from course.i18n import _, isolate, ngettext

from .display import show_png
from .session import not_attempted_message, say

DEFAULT_UNIT = "c1w4"


def _lab(unit):
    from grader.lab import load_lab

    return load_lab(unit)


def _shown(path):
    """``path`` relative to the project folder when it is inside it (the notebook's folder is
    ``course/<unit>/notebooks``, so a relative path from there would read oddly)."""
    from pathlib import Path

    from course.project import project_root

    root = project_root()
    try:
        return Path(path).resolve().relative_to(root.resolve()) if root else Path(path)
    except ValueError:
        return Path(path)


def _draw(result, path):
    from course.plots import save_figure, sweep_figure

    figure = sweep_figure(result.figure_data(),
                          title=f"Learning-rate lab: {result.model} model, "
                                f"{result.iterations} iterations")
    save_figure(figure, [path])


def _table_lines(result):
    """Each setting's final cost and finding, one line per setting, in the current language."""
    lines = []
    for row in result.table():
        cost = "nan" if row["final_cost"] is None else f"{row['final_cost']:.4f}"
        lines.append(_("learning rate {rate}: final cost {cost}; {finding}").format(
            rate=isolate(f"{row['learning_rate']:g}"), cost=isolate(cost),
            finding=row["finding"]))
    return lines


def run_lab(data, unit=DEFAULT_UNIT, jobs=None):
    """Train the lab's model once per offered rate with the student's functions; show the curves.

    Parameters
    ----------
    data : course.notebook.cat_app.CatData
    unit : str
        The unit whose lab declaration gives the settings.
    jobs : int, optional
        Worker processes (default: all cores, at most one per rate).

    Returns
    -------
    course.train.sweep.SweepResult or None
        None when a function the model needs is not written yet, or the code fails (what to do
        is printed).
    """
    from course.train import NotAttemptedError
    from course.train.sweep import SweepError, run_sweep

    lab = _lab(unit)
    say(ngettext("Training the {model} model with your functions, {count} iteration for each "
                 "learning rate: {rates}.",
                 "Training the {model} model with your functions, {count} iterations for each "
                 "learning rate: {rates}.", lab.iterations).format(
        model=isolate(lab.model), count=isolate(lab.iterations),
        rates=isolate(", ".join(f"{r:g}" for r in lab.rates))))
    if data.synthetic:
        say(_("These are the stand-in data: the curves are not the course's, but your choice is "
              "graded with the course's data."))
    try:
        result = run_sweep(data.train_x, data.train_y, data.test_x, data.test_y, lab.rates,
                           iterations=lab.iterations, model=lab.model, layers=lab.layers,
                           engine="student", jobs=jobs, show_bar=True, bar_file=sys.stderr)
    except NotAttemptedError as error:
        function = error.function or "two_layer_model"
        say(_("The sweep cannot run yet.") + " " +
            not_attempted_message(function, f"{unit}.{function}"))
        return None
    except SweepError as error:
        if error.details:
            print(error.details, file=sys.stderr)
        say(error.render() if error.render else str(error))
        return None
    show_png(partial(_draw, result), "lab.png")
    for line in _table_lines(result):
        say(line)
    say(_("The sweep took {seconds} s.").format(seconds=isolate(f"{result.seconds:.1f}")))
    return result


def save_choice(learning_rate=None, unit=DEFAULT_UNIT):
    """Record the chosen learning rate in ``course/<unit>/lab_choice.toml``.

    An existing file with another choice is first copied to ``.amiq-backups/``; the same choice
    again leaves the file as it is.

    Parameters
    ----------
    learning_rate : float
        One of the lab's offered rates.
    unit : str

    Returns
    -------
    pathlib.Path or None
        The file written (or already holding this choice); None when nothing was written (the
        reason is printed).
    """
    import math

    from course.lab_choice import (ChoiceError, choice_text, default_path, rates_text,
                                   read_choice, write_choice)
    from course.project import project_root

    lab = _lab(unit)
    offered = rates_text(lab.rates)
    if learning_rate is None:
        say(_("Give the learning rate you choose, one of {rates}, and run the cell again.")
            .format(rates=isolate(offered)))
        return None
    try:
        rate = float(learning_rate)
    except (TypeError, ValueError):
        rate = float("nan")
    if isinstance(learning_rate, bool) or not math.isfinite(rate):
        say(_("The learning rate must be a number, one of {rates}; got {value}.").format(
            rates=isolate(offered), value=isolate(repr(learning_rate)[:40])))
        return None
    chosen = lab.offered(rate)
    if chosen is None:
        say(_("{value} is not one of the learning rates the sweep tried: choose one of {rates}.")
            .format(value=isolate(f"{rate:g}"), rates=isolate(offered)))
        return None
    path = default_path(unit)
    try:
        previous = read_choice(path)
    except ChoiceError:
        previous = None
    if previous is not None and previous.unit == unit and previous.learning_rate == chosen:
        say(_("Your choice, learning rate {rate}, is already saved in {path}.").format(
            rate=isolate(f"{chosen:g}"), path=isolate(_shown(path))))
        return path
    root = project_root()
    inside = root is not None and path.resolve().is_relative_to(root.resolve())
    try:
        backup = write_choice(path, choice_text(lab, chosen),
                              backup_base=root if inside else path.parent)
    except OSError as exc:
        say(_("Cannot write {path}: {error}").format(path=isolate(_shown(path)),
                                                     error=isolate(exc)))
        return None
    say(_("Your choice, learning rate {rate}, is saved in {path}.").format(
        rate=isolate(f"{chosen:g}"), path=isolate(_shown(path))))
    if backup is not None:
        say(_("The previous file is kept in {backup}.").format(backup=isolate(_shown(backup))))
    say(_("Check it with the next cell, {check}.").format(
        check=isolate(f'grader.check("{lab.id}")')))
    return path
