"""Gradescope's ``results.json``: score, max_score and one test per check.

ملف ``results.json`` لمنصة Gradescope.
"""

import json

from ..feedback import Message, N_
from .text import isolation_line
from .common import (
    check_name,
    exercise_lines,
    feedback_lines,
    points,
    status_label,
    submission_lines,
)

# Hidden checks are shown to students once the instructor publishes the grades.
VISIBILITY = {"public": "visible", "hidden": "after_published"}


def render_gradescope(report, lang):
    tests = []
    for ex in report.exercises:
        # Gradescope shows each test alone, so the exercise's notes go with its first check.
        extra = [*submission_lines(report, ex, lang), *exercise_lines(ex, lang)]
        for index, c in enumerate(ex.checks, start=1):
            output = [status_label(c.status, lang), *feedback_lines(c, lang)]
            if index == 1:
                output += extra
            tests.append(
                {
                    "name": check_name(c, lang),
                    "number": f"{ex.exercise.number}.{index}",
                    "score": c.score,
                    "max_score": c.points,
                    "status": "passed" if c.status == "passed" else "failed",
                    "output": "\n".join(output),
                    "visibility": VISIBILITY[c.visibility],
                }
            )
    summary = Message(
        N_("Score: {score} / {max} (isolation: {isolation})."),
        score=points(report.score),
        max=points(report.max_score),
        isolation=report.isolation,
    ).render(lang)
    data = {
        "score": report.score,
        "max_score": report.max_score,
        "output": "\n".join(
            [
                summary,
                isolation_line(report).render(lang),
                *(p.message.render(lang) for p in report.submission_problems),
                *(p.render(lang) for p in report.problems),
            ]
        ),
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "execution_time": round(report.seconds, 3),
        "tests": tests,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
