"""The learning-rate lab's choice file students fill in: ``course/<unit>/lab_choice.toml``.

ملف اختيار معدّل التعلّم في المختبر: ``course/<unit>/lab_choice.toml``.

The notebook's ``save_choice(...)`` writes it (:mod:`course.notebook.lab_app`); a student may
also edit the number by hand, so it is TOML with comments, like the quiz's answers file::

    # Amiq: learning-rate lab of unit c1w4 ...
    [lab]
    unit = "c1w4"
    format = 1
    learning_rate = 0.0075

:mod:`grader.lab` reads it and judges the choice. An existing file is copied to
``.amiq-backups/`` before it is replaced.
"""

import math
from dataclasses import dataclass
from pathlib import Path

from course.answer_files import AnswerFileKind, parse_toml, read_text, write_with_backup
from course.i18n import LocalizedError, _, isolate, ngettext

FILENAME = "lab_choice.toml"
FORMAT = 1
MAX_BYTES = 100_000  # a choice file is a few hundred bytes; refuses to parse something else
# The examples in messages name a rate the lab offers (copying one must give a usable file), but
# not the one that passes: 0.0075, the course's default rate, is offered and falls outside the
# margin (tests/course/c1w4/grading/test_lab.py).
EXAMPLE_RATE = 0.0075
SAVE_EXAMPLE = f"save_choice(learning_rate={EXAMPLE_RATE})"
TOML_EXAMPLE = f"learning_rate = {EXAMPLE_RATE}"


class ChoiceError(LocalizedError, ValueError):
    """A choice file that cannot be used (bilingual message saying what was expected)."""


class ChoiceMissing(ChoiceError):
    """There is no choice file yet."""


@dataclass
class LabChoice:
    """A parsed choice file.

    Attributes
    ----------
    unit : str
    learning_rate : float
    path : pathlib.Path or None
    """

    unit: str
    learning_rate: float
    path: Path = None


def _missing(path):
    return ChoiceMissing(lambda: _(
        "There is no choice file at {path} yet. Run the sweep of the learning-rate lab in the "
        "notebook, then record your choice with {example}.").format(
        path=isolate(path), example=isolate(SAVE_EXAMPLE)))


# What reading a choice file says when it cannot (see :mod:`course.answer_files`).
CHOICE_FILE = AnswerFileKind(
    filename=FILENAME, max_bytes=MAX_BYTES, error=ChoiceError, missing=_missing,
    too_large=lambda path, limit: _(
        "{path} is too large for a choice file (more than {limit} bytes).").format(
        path=path, limit=limit),
    not_toml=lambda path, error: _(
        "{path} is not valid TOML ({error}). The choice is one line such as {example}, under "
        "{table}.").format(path=path, error=error, example=isolate(TOML_EXAMPLE),
                           table=isolate("[lab]")))


def default_path(unit_id):
    """``course/<unit>/lab_choice.toml`` of the installed unit."""
    from course.units import unit_dir

    return unit_dir(unit_id) / FILENAME


def rate_text(rate):
    """A learning rate as a short decimal (``0.0075``), the way the settings are shown."""
    return f"{rate:g}"


def rates_text(rates):
    """The offered rates for messages: ``"0.001, 0.0075, 0.03, 0.1"``."""
    return ", ".join(rate_text(r) for r in rates)


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def choice_text(lab, learning_rate):
    """The choice file for ``learning_rate``, its comments in the current language.

    Parameters
    ----------
    lab : grader.declare.LearningRateLab
    learning_rate : float
        One of ``lab.rates``.

    Returns
    -------
    str
    """
    comments = [
        _("Amiq: learning-rate lab of unit {unit}.").format(unit=lab.unit),
        ngettext("Your choice of learning rate, one of the settings the sweep offers: {rates} "
                 "(the {model} model, {count} iteration each).",
                 "Your choice of learning rate, one of the settings the sweep offers: {rates} "
                 "(the {model} model, {count} iterations each).", lab.iterations).format(
            rates=rates_text(lab.rates), model=lab.model, count=lab.iterations),
        _("Change the number on the learning_rate line, or run save_choice(...) again in the "
          "notebook. Check the file with: amiq grade lab"),
    ]
    lines = [f"# {line}" for line in comments]
    lines += ["", "[lab]", f'unit = "{lab.unit}"', f"format = {FORMAT}",
              f"learning_rate = {learning_rate!r}"]
    return "\n".join(lines) + "\n"


# An existing file is first copied to ``.amiq-backups/`` (see :mod:`course.answer_files`).
write_choice = write_with_backup


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def read_choice(path):
    """Read and check a choice file.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    LabChoice

    Raises
    ------
    ChoiceMissing
        No file at ``path``.
    ChoiceError
        Unreadable, too large, not UTF-8, not TOML, or without a usable ``[lab]`` table.
    """
    path = Path(path)
    choice = parse_choice(read_text(path, CHOICE_FILE), path)
    choice.path = path
    return choice


def parse_choice(text, path=None):
    """Parse the text of a choice file (see :func:`read_choice`)."""
    # isolated inside each message: isolate() depends on the language it is rendered in
    where = path if path is not None else FILENAME
    data = parse_toml(text, path, CHOICE_FILE)
    lab = data.get("lab")
    if not isinstance(lab, dict) or not isinstance(lab.get("unit"), str):
        raise ChoiceError(lambda: _(
            "{path} has no {table} table naming the unit, such as {example}: record your "
            "choice again with {save}.").format(path=isolate(where), table=isolate("[lab]"),
                                               example=isolate('unit = "c1w4"'),
                                               save=isolate(SAVE_EXAMPLE)))
    rate = lab.get("learning_rate")
    if rate is None or rate == "":
        raise ChoiceError(lambda: _(
            "{path} holds no learning rate: write one of the offered rates as a number, such as "
            "{example}.").format(path=isolate(where), example=isolate(TOML_EXAMPLE)))
    if isinstance(rate, bool) or not isinstance(rate, (int, float)):
        raise ChoiceError(lambda: _(
            "The learning rate in {path} must be a number without quotes, such as {example}; "
            "got {value}.").format(path=isolate(where), example=isolate(TOML_EXAMPLE),
                                   value=isolate(repr(rate)[:40])))
    try:
        usable = math.isfinite(rate) and rate > 0
    except OverflowError:  # an int too large for a float: no offered rate
        usable = False
    if not usable:
        raise ChoiceError(lambda: _(
            "The learning rate in {path} must be a positive number; got {value}.").format(
            path=isolate(where), value=isolate(repr(rate)[:40])))
    return LabChoice(unit=lab["unit"], learning_rate=float(rate), path=path)
