"""What a class run writes: the gradebook, everything in JSON, feedback, Canvas and Moodle imports.

ما تكتبه جولة تصحيح الصف: سجلّ الدرجات، وكل شيء بصيغة JSON، والملاحظات، وملفات الاستيراد إلى Canvas وMoodle.

All files are built from :class:`Row` objects (one per student, in the order the students were
found) and written atomically by the caller, so a half-written file never appears:

``grades.csv``
    ``student, name, status, total, max_score, <one column per exercise id>, error, notes``;
    ``error`` is filled whenever the status is not ``graded``.
``results.json``
    The run's settings and summary, and every student's row with the full grading report.
``feedback/<student>.txt`` (or ``.json``)
    The report the student reads, in the student's language.
``canvas.csv``
    Canvas's gradebook import: ``Student, ID, SIS User ID, SIS Login ID, Section`` and one
    column named after the assignment (``Title (assignment id)`` for an existing one), with the
    ``Points Possible`` row.
``moodle.csv``
    Moodle's grading worksheet upload: ``Identifier`` (``Participant <id>``), ``Full name``,
    ``Email address``, ``Grade``, ``Maximum Grade``, ``Feedback comments``.

Text that came from students (ids, names, messages) is written so that a spreadsheet never
reads it as a formula.
"""

import csv
import io
import json
from dataclasses import dataclass, field

from ..feedback import Message, N_, Plural
from ..report.common import points

CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
MOODLE_COLUMNS = ("Identifier", "Full name", "Email address", "Grade", "Maximum Grade",
                  "Feedback comments")
POINTS_POSSIBLE = "Points Possible"


@dataclass
class Row:
    """One student's line in every output.

    Attributes
    ----------
    student : str
        The student id.
    name, email : str
    origin : str
        Where the submission came from (``folder``, ``archive``, ``canvas``, ``moodle``,
        ``roster`` for a student with none).
    language : {"ar", "en"}
        The student's feedback language.
    record : dict
        The student's record (:mod:`grader.classroom.records`).
    canvas : dict
        ``sis_user_id``, ``sis_login_id``, ``section`` from the roster (may be empty).
    moodle_participant : bool
        The id is a Moodle participant id.
    resumed : bool
        The record came from an earlier run.
    """

    student: str
    name: str = ""
    email: str = ""
    origin: str = "folder"
    language: str = "ar"
    record: dict = field(default_factory=dict)
    canvas: dict = field(default_factory=dict)
    moodle_participant: bool = False
    resumed: bool = False

    @property
    def status(self):
        return self.record.get("status", "failed")

    @property
    def score(self):
        return self.record.get("score")

    def error(self, lang):
        return (self.record.get("error") or {}).get(lang, "")

    def notes(self, lang):
        return (self.record.get("notes") or {}).get(lang, "")


def safe_cell(value):
    """A CSV cell a spreadsheet never evaluates (text starting with ``= + - @`` gets a quote)."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def _number(value):
    return "" if value is None else points(value)


def _csv(rows):
    buffer = io.StringIO()
    # Every cell quoted: a spreadsheet opened with ";" as its list separator (common in Europe
    # and Arabic locales) would otherwise split "x;=1+1" and evaluate the second part.
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return buffer.getvalue()


def grades_csv(rows, exercise_ids, lang):
    """``grades.csv``: one line per student; messages in ``lang`` (the instructor's)."""
    header = ["student", "name", "status", "total", "max_score", *exercise_ids, "error", "notes"]
    lines = [header]
    for row in rows:
        scores = row.record.get("exercises") or {}
        lines.append([
            row.student, row.name, row.status, _number(row.score),
            _number(row.record.get("max_score")),
            *[_number((scores.get(e) or {}).get("score")) for e in exercise_ids],
            row.error(lang), row.notes(lang),
        ])
    return _csv(lines)


def canvas_csv(rows, title, assignment_id, max_score):
    """Canvas's gradebook import (students without a score are left blank, not zero)."""
    column = f"{title} ({assignment_id})" if assignment_id else title
    lines = [[*CANVAS_COLUMNS, column], [POINTS_POSSIBLE, "", "", "", "", _number(max_score)]]
    for row in rows:
        # Canvas's ID is its numeric user id (a Canvas download's, or a Canvas roster's); a
        # folder's name is no Canvas id, so the SIS columns from the roster identify the student.
        canvas_id = row.student if row.student.isdigit() else ""
        lines.append([row.name or row.student, canvas_id,
                      row.canvas.get("sis_user_id", ""), row.canvas.get("sis_login_id", ""),
                      row.canvas.get("section", ""), _number(row.score)])
    return _csv(lines)


def moodle_comment(row):
    """The short feedback comment of Moodle's worksheet, in the student's language."""
    lang = row.language
    parts = []
    if row.score is not None:
        parts.append(Message(N_("Score: {score} / {max}."), score=points(row.score),
                             max=points(row.record.get("max_score") or 0)).render(lang))
    if row.error(lang):
        parts.append(row.error(lang))
    return " ".join(parts)


def moodle_csv(rows, max_score):
    """Moodle's grading worksheet (``Identifier`` is ``Participant <id>`` for Moodle ids)."""
    lines = [list(MOODLE_COLUMNS)]
    for row in rows:
        identifier = f"Participant {row.student}" if row.moodle_participant else row.student
        lines.append([identifier, row.name, row.email, _number(row.score),
                      _number(max_score), moodle_comment(row)])
    return _csv(lines)


def feedback_file(row, fmt):
    """``(suffix, text)`` of a student's feedback file in the student's language.

    ``fmt`` is ``"text"`` (the terminal report) or ``"json"`` (the full JSON report, in the
    language the student was graded with).
    """
    record = row.record
    if fmt == "json":
        report = record.get("report")
        data = report if report is not None else {
            "format": "amiq-grader-report", "student": row.student, "status": row.status,
            "error": row.error(row.language)}
        return ".json", json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    text = (record.get("feedback") or {}).get(row.language, "")
    notes = row.notes(row.language)
    if notes:
        text = text.rstrip("\n") + "\n" + notes + "\n"
    return ".txt", text


def summary(rows):
    """Counts by status, and the mean score of the students with a score.

    Returns
    -------
    dict
        ``students``, ``graded`` (graded + problems), ``problems``, ``timed_out``, ``failed``,
        ``missing``, ``resumed``, ``mean_score`` (None when nobody has a score), ``max_score``.
    """
    counts = {s: 0 for s in ("graded", "problems", "timed_out", "failed", "missing")}
    scores, max_score = [], None
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
        if row.score is not None:
            scores.append(float(row.score))
            max_score = row.record.get("max_score")
    return {
        "students": len(rows),
        "graded": counts["graded"] + counts["problems"],
        "problems": counts["problems"],
        "timed_out": counts["timed_out"],
        "failed": counts["failed"],
        "missing": counts["missing"],
        "resumed": sum(1 for r in rows if r.resumed),
        "mean_score": (sum(scores) / len(scores)) if scores else None,
        "max_score": max_score,
    }


def summary_messages(counts):
    """The summary as messages (one per line)."""
    lines = [Plural("{n} student: {graded} graded ({problems} with problems), {timed_out} timed "
                    "out, {failed} failed.",
                    "{n} students: {graded} graded ({problems} with problems), {timed_out} "
                    "timed out, {failed} failed.", counts["students"],
                    graded=counts["graded"], problems=counts["problems"],
                    timed_out=counts["timed_out"], failed=counts["failed"])]
    if counts["mean_score"] is not None:
        lines.append(Message(N_("Mean score: {mean} / {max}."),
                             mean=f"{counts['mean_score']:.1f}",
                             max=points(counts["max_score"] or 0)))
    if counts["missing"]:
        lines.append(Plural("{n} student of the roster has no submission.",
                            "{n} students of the roster have no submission.",
                            counts["missing"]))
    if counts["resumed"]:
        lines.append(Plural("{n} student was already graded by an earlier run (kept; --force "
                            "grades again).",
                            "{n} students were already graded by an earlier run (kept; --force "
                            "grades again).", counts["resumed"]))
    return lines


def results_chunks(rows, meta, exercise_ids):
    """``results.json`` as a sequence of text pieces (written one student at a time).

    Parameters
    ----------
    rows : list of Row
    meta : dict
        The run's settings (unit, hidden, seed, limits, jobs, grader version, ...).
    exercise_ids : list of str
    """
    head = {"format": "amiq-class-results", "format_version": 1, **meta,
            "exercises": exercise_ids, "summary": summary(rows)}
    text = json.dumps(head, ensure_ascii=False, indent=1)
    yield text[:-2] + ',\n "students": ['
    for index, row in enumerate(rows):
        record = row.record
        data = {
            "student": row.student, "name": row.name, "email": row.email,
            "origin": row.origin, "language": row.language, "resumed": row.resumed,
            "status": row.status, "score": record.get("score"),
            "max_score": record.get("max_score"), "exercises": record.get("exercises") or {},
            "error": record.get("error") or {}, "notes": record.get("notes") or {},
            "seconds": record.get("seconds"), "isolation": record.get("isolation"),
            "report": record.get("report"),
        }
        yield ("\n  " if index == 0 else ",\n  ") + json.dumps(data, ensure_ascii=False)
    yield "\n ]\n}\n"
