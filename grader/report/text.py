"""The terminal view: one row per exercise, the failing checks under it, an honest summary.

عرض الطرفية: سطر لكل تمرين، وتحته الفحوص التي لم تنجح، ثم خلاصة صادقة.

The summary never says "all tests passed" when only the public checks ran: it says how many
hidden checks still run when the work is graded. In Arabic every left-to-right fragment
(identifiers, numbers, shapes) is wrapped in bidi isolates by :class:`~grader.feedback.Message`.
"""

from course.i18n import LRI, PDI

from ..feedback import Message, N_, Plural
from .common import feedback_lines, points, status_label

_COLORS = {
    "passed": "32",
    "partial": "33",
    "failed": "31",
    "not_attempted": "33",
    "no_checks": "2",
    "error": "31",
    "timeout": "31",
    "crashed": "31",
    "did_not_report": "31",
}
_MARKS = {"passed": "✓", "not_attempted": "…"}
NAME_WIDTH = 27


def _paint(text, status, color):
    if not color:
        return text
    return f"\033[{_COLORS.get(status, '0')}m{text}\033[0m"


def _ltr(text, lang):
    return f"{LRI}{text}{PDI}" if lang == "ar" else text


def _header(report, lang):
    mode = (
        Message(N_("public and hidden checks"))
        if report.mode == "hidden"
        else Message(N_("public checks only"))
    )
    return [
        Message(
            N_("Amiq grader: unit {unit}, {mode}, seed {seed}"),
            unit=report.unit,
            mode=mode,
            seed=report.seed,
        ).render(lang),
        Message(N_("Submission: {path}"), path=report.submission).render(lang),
    ]


def _exercise_lines(ex, lang, color):
    status = ex.status
    name = f"{ex.exercise.number:>2}. {ex.id:<{NAME_WIDTH}}"
    score = f"{points(ex.score):>4} / {points(ex.max_score):<4}"
    row = f"{_ltr(name, lang)} {_ltr(score, lang)} {status_label(status, lang)}"
    lines = [_paint(row, status, color)]
    if status in ("passed", "not_attempted", "no_checks"):
        return lines
    for check in ex.checks:
        mark = _MARKS.get(check.status, "✗")
        title = check.title.render(lang)
        label = (
            "" if check.status in ("passed", "failed") else f" [{status_label(check.status, lang)}]"
        )
        lines.append(_paint(f"      {mark} {title}{label}", check.status, color))
        for extra in feedback_lines(check, lang):
            for part in _split_isolated(extra):
                lines.append(f"          {part}")
    return lines


def _split_isolated(text):
    """Split into lines, closing and reopening bidi isolates that span a line break.

    A terminal treats each line as its own paragraph, so an isolate opened on one line (a
    multi-line traceback inside an Arabic sentence) must be closed there and reopened on the next.
    """
    out = []
    depth = 0
    for line in text.splitlines() or [""]:
        prefix = LRI * depth
        for char in line:
            if char == LRI:
                depth += 1
            elif char == PDI and depth:
                depth -= 1
        out.append(prefix + line + PDI * depth)
    return out


def summary_lines(report, lang):
    """The closing lines: score, counts, and what the hidden checks still do."""
    checks = report.checks
    total = len(checks)
    passed = report.count("passed")
    lines = []
    if report.mode == "hidden":
        lines.append(
            Message(
                N_("Score: {score} / {max} (public and hidden checks)."),
                score=points(report.score),
                max=points(report.max_score),
            ).render(lang)
        )
    else:
        lines.append(
            Message(
                N_("Score: {score} / {max} (public checks only)."),
                score=points(report.score),
                max=points(report.max_score),
            ).render(lang)
        )
    lines.append(
        Plural(
            "{passed} of {n} check passed.",
            "{passed} of {n} checks passed.",
            total,
            passed=passed,
        ).render(lang)
    )
    not_attempted = sum(1 for ex in report.exercises if ex.status == "not_attempted")
    if not_attempted:
        lines.append(
            Plural(
                "{n} exercise is not attempted yet.",
                "{n} exercises are not attempted yet.",
                not_attempted,
            ).render(lang)
        )
    if report.mode == "public":
        all_public = total > 0 and passed == total
        pending = report.hidden_pending
        if all_public and pending:
            lines.append(
                Plural(
                    "Public checks passed; {n} hidden check runs when your work is graded.",
                    "Public checks passed; {n} hidden checks run when your work is graded.",
                    pending,
                ).render(lang)
            )
        elif all_public and pending is None:
            lines.append(
                Message(
                    N_("Public checks passed; hidden checks run when your work is graded.")
                ).render(lang)
            )
        elif all_public:
            lines.append(Message(N_("Public checks passed.")).render(lang))
        elif pending:
            lines.append(
                Plural(
                    "{n} hidden check also runs when your work is graded.",
                    "{n} hidden checks also run when your work is graded.",
                    pending,
                ).render(lang)
            )
    if report.isolation == "process":
        lines.append(
            Message(
                N_(
                    "Warning: Linux namespaces were not available, so your code ran with "
                    "process isolation only."
                )
            ).render(lang)
        )
    for problem in report.problems:
        lines.append(Message(N_("Grader problem: {text}"), text=problem).render(lang))
    return lines


def render_text(report, lang, color=False):
    """Render the terminal view.

    Parameters
    ----------
    report : grader.runner.results.Report
    lang : {"ar", "en"}
    color : bool
        ANSI colours (only when writing to a terminal).
    """
    rule = "─" * 60
    lines = [*_header(report, lang), rule]
    for ex in report.exercises:
        lines.extend(_exercise_lines(ex, lang, color))
    lines.append(rule)
    lines.extend(summary_lines(report, lang))
    return "\n".join(lines) + "\n"
