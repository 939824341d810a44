"""``amiq grade quiz``: grade an answers file of the end-of-week quiz, or check it without the key.

الأمر ``amiq grade quiz``: تصحيح ملف إجابات الاختبار القصير، أو فحصه دون مفتاح الإجابات.

Where the unit's answer key is installed (an instructor's checkout, the autograder), the file is
graded with per-question feedback (:mod:`grader.quiz`, :mod:`grader.report.quiz`). In a student
bundle there is no key: the command says that the quiz is graded when submitted and shows how
many questions are answered and which answers cannot be read, so a student can fix the file
before handing it in.

Exit status: 0 full marks (or, without the key, every answer readable), 1 points missing (or an
answer that cannot be read), 2 bad input (no or unusable file, unknown unit, options the quiz does
not take).
"""

import json
import sys
from pathlib import Path

from course.i18n import _, current_language, isolate, ngettext, text_direction

from .cmd_quiz import BAD_INPUT_EXIT, choose_unit, shown_path, student_id
from .errors import CLIError
from .grade_options import check_single_report_options, refuse_options_of

QUIZ = "quiz"
COMMAND = "amiq grade quiz"
STATUS_FORMAT = "amiq-quiz-status"
# Options of ``amiq grade`` that only grading the quiz takes: (attribute, option, unset value).
QUIZ_OPTIONS = (("answers", "--answers", None), ("student", "--student", None))


def is_quiz(args):
    """Whether ``amiq grade`` was asked to grade the quiz (``amiq grade quiz ...``)."""
    return bool(args.exercises) and args.exercises[0] == QUIZ


def refuse_quiz_options(args):
    """``--answers`` and ``--student`` belong to ``amiq grade quiz`` only."""
    refuse_options_of(COMMAND, QUIZ_OPTIONS, args)


def _check_options(args):
    check_single_report_options(
        args, COMMAND,
        grades_only=lambda: _("{command} grades the quiz only; it does not take {options}."),
        formats_are=lambda: _("The quiz report is text or json, not {format}."))


def answers_path(args):
    """The answers file: ``--answers``, else ``course/<unit>/quiz_answers.toml``.

    Without ``--unit``, the only unit whose answers file exists (or the only unit with a quiz).
    """
    from course.quiz.questions import quiz_units
    from course.quiz.sheet import default_path

    if args.answers:
        return Path(args.answers)
    if args.unit is not None:
        return default_path(choose_unit(args.unit))
    present = [u for u in quiz_units() if default_path(u).is_file()]
    return default_path(present[0] if len(present) == 1 else choose_unit(None))


def read(args):
    """The parsed answers file, checked against ``--unit`` (errors are usage errors)."""
    from course.quiz.questions import QuizError, questions
    from course.quiz.sheet import SheetError, read_sheet

    try:
        sheet = read_sheet(answers_path(args))
    except SheetError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    if args.unit is not None and sheet.unit != args.unit:
        raise CLIError(lambda: _("{path} holds the quiz of unit {found}, not of unit {unit}.")
                       .format(path=isolate(shown_path(sheet.path)), found=isolate(sheet.unit),
                               unit=isolate(args.unit)), BAD_INPUT_EXIT)
    try:
        questions(sheet.unit)
    except QuizError as exc:
        raise CLIError.wrap(exc, BAD_INPUT_EXIT) from None
    return sheet


def _write(text, args, out):
    if args.output:
        from course.fileio import write_text

        write_text(args.output, text)
    else:
        out.write(text)
        out.flush()


def run(args, out):
    from grader.quiz import KeyMissing, grade_sheet, load_key
    from grader.report.quiz import render, summary_line

    _check_options(args)
    sheet = read(args)
    graded_as = None if args.student is None else student_id(args.student)
    try:
        key = load_key(sheet.unit)
    except KeyMissing as exc:
        return status(sheet, exc, args, out, graded_as)
    result = grade_sheet(sheet, graded_as, key)
    lang = current_language()
    _write(render(result, args.format, lang), args, out)
    if args.output and args.format != "text":
        print(summary_line(result, lang), file=sys.stderr)
    return 0 if result.full_marks else 1


# --------------------------------------------------------------------------------------------
# Without the key: what a student can check before submitting
# --------------------------------------------------------------------------------------------


def status_data(sheet, states, unknown, lang):
    """The check of a file without the key, as plain data (``--format json``)."""
    return {
        "format": STATUS_FORMAT,
        "format_version": 1,
        "unit": sheet.unit,
        "student": sheet.student,
        "lang": lang,
        "direction": text_direction(lang),
        "graded": False,
        "answered": sum(s.state != "unanswered" for s in states),
        "question_count": len(states),
        "unknown_ids": unknown,
        "questions": [
            {"id": s.question.id, "number": s.number, "kind": s.question.kind, "state": s.state,
             "problem": None if s.problem is None else {
                 "msgid": s.problem.msgid,
                 "params": {k: str(v) for k, v in s.problem.params.items()},
                 "text": str(s.problem)}}
            for s in states
        ],
    }


def status_lines(sheet, states, unknown):
    """The check of a file without the key, as text lines in the current language."""
    answered = sum(s.state != "unanswered" for s in states)
    lines = [ngettext("{path} (student {student}): {n} question of {total} answered.",
                      "{path} (student {student}): {n} questions of {total} answered.",
                      answered).format(
        path=isolate(shown_path(sheet.path)), student=isolate(sheet.student),
        n=isolate(answered), total=isolate(len(states)))]
    blank = [str(s.number) for s in states if s.state == "unanswered"]
    if blank:
        lines.append(_("Not answered yet: {numbers}.").format(numbers=isolate(", ".join(blank))))
    for s in states:
        if s.state == "unreadable":
            lines.append(_("Question {number} ({id}) cannot be read: {problem}").format(
                number=isolate(s.number), id=isolate(s.question.id), problem=s.problem.render()))
    if unknown:
        lines.append(_("Ignored answers to questions this quiz does not have: {ids}.").format(
            ids=isolate(", ".join(unknown))))
    return lines


def status(sheet, missing, args, out, student=None):
    """Check ``sheet`` without the key and say that the quiz is graded on submission.

    ``student`` (``--student``) replaces the file's id: the letters are read in that variant.
    """
    from dataclasses import replace

    from course.quiz.sheet import answer_states

    if student is not None:
        sheet = replace(sheet, student=student)
    states, unknown = answer_states(sheet)
    if args.format == "json":
        text = json.dumps(status_data(sheet, states, unknown, current_language()),
                          ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n".join([str(missing), *status_lines(sheet, states, unknown)]) + "\n"
    _write(text, args, out)
    return 1 if any(s.state == "unreadable" for s in states) else 0
