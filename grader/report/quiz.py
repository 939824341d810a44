"""The quiz result (:class:`grader.quiz.QuizResult`) as text for a terminal, or as JSON.

نتيجة الاختبار القصير نصًّا للطرفية أو بصيغة JSON.

The JSON format is stable (``format_version`` changes when a field changes meaning)::

    {
      "format": "amiq-quiz-result", "format_version": 1,
      "unit": "c1w4", "student": "s2024017", "lang": "en", "direction": "ltr",
      "score": 9.5, "max_score": 13.0, "answered": 12, "question_count": 13,
      "unknown_ids": [], "warnings": [{"msgid", "params", "text"}],
      "questions": [
        {"id": "w_shape", "number": 3, "kind": "shape", "status": "wrong",
         "points": 0.0, "max_points": 1.0,
         "variant": {"dims": [6, 11, 3, 12, 1], "l": 2}, "letters": {},
         "answer": [11, 3], "expected": [3, 11],
         "problem": null, "note": {"msgid", "params", "text"},
         "explanation": {"msgid", "params", "text"}}
      ]
    }

``answer`` and ``expected`` are letters for choice questions (``"b"``, or a sorted list for
multiple choice; ``letters`` maps option ids to the student's letters), numbers for numeric
ones and ``[rows, columns]`` for shapes; ``answer`` is ``null`` when not answered or unreadable.
Messages carry the English ``msgid``, their ``params`` and the ``text`` in ``lang``.
"""

import json

from course.i18n import _, in_language, isolate, ngettext, text_direction
from course.quiz import render as quiz_text

from ..quiz import STATUS_LABELS
from .common import points

FORMAT = "amiq-quiz-result"
FORMAT_VERSION = 1


def _message(message, lang):
    return None if message is None else message.to_json(lang)


def _letters(question_result, value):
    """A choice answer (option ids) as the student's letters."""
    letters = question_result.variant.letters
    if question_result.question.kind == "single":
        return letters[value]
    return sorted(letters[o] for o in value)


def _plain(question_result, value):
    if value is None:
        return None
    if question_result.question.is_choice:
        return _letters(question_result, value)
    if question_result.question.kind == "shape":
        return list(value)
    return value


def result_data(result, lang):
    """The result as plain data (``json.dumps``-able); see the module's documentation."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "unit": result.unit,
        "student": result.student,
        "lang": lang,
        "direction": text_direction(lang),
        "score": round(result.score, 4),
        "max_score": result.max_score,
        "answered": result.answered,
        "question_count": len(result.questions),
        "unknown_ids": list(result.unknown_ids),
        "warnings": [_message(w, lang) for w in result.warnings],
        "questions": [
            {
                "id": q.question.id,
                "number": q.number,
                "kind": q.question.kind,
                "status": q.status,
                "points": round(q.points, 4),
                "max_points": q.max_points,
                "variant": q.variant.params,
                "letters": q.variant.letters,
                "answer": _plain(q, q.answer),
                "expected": _plain(q, q.expected),
                "problem": _message(q.problem, lang),
                "note": _message(q.note, lang),
                "explanation": _message(q.explanation, lang),
            }
            for q in result.questions
        ],
    }


def render_json(result, lang):
    return json.dumps(result_data(result, lang), ensure_ascii=False, indent=2) + "\n"


def question_lines(q, lang):
    """The feedback on one question: status and points, prompt, answer, right answer, why."""
    with in_language(lang):
        lines = [_("{number}. {status}: {points} of {max_points}").format(
            number=q.number, status=_(STATUS_LABELS[q.status]), points=isolate(points(q.points)),
            max_points=isolate(points(q.max_points)))]
        lines.append("   " + quiz_text.prompt_text(q.question, q.variant))
        if q.answer is not None:
            lines.append("   " + _("Your answer: {answer}").format(
                answer=quiz_text.answer_text(q.question, q.variant, q.answer)))
        if q.problem is not None:
            lines.append("   " + q.problem.render(lang))
        if q.note is not None:
            lines.append("   " + q.note.render(lang))
        if q.status != "correct":
            lines.append("   " + _("Right answer: {answer}").format(
                answer=quiz_text.answer_text(q.question, q.variant, q.expected)))
        lines.append("   " + _("Why: {explanation}").format(
            explanation=q.explanation.render(lang)))
    return lines


def summary_line(result, lang):
    """``Score: 9.5 of 13 (12 questions answered of 13).``"""
    with in_language(lang):
        return ngettext("Score: {score} of {max_score} ({n} question answered of {total}).",
                        "Score: {score} of {max_score} ({n} questions answered of {total}).",
                        result.answered).format(
            score=isolate(points(result.score)), max_score=isolate(points(result.max_score)),
            n=isolate(result.answered), total=isolate(len(result.questions)))


def render_text(result, lang):
    """The result as text in ``lang``: a heading, one block per question, warnings, the score."""
    with in_language(lang):
        lines = [_("Quiz of unit {unit}, student {student}").format(
            unit=isolate(result.unit), student=isolate(result.student)), ""]
        for q in result.questions:
            lines += question_lines(q, lang)
            lines.append("")
        if result.unknown_ids:
            lines.append(_("Ignored answers to questions this quiz does not have: {ids}.").format(
                ids=isolate(", ".join(result.unknown_ids))))
        lines += [w.render(lang) for w in result.warnings]
        lines.append(summary_line(result, lang))
    return "\n".join(lines) + "\n"


def render(result, fmt="text", lang="ar"):
    """``render_text`` or ``render_json``."""
    if fmt == "json":
        return render_json(result, lang)
    if fmt == "text":
        return render_text(result, lang)
    raise ValueError(f"unknown quiz report format {fmt!r}; expected text or json")
