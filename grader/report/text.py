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
    "blocked": "33",
    "no_checks": "2",
    "error": "31",
    "timeout": "31",
    "crashed": "31",
    "did_not_report": "31",
}
_MARKS = {"passed": "✓", "not_attempted": "…", "blocked": "…"}
NAME_WIDTH = 27
# Printed output shown per exercise: a few lines, each cut, quoted so it cannot pass for the
# grader's own lines.
PRINTED_LINES = 6
PRINTED_WIDTH = 160
QUOTE = "│ "
SAME_AS_ABOVE = N_("Same error as above.")


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
            N_("Amiq grader: unit {unit}, {mode}"),
            unit=report.unit,
            mode=mode,
        ).render(lang),
        Message(N_("Submission: {path}"), path=report.submission).render(lang),
        isolation_line(report).render(lang),
    ]


def isolation_line(report):
    """``Sandbox isolation: <level>`` (every report says how the student's code was confined)."""
    if report.weak_isolation_allowed:
        return Message(
            N_("Sandbox isolation: {level} (weaker than this grading needs; allowed explicitly)"),
            level=report.isolation or "?",
        )
    return Message(N_("Sandbox isolation: {level}"), level=report.isolation or "?")


def _indented(texts, indent):
    return [f"{indent}{part}" for text in texts for part in _split_isolated(text)]


def printed_lines(ex, lang):
    """``Your code printed:`` and a few quoted, sanitised lines (empty when nothing printed)."""
    if not ex.printed and not ex.printed_full:
        return []
    printed = ex.printed.splitlines()
    if not printed:
        # The worker was killed before it could hand over what it had printed.
        return [Message(N_("Your code printed a lot of output (not kept).")).render(lang)]
    out = [Message(N_("Your code printed:")).render(lang)]
    for line in printed[:PRINTED_LINES]:
        cut = line if len(line) <= PRINTED_WIDTH else line[:PRINTED_WIDTH] + " …"
        out.append(QUOTE + _ltr(cut, lang))
    hidden = len(printed) - PRINTED_LINES
    if hidden > 0:
        out.append(
            Plural("… ({n} more line)", "… ({n} more lines)", hidden).render(lang)
        )
    if ex.printed_full:
        out.append(
            Message(N_("Your code printed too much output; the rest was cut.")).render(lang)
        )
    return out


def _module_problem_of(ex, report):
    for problem in report.submission_problems:
        if ex.name in problem.exercises:
            return problem
    return None


def _exercise_lines(ex, lang, color, report=None):
    status = ex.status
    name = f"{ex.exercise.number:>2}. {ex.name:<{NAME_WIDTH}}"
    score = f"{points(ex.score):>4} / {points(ex.max_score):<4}"
    row = f"{_ltr(name, lang)} {_ltr(score, lang)} {status_label(status, lang)}"
    lines = [_paint(row, status, color)]
    lines.extend(_indented((n.render(lang) for n in ex.notes), "      ⚠ "))
    lines.extend(_indented(printed_lines(ex, lang), "      "))
    if status in ("passed", "not_attempted", "no_checks"):
        return lines
    if status == "blocked":
        # One explanation for the exercise: every check stopped at the same unwritten callee.
        first = next((c for c in ex.checks if c.status == "blocked"), None)
        if first is not None and first.message is not None:
            lines.extend(_indented([first.message.render(lang)], "      "))
        return lines
    problem = _module_problem_of(ex, report) if report is not None else None
    if problem is not None:
        # The problem is shown once at the top; one short line per check here.
        short = next((c.message for c in ex.checks if c.message is not None), None)
        if short is not None:
            lines.extend(_indented([short.render(lang)], "      "))
        for check in ex.checks:
            mark = _MARKS.get(check.status, "✗")
            lines.append(_paint(f"      {mark} {check.title.render(lang)}", check.status, color))
        return lines
    seen = set()
    for check in ex.checks:
        mark = _MARKS.get(check.status, "✗")
        title = check.title.render(lang)
        label = (
            "" if check.status in ("passed", "failed") else f" [{status_label(check.status, lang)}]"
        )
        lines.append(_paint(f"      {mark} {title}{label}", check.status, color))
        block = tuple(feedback_lines(check, lang))
        if len(block) > 1 or any("\n" in b for b in block):
            if block in seen:
                # The JSON report keeps every check's full data; the terminal shows it once.
                lines.append("          " + Message(SAME_AS_ABOVE).render(lang))
                continue
            seen.add(block)
        lines.extend(_indented(block, "          "))
    return lines


def problem_lines(report, lang):
    """The submission's module-level problems (shown once, at the top of the report)."""
    lines = []
    for problem in report.submission_problems:
        lines.extend(_indented([problem.message.render(lang)], "✗ "))
        lines.extend(_indented((d.render(lang) for d in problem.details), "    "))
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
        full = prefix + line + PDI * depth
        if out and not full.replace(LRI, "").replace(PDI, "").strip():
            continue  # an isolate closing after a final newline would leave an empty line
        out.append(full)
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
    blocked = sum(1 for ex in report.exercises if ex.status == "blocked")
    if not_attempted:
        lines.append(
            Plural(
                "{n} exercise is not attempted yet.",
                "{n} exercises are not attempted yet.",
                not_attempted,
            ).render(lang)
        )
    if blocked:
        lines.append(
            Plural(
                "{n} exercise waits for another exercise it calls.",
                "{n} exercises wait for other exercises they call.",
                blocked,
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
    problems = problem_lines(report, lang)
    if problems:
        lines.extend([*problems, rule])
    for ex in report.exercises:
        lines.extend(_exercise_lines(ex, lang, color, report))
    lines.append(rule)
    lines.extend(summary_lines(report, lang))
    return "\n".join(lines) + "\n"
