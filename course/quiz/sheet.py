"""The answers file students fill in: ``course/<unit>/quiz_answers.toml``.

ملف الإجابات الذي يملؤه الطالب: ``course/<unit>/quiz_answers.toml``.

TOML, because a student edits it by hand: one ``key = value`` line per question, comments for
the prompts, and strings, numbers and lists that read as they look. It is written by hand here
(the structure is flat) and read with :mod:`tomllib` (``tomli`` on Python 3.10) through
:mod:`course.answer_files`, which also backs up a file before it is replaced::

    # 1 · single choice
    # In the course's notation, what do ...
    #   a) ...
    #   b) ...
    # Write one letter, such as "b".
    notation = ""

The ``[quiz]`` table names the unit and the student; the student id alone decides the variant
(:mod:`course.quiz.variants`). The ``variants`` fingerprint written there is only checked, to warn
when the file was made for another id or another version of the quiz: grading never reads
variant data from the file.
"""

import math
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from course.answer_files import AnswerFileKind, parse_toml, read_text, write_with_backup
from course.i18n import LocalizedError, _, current_language, isolate

from . import render
from .questions import questions
from .variants import StudentIdError, fingerprint, normalise_student_id, variant

FILENAME = "quiz_answers.toml"
FORMAT = 1
MAX_BYTES = 1_000_000  # far above any answers file; refuses to parse something else by mistake
WIDTH = 96


class SheetError(LocalizedError, ValueError):
    """An answers file that cannot be used (bilingual message saying what was expected)."""


@dataclass
class AnswerSheet:
    """A parsed answers file.

    Attributes
    ----------
    unit : str
    student : str
        Normalised student id.
    answers : dict
        ``{question id: raw value}`` as written (unknown ids included).
    language : str or None
        The language the template was written in (informative).
    fingerprint : str or None
        The ``variants`` fingerprint written with the template (informative).
    path : pathlib.Path or None
    """

    unit: str
    student: str
    answers: dict = field(default_factory=dict)
    language: str = None
    fingerprint: str = None
    path: Path = None


def _missing(path):
    return SheetError(lambda: _("There is no answers file at {path}. Make one with {command}.")
                      .format(path=isolate(path),
                              command=isolate("amiq quiz template --unit UNIT")))


# What reading an answers file says when it cannot (see :mod:`course.answer_files`).
ANSWERS_FILE = AnswerFileKind(
    filename=FILENAME, max_bytes=MAX_BYTES, error=SheetError, missing=_missing,
    too_large=lambda path, limit: _(
        "{path} is too large for an answers file (more than {limit} bytes).").format(
        path=path, limit=limit),
    not_toml=lambda path, error: _(
        "{path} is not valid TOML ({error}). Each answer is one line such as {example}; text "
        "goes in double quotes.").format(path=path, error=error, example=isolate('notation = "b"')))


def default_path(unit_id):
    """``course/<unit>/quiz_answers.toml`` of the installed unit."""
    from course.units import unit_dir

    return unit_dir(unit_id) / FILENAME


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def toml_string(text):
    """``text`` as a TOML basic string (quotes, backslashes and control characters escaped)."""
    escapes = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
               "\r": "\\r"}
    out = []
    for ch in str(text):
        if ch in escapes:
            out.append(escapes[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_value(value):
    """A value read from an answers file, written back as TOML (``None`` when it cannot be)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        items = [toml_value(v) for v in value]
        return None if None in items else "[" + ", ".join(items) + "]"
    return None  # tables, dates: not an answer; the backup keeps them


_CODE_SPAN = re.compile(r"`[^`]*`")
_KEEP = "\u00a0"  # textwrap breaks only at ASCII whitespace: code spans stay on one line


def _comment(text, indent="", hang=""):
    """``text`` as ``#`` comment lines, wrapped between (never inside) its code spans."""
    lines = []
    for paragraph in text.split("\n"):
        kept = _CODE_SPAN.sub(lambda m: m.group(0).replace(" ", _KEEP), paragraph)
        lines += textwrap.wrap(kept, WIDTH - 2 - len(indent), initial_indent=indent,
                               subsequent_indent=indent + hang, break_on_hyphens=False) or [""]
    return ["# " + line.replace(_KEEP, " ") if line else "#" for line in lines]


def template_text(unit_id, student_id, previous=None):
    """The answers file of one student, in the current language, with empty answers.

    Parameters
    ----------
    unit_id : str
    student_id : str
        Normalised with :func:`course.quiz.variants.normalise_student_id`.
    previous : dict, optional
        ``{question id: raw value}`` to write instead of empty answers (the answers of a file
        being regenerated for the same student).

    Returns
    -------
    str
    """
    from course.units import get_unit

    student = normalise_student_id(student_id)
    unit = get_unit(unit_id)
    asked = questions(unit_id)
    variants = [variant(unit_id, q, student) for q in asked]
    previous = previous or {}
    command = f"amiq grade quiz --unit {unit_id}"
    lines = _comment(_("Amiq: end-of-week quiz of unit {unit}, {title}").format(
        unit=unit_id, title=_(unit.title)))
    lines.append("#")
    lines += _comment(_(
        "How to answer: write each answer after the = sign on the line below its question, then "
        "save the file. Leave \"\" for a question you skip. Lines that start with # are comments "
        "and are ignored."))
    lines += _comment(_(
        "Your questions (their numbers and the order of their options) are made for the student "
        "id below: do not change it. To see how many questions you have answered and whether "
        "every answer can be read, run:"))
    lines.append(f"#     {command}")
    lines += _comment(_("The quiz is graded when you submit this file."))
    lines += [
        "",
        "[quiz]",
        f"unit = {toml_string(unit_id)}",
        f"student = {toml_string(student)}",
        f"language = {toml_string(current_language())}",
        f"format = {FORMAT}",
        f"variants = {toml_string(fingerprint(variants))}",
        "",
        "[answers]",
    ]
    for number, (question, drawn) in enumerate(zip(asked, variants), start=1):
        lines.append("")
        lines += _comment(f"{number} · {render.kind_label(question)}")
        lines += _comment(render.prompt_text(question, drawn, bidi=False))
        for letter, text in render.lettered_options(question, drawn, bidi=False):
            lines += _comment(f"{letter}) {text}", indent="  ", hang="   ")
        lines += _comment(render.answer_format(question, bidi=False))
        kept = toml_value(previous[question.id]) if question.id in previous else None
        lines.append(f"{question.id} = {kept if kept is not None else chr(34) * 2}")
    return "\n".join(lines) + "\n"


# An existing file is first copied to ``.amiq-backups/`` (see :mod:`course.answer_files`).
write_sheet = write_with_backup


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def read_sheet(path):
    """Read and check an answers file.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    AnswerSheet

    Raises
    ------
    SheetError
        Missing, not a file, too large, unreadable, not UTF-8, not TOML, or without a usable
        ``[quiz]`` table.
    """
    path = Path(path)
    sheet = parse_sheet(read_text(path, ANSWERS_FILE), path)
    sheet.path = path
    return sheet


def parse_sheet(text, path=None):
    """Parse the text of an answers file (see :func:`read_sheet`)."""
    # isolated inside each message: isolate() depends on the language it is rendered in
    where = path if path is not None else FILENAME
    data = parse_toml(text, path, ANSWERS_FILE)
    quiz = data.get("quiz")
    if not isinstance(quiz, dict) or not isinstance(quiz.get("unit"), str) or \
            "student" not in quiz:
        raise SheetError(lambda: _(
            "{path} has no [quiz] table with the unit and the student id, such as {example}: "
            "make a new file with {command} and copy your answers into it.").format(
            path=isolate(where), example=isolate('unit = "c1w4"'),
            command=isolate("amiq quiz template")))
    try:
        student = normalise_student_id(quiz["student"])
    except StudentIdError as exc:
        raise SheetError(lambda exc=exc: _("The student id in {path} cannot be used: {error}")
                         .format(path=isolate(where), error=exc.render())) from None
    answers = data.get("answers", {})
    if not isinstance(answers, dict):
        raise SheetError(lambda: _("In {path}, {table} must be a table of answers, one line per "
                                   "question, such as {example}.").format(
            path=isolate(where), table=isolate("[answers]"), example=isolate('notation = "b"')))
    language = quiz.get("language")
    printed = quiz.get("variants")
    return AnswerSheet(unit=quiz["unit"], student=student, answers=dict(answers),
                       language=language if isinstance(language, str) else None,
                       fingerprint=printed if isinstance(printed, str) else None, path=path)


def current_fingerprint(unit_id, student_id):
    """The ``variants`` fingerprint a fresh template for this student would have."""
    return fingerprint([variant(unit_id, q, student_id) for q in questions(unit_id)])


@dataclass
class AnswerState:
    """Whether one question of a sheet is answered, checked without the key.

    Attributes
    ----------
    number : int
    question : course.quiz.questions.Question
    state : {"answered", "unanswered", "unreadable"}
    problem : course.quiz.answers.AnswerError or None
    """

    number: int
    question: object
    state: str
    problem: object = None


def answer_states(sheet):
    """Check every answer of ``sheet`` without the key (what a student can see before submitting).

    Returns
    -------
    (list of AnswerState, list of str)
        The states in quiz order, and the answer ids that name no question.
    """
    from .answers import AnswerError, interpret

    asked = questions(sheet.unit)
    states = []
    for number, question in enumerate(asked, start=1):
        drawn = variant(sheet.unit, question, sheet.student)
        try:
            given = interpret(question, drawn, sheet.answers.get(question.id))
        except AnswerError as exc:
            states.append(AnswerState(number, question, "unreadable", exc))
            continue
        states.append(AnswerState(number, question,
                                  "unanswered" if given is None else "answered"))
    known = {q.id for q in asked}
    # Quoted TOML keys may hold any character: shown through repr, which escapes controls.
    return states, sorted(repr(k)[1:-1][:60] for k in sheet.answers if k not in known)
