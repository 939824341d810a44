"""JUnit XML: one test suite per exercise, one test case per check.

تقرير JUnit XML: مجموعة اختبارات لكل تمرين وحالة اختبار لكل فحص.
"""

import xml.etree.ElementTree as ET

from .common import exercise_lines, feedback_lines, points, status_label, submission_lines

FAILURES = {"failed", "not_attempted", "blocked"}


def render_junit(report, lang):
    root = ET.Element("testsuites", name=f"amiq.{report.unit}")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for ex in report.exercises:
        suite = ET.SubElement(root, "testsuite", name=ex.id)
        notes = [*submission_lines(report, ex, lang), *exercise_lines(ex, lang)]
        if notes:
            ET.SubElement(suite, "system-out").text = "\n".join(notes)
        props = ET.SubElement(suite, "properties")
        for key, value in (
            ("isolation", report.isolation),
            ("mode", report.mode),
            ("isolation", report.isolation),
            ("score", points(ex.score)),
            ("max_score", points(ex.max_score)),
        ):
            ET.SubElement(props, "property", name=key, value=str(value))
        counts = {"tests": 0, "failures": 0, "errors": 0}
        seconds = 0.0
        for c in ex.checks:
            counts["tests"] += 1
            seconds += c.seconds
            case = ET.SubElement(
                suite,
                "testcase",
                classname=ex.id,
                name=f"{c.visibility}/{c.name}",
                time=f"{c.seconds:.4f}",
            )
            case.set("title", c.title.render(lang))
            if c.status == "passed":
                continue
            text = "\n".join(feedback_lines(c, lang))
            kind = "failure" if c.status in FAILURES else "error"
            counts["failures" if kind == "failure" else "errors"] += 1
            element = ET.SubElement(case, kind, type=c.status, message=status_label(c.status, lang))
            element.text = text
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("time", f"{seconds:.4f}")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", f"{report.seconds:.4f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
