"""Pieces shared by the report formats: numbers, check feedback as text lines.

أجزاء مشتركة بين صيغ التقرير.
"""

from ..feedback import Message, N_
from ..runner.results import STATUS_LABELS


def points(value):
    """``2.0`` -> ``"2"``, ``1.5`` -> ``"1.5"``."""
    return f"{float(value):g}"


def status_label(status, lang):
    return Message(STATUS_LABELS[status]).render(lang)


def feedback_lines(check, lang):
    """The message, details and named mistake of a check, rendered (empty when passed)."""
    lines = []
    if check.status == "passed":
        return lines
    if check.message is not None:
        lines.append(check.message.render(lang))
    lines.extend(d.render(lang) for d in check.details)
    if check.mistake is not None:
        lines.append(Message(N_("Likely mistake: {title}"), title=check.mistake.title).render(lang))
        lines.append(Message(N_("How to fix it: {fix}"), fix=check.mistake.fix).render(lang))
    return lines


def check_name(check, lang):
    """``"<exercise> · <title>"`` for flat formats."""
    return f"{check.exercise} · {check.title.render(lang)}"


def submission_lines(report, ex, lang):
    """The module-level problem (import error, missing file) that zeroes ``ex``, as text lines."""
    lines = []
    for problem in report.submission_problems:
        if ex.name in problem.exercises:
            lines.append(problem.message.render(lang))
            lines.extend(d.render(lang) for d in problem.details)
    return lines


def exercise_lines(ex, lang):
    """The exercise's notes (dependencies) as text lines."""
    return [n.render(lang) for n in ex.notes]
