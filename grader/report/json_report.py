"""Our own JSON report: every check with its message, details, mistake, status and points.

تقرير JSON الكامل: كل فحص برسالته وتفاصيله والخطأ المحتمل وحالته ودرجاته.
"""

import json

from course.i18n import text_direction


def _message(message, lang):
    return None if message is None else message.to_json(lang)


def report_data(report, lang):
    """The report as plain data (``json.dumps``-able)."""
    return {
        "format": "amiq-grader-report",
        "format_version": 2,
        "unit": report.unit,
        "mode": report.mode,
        "lang": lang,
        "direction": text_direction(lang),
        "score": report.score,
        "max_score": report.max_score,
        "hidden_pending": report.hidden_pending,
        "submission": report.submission,
        "isolation": report.isolation,
        "isolation_missing": list(report.isolation_missing),
        "weak_isolation_allowed": report.weak_isolation_allowed,
        "versions": report.versions,
        "seconds": round(report.seconds, 4),
        "problems": [
            *(
                {
                    **_message(p.message, lang),
                    "kind": p.kind,
                    "file": p.file,
                    "details": [_message(d, lang) for d in p.details],
                    "exercises": list(p.exercises),
                }
                for p in report.submission_problems
            ),
            *({**_message(p, lang), "kind": "grader"} for p in report.problems),
        ],
        "exercises": [
            {
                "id": ex.id,
                "name": ex.name,
                "number": ex.exercise.number,
                "module": ex.exercise.module,
                "status": ex.status,
                "score": ex.score,
                "max_score": ex.max_score,
                "notes": [_message(n, lang) for n in ex.notes],
                "printed": ex.printed,
                "printed_truncated": ex.printed_full,
                "checks": [
                    {
                        "id": c.id,
                        "name": c.name,
                        "visibility": c.visibility,
                        "title": _message(c.title, lang),
                        "status": c.status,
                        "score": c.score,
                        "points": c.points,
                        "message": _message(c.message, lang),
                        "details": [_message(d, lang) for d in c.details],
                        "mistake": None if c.mistake is None else c.mistake.to_json(lang),
                        "internal": c.internal,
                        "seconds": round(c.seconds, 4),
                    }
                    for c in ex.checks
                ],
            }
            for ex in report.exercises
        ],
    }


def render_json(report, lang):
    return json.dumps(report_data(report, lang), ensure_ascii=False, indent=2) + "\n"
