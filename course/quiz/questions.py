"""The quiz's question model, and where a unit's questions are found.

نموذج أسئلة الاختبار القصير، ومكان أسئلة كل وحدة.

A unit's quiz is ``course/<unit>/quiz.py`` defining ``QUESTIONS``, a tuple of :class:`Question`
in the order they are asked. Prompts and options are English gettext msgids (Arabic in
``course/locale/ar/LC_MESSAGES/quiz.po``) with ``{placeholders}`` filled
from the question's variant (:mod:`course.quiz.variants`). Nothing here tells which option is
right or what a number should be: that is the unit's answer key in ``solutions/``.
"""

import importlib
from dataclasses import dataclass
from typing import Callable, Optional

from course.i18n import LocalizedError, _, isolate

KINDS = ("single", "multiple", "numeric", "shape")
CHOICE_KINDS = ("single", "multiple")
MODULE = "quiz"  # course/<unit>/quiz.py


class QuizError(LocalizedError, LookupError):
    """A unit without a quiz, or an unknown question (bilingual message)."""


@dataclass(frozen=True)
class Option:
    """One option of a choice question.

    Attributes
    ----------
    id : str
        A stable id naming the option's content (never its correctness), used in the key and in
        JSON results.
    text : str
        English msgid; may use the variant's ``{placeholders}``.
    """

    id: str
    text: str


@dataclass(frozen=True)
class Question:
    """One question of a unit's quiz.

    Attributes
    ----------
    id : str
        Stable id: the key of the answer in the answers file (a bare TOML key: letters, digits,
        ``_``).
    kind : {"single", "multiple", "numeric", "shape"}
        One option, every option that applies, a number, or an array shape ``(rows, columns)``.
    prompt : str
        English msgid with ``{placeholders}`` for the variant's parameters.
    options : tuple of Option
        The options of a choice question (shuffled per student); empty otherwise.
    draw : callable or None
        ``draw(rng) -> dict`` of parameters, ``rng`` a :class:`course.quiz.variants.VariantRandom`.
        ``None`` for a question without parameters.
    integer : bool
        A numeric answer is a whole number (the answer format says so).
    decimals : int or None
        For a numeric answer that is not whole: how many decimals to give at least.
    """

    id: str
    kind: str
    prompt: str
    options: tuple = ()
    draw: Optional[Callable] = None
    integer: bool = False
    decimals: Optional[int] = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"question {self.id}: kind must be one of {KINDS}, got {self.kind!r}")
        if not self.id.isidentifier() or not self.id.isascii():
            raise ValueError(f"question id {self.id!r} must be an ASCII identifier")
        ids = [o.id for o in self.options]
        if self.is_choice:
            if len(ids) < 2 or len(set(ids)) != len(ids):
                raise ValueError(f"question {self.id}: needs two or more options with unique ids")
        elif ids:
            raise ValueError(f"question {self.id}: only choice questions have options")
        if self.kind == "numeric" and self.integer == (self.decimals is not None):
            raise ValueError(f"question {self.id}: a numeric question is either integer or has "
                             "decimals")

    @property
    def is_choice(self):
        return self.kind in CHOICE_KINDS

    def option(self, option_id):
        """The :class:`Option` with this id."""
        return next(o for o in self.options if o.id == option_id)


def _quiz_module(unit_id):
    name = f"course.{unit_id}.{MODULE}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name in (name, f"course.{unit_id}"):
            return None
        raise


def has_quiz(unit_id):
    """Whether the unit has ``course/<unit>/quiz.py``."""
    return _quiz_module(unit_id) is not None


def quiz_units():
    """Ids of the installed units that have a quiz, in course order."""
    from course.units import all_units

    return [unit_id for unit_id in all_units() if has_quiz(unit_id)]


def questions(unit_id):
    """The unit's questions, in the order they are asked.

    Raises
    ------
    QuizError
        The unit has no quiz (the message names the units that have one).
    """
    module = _quiz_module(unit_id)
    if module is None:
        raise QuizError(
            lambda: _("Unit {unit} has no quiz. Units with a quiz: {units}.").format(
                unit=isolate(unit_id), units=isolate(", ".join(quiz_units()) or "-")))
    found = tuple(module.QUESTIONS)
    ids = [q.id for q in found]
    if len(set(ids)) != len(ids):
        raise ValueError(f"course/{unit_id}/quiz.py: question ids repeat")
    return found
