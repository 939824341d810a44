"""Gradescope's ``results.json``: score, max_score and one test per check.

ملف ``results.json`` لمنصة Gradescope.
"""

import json

from ..feedback import Message, N_
from .common import check_name, feedback_lines, points, status_label

# Hidden checks are shown to students once the instructor publishes the grades.
VISIBILITY = {"public": "visible", "hidden": "after_published"}


def render_gradescope(report, lang):
    tests = []
    for ex in report.exercises:
        for index, c in enumerate(ex.checks, start=1):
            output = [status_label(c.status, lang), *feedback_lines(c, lang)]
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
        N_("Score: {score} / {max} (seed {seed})."),
        score=points(report.score),
        max=points(report.max_score),
        seed=report.seed,
    ).render(lang)
    data = {
        "score": report.score,
        "max_score": report.max_score,
        "output": "\n".join([summary, *(p.render(lang) for p in report.problems)]),
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "execution_time": round(report.seconds, 3),
        "tests": tests,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
