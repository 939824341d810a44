"""Grade the end-of-week quiz: a student's answers against the unit's answer key.

تصحيح الاختبار القصير في نهاية الأسبوع: إجابات الطالب مقابل مفتاح الإجابات للوحدة.

The entry point for one student, also meant for class grading::

    from grader.quiz import grade_quiz
    result = grade_quiz({"notation": "b", "layer_count": 4}, "c1w4", "s2024017")
    result.score, result.max_score                  # 1.0, 13.0 (for example)
    [(q.question.id, q.points) for q in result.questions]

Each question's variant is recomputed from the student id (:mod:`course.quiz.variants`), never
read from the answers, so editing the numbers shown in the file changes nothing.

Points (every question is worth 1):

* single choice: 1 for the right option, else 0;
* multiple choice: ``max(0, (right options chosen - wrong options chosen) / right options)``.
  Every multiple-choice question has at least as many wrong options as right ones, so choosing
  every option scores 0, and each wrong choice cancels one right one;
* number: 1 when within the key's tolerance of the answer (whole numbers: exactly), else 0;
* shape: 1 for exactly ``(rows, columns)``, else 0 (a transposed shape is pointed out).

A blank answer scores 0 (``unanswered``); one that cannot be read scores 0 (``unreadable``) with
a message saying what was expected, and the other questions are still graded.

The key is ``solutions/<unit>/grading/quiz_key.py``: ``KEY = {question id: ChoiceKey |
NumberKey | ShapeKey}``. It ships only with the hidden checks, never to students, and its
explanations are translated in ``solutions/locale/`` for the same reason. Without it,
:func:`load_key` raises :class:`KeyMissing`.
"""

import importlib
import math
from dataclasses import dataclass, field
from typing import Callable

from course.i18n import LocalizedError, N_, _, isolate
from course.quiz import render
from course.quiz.answers import AnswerError, interpret
from course.quiz.questions import questions
from course.quiz.variants import normalise_student_id, variant

from .feedback import Message, sanitize

KEY_MODULE = "quiz_key"
STATUSES = ("correct", "partial", "wrong", "unanswered", "unreadable")
STATUS_LABELS = {
    "correct": N_("correct"),
    "partial": N_("partly correct"),
    "wrong": N_("wrong"),
    "unanswered": N_("not answered"),
    "unreadable": N_("cannot be read"),
}
POINTS_PER_QUESTION = 1.0


# --------------------------------------------------------------------------------------------
# The key's entries (used by solutions/<unit>/grading/quiz_key.py)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceKey:
    """The right option(s) of a single- or multiple-choice question.

    Attributes
    ----------
    correct : frozenset of str
        Option ids.
    explanation : str
        English msgid shown after grading; may use the variant's ``{placeholders}``.
    """

    correct: frozenset
    explanation: str

    def __post_init__(self):
        object.__setattr__(self, "correct", frozenset(self.correct))


@dataclass(frozen=True)
class NumberKey:
    """A numeric answer computed from the variant's parameters.

    Attributes
    ----------
    answer : callable
        ``answer(params) -> int or float``.
    explanation : str
        English msgid; may use the parameters and ``{answer}``.
    tolerance : float
        Largest accepted absolute difference (0: exactly; for whole numbers).
    """

    answer: Callable
    explanation: str
    tolerance: float = 0.0


@dataclass(frozen=True)
class ShapeKey:
    """An array shape computed from the variant's parameters.

    Attributes
    ----------
    answer : callable
        ``answer(params) -> (rows, columns)``.
    explanation : str
        English msgid; may use the parameters and ``{answer}``.
    """

    answer: Callable
    explanation: str


class KeyMissing(LocalizedError, LookupError):
    """The unit's answer key is not installed (a student bundle) or does not exist."""


def key_module_name(unit_id):
    return f"solutions.{unit_id}.grading.{KEY_MODULE}"


def load_key(unit_id):
    """The unit's answer key, ``{question id: key entry}``.

    Raises
    ------
    KeyMissing
        ``solutions/<unit>/grading/quiz_key.py`` cannot be imported because it (or
        ``solutions``) is not installed. Other import errors propagate: they are bugs.
    """
    name = key_module_name(unit_id)
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is None or not (name == exc.name or name.startswith(exc.name + ".")):
            raise
        raise KeyMissing(lambda: _(
            "The answer key of unit {unit} is not installed here: the quiz is graded by the "
            "instructor, with the hidden checks, when you submit it.").format(
            unit=isolate(unit_id))) from None
    return dict(module.KEY)


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass
class QuestionResult:
    """The grading of one question for one student.

    Attributes
    ----------
    question : course.quiz.questions.Question
    number : int
        1-based position in the quiz.
    variant : course.quiz.variants.Variant
        The student's variant (recomputed from the student id).
    status : str
        One of :data:`STATUSES`.
    points, max_points : float
    answer : object
        The normalised answer (option id, frozenset of option ids, number, shape) or ``None``.
    expected : object
        The right answer in the same form.
    explanation : grader.feedback.Message
        Why the right answer is right.
    problem : grader.feedback.Message or None
        Why the answer could not be read.
    note : grader.feedback.Message or None
        A hint about the answer given (e.g. a transposed shape).
    """

    question: object
    number: int
    variant: object
    status: str
    points: float
    max_points: float
    answer: object
    expected: object
    explanation: Message
    problem: Message = None
    note: Message = None


@dataclass
class QuizResult:
    """The grading of one student's quiz.

    Attributes
    ----------
    unit, student : str
    questions : list of QuestionResult
        In quiz order.
    unknown_ids : list of str
        Answer ids that name no question (ignored).
    warnings : list of grader.feedback.Message
        About the file rather than an answer (another student's id, an outdated template).
    """

    unit: str
    student: str
    questions: list
    unknown_ids: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def score(self):
        return sum(q.points for q in self.questions)

    @property
    def max_score(self):
        return sum(q.max_points for q in self.questions)

    @property
    def answered(self):
        """How many questions have a (readable or not) answer."""
        return sum(q.status != "unanswered" for q in self.questions)

    @property
    def full_marks(self):
        return math.isclose(self.score, self.max_score)


# --------------------------------------------------------------------------------------------
# Grading
# --------------------------------------------------------------------------------------------


def expected_answer(question, drawn, entry):
    """The right answer of ``question`` in variant ``drawn``, normalised like a student's."""
    if question.kind == "single":
        (option,) = entry.correct
        return option
    if question.kind == "multiple":
        return entry.correct
    if question.kind == "shape":
        return tuple(int(n) for n in entry.answer(drawn.params))
    return entry.answer(drawn.params)


def explanation(question, drawn, entry, expected=None):
    """The key's explanation with the variant's values (and ``{answer}``) filled in."""
    if expected is None:
        expected = expected_answer(question, drawn, entry)
    params = {k: render.value_text(v) for k, v in drawn.params.items()}
    if not question.is_choice:
        params["answer"] = render.value_text(tuple(expected) if question.kind == "shape"
                                             else expected)
    return Message(entry.explanation, **params)


def choice_points(chosen, correct):
    """Points of a choice answer (see the module's documentation)."""
    hits, misses = len(chosen & correct), len(chosen - correct)
    return max(0.0, (hits - misses) / len(correct)) * POINTS_PER_QUESTION


def _numbers_match(given, expected, tolerance):
    return abs(given - expected) <= tolerance + 1e-9 * max(1.0, abs(expected))


def _score(question, given, expected, entry):
    """``(points, note)`` of a readable answer."""
    if question.kind == "single":
        return choice_points({given}, {expected}), None
    if question.kind == "multiple":
        return choice_points(given, expected), None
    if question.kind == "shape":
        if given == expected:
            return POINTS_PER_QUESTION, None
        if given == expected[::-1]:
            return 0.0, Message(N_("This is the transpose of the right shape: the rows come "
                                   "first."))
        return 0.0, None
    right = _numbers_match(given, expected, entry.tolerance)
    return (POINTS_PER_QUESTION if right else 0.0), None


def grade_question(question, number, drawn, entry, raw):
    """Grade one raw answer (see :func:`grade_quiz`)."""
    expected = expected_answer(question, drawn, entry)
    why = explanation(question, drawn, entry, expected)
    try:
        given = interpret(question, drawn, raw)
    except AnswerError as exc:
        return QuestionResult(question, number, drawn, "unreadable", 0.0, POINTS_PER_QUESTION,
                              None, expected, why, problem=Message(exc.msgid, **exc.params))
    if given is None:
        return QuestionResult(question, number, drawn, "unanswered", 0.0, POINTS_PER_QUESTION,
                              None, expected, why)
    points, note = _score(question, given, expected, entry)
    status = ("correct" if math.isclose(points, POINTS_PER_QUESTION)
              else "partial" if points > 0 else "wrong")
    return QuestionResult(question, number, drawn, status, points, POINTS_PER_QUESTION, given,
                          expected, why, note=note)


def grade_quiz(answers, unit_id, student_id, key=None):
    """Grade one student's answers.

    Parameters
    ----------
    answers : mapping
        ``{question id: raw value}`` as read from the answers file (``AnswerSheet.answers``):
        strings, numbers, lists; missing ids count as not answered.
    unit_id : str
    student_id : str
        Whose variant to grade against (normalised; e.g. from the class list).
    key : dict, optional
        The answer key (default :func:`load_key`).

    Returns
    -------
    QuizResult

    Raises
    ------
    KeyMissing
        No key installed (only when ``key`` is not given).
    course.quiz.variants.StudentIdError
        An unusable student id.
    course.quiz.questions.QuizError
        The unit has no quiz.
    """
    student = normalise_student_id(student_id)
    asked = questions(unit_id)
    key = load_key(unit_id) if key is None else key
    results = []
    for number, question in enumerate(asked, start=1):
        drawn = variant(unit_id, question, student)
        results.append(grade_question(question, number, drawn, key[question.id],
                                      answers.get(question.id)))
    known = {q.id for q in asked}
    # Quoted TOML keys may hold any character: made safe to print.
    unknown = sorted(sanitize(k, 60) for k in answers if k not in known)
    return QuizResult(unit_id, student, results, unknown)


def grade_sheet(sheet, student_id=None, key=None):
    """Grade a parsed answers file (:class:`course.quiz.sheet.AnswerSheet`).

    Parameters
    ----------
    sheet : course.quiz.sheet.AnswerSheet
    student_id : str, optional
        Grade as this student (an instructor's class list) rather than the id in the file; a
        different id in the file is reported as a warning.
    key : dict, optional

    Returns
    -------
    QuizResult
        With warnings when the file names another student or was made for other variants.
    """
    from course.quiz.sheet import current_fingerprint

    student = sheet.student if student_id is None else normalise_student_id(student_id)
    result = grade_quiz(sheet.answers, sheet.unit, student, key)
    if student != sheet.student:
        result.warnings.append(Message(
            N_("The file names the student {named}, but it was graded as {graded}, whose "
               "variants differ."), named=sheet.student, graded=student))
    elif sheet.fingerprint is not None and sheet.fingerprint != current_fingerprint(
            sheet.unit, student):
        result.warnings.append(Message(N_(
            "The file was not made for this student's current questions (its variants "
            "fingerprint differs): the answers were graded against the questions as they are "
            "now. Make a new file with {command} if the numbers in yours differ.")
            , command="amiq quiz template --force"))
    if student_id is None:
        # A copied file carries its author's id: only the instructor's class list says who
        # handed it in.
        result.warnings.append(Message(N_(
            "Graded as the student id written in the file ({named}). Pass {option} with the id "
            "from your class list: a file copied from another student names that student."),
            named=sheet.student, option="--student ID"))
    return result
