"""One record per student: what a class run keeps about a graded student, and how to resume.

سجلّ لكل طالب: ما تحفظه جولة تصحيح الصف عن كل طالب صُحِّح، وكيف تُستأنف الجولة.

A record is plain JSON data written atomically to ``OUT/.amiq-class/records/<student>.json`` as
soon as the student is graded, so an interrupted run (Ctrl-C, a crash, a reboot) loses at most
the students being graded at that moment. A record carries the *fingerprint* of what was graded
(the unit, the exercises, hidden or not, the seed, the time limit, the grader's version and the
digest of the student's files): the next run skips a student whose record has the same
fingerprint, and grades again one whose files or settings changed.

Statuses (the gradebook's ``status`` column):

=============  ===============================================================================
``graded``     graded; nothing went wrong beyond wrong answers
``problems``   graded, but a module could not be imported, was missing, or the code crashed
``timed_out``  some calls timed out (partly graded), or the whole student hit the hard limit
``failed``     not graded: nothing usable in the submission, or the grader failed on it
``missing``    in the roster, but no submission was found
=============  ===============================================================================

``error`` is filled (in Arabic and English) whenever the status is not ``graded``.
"""

import hashlib
import json
import re
from pathlib import Path

from ..feedback import Message, N_, Plural

RECORD_FORMAT = 1
# Hard wall-clock limit of one student: far above a complete submission's grading (a few
# seconds) and above the engine's own budget for all the calls of one grading (120 s), so it only
# ever stops what the engine's limits did not (a grading stuck outside the student's calls).
DEFAULT_STUDENT_SECONDS = 180.0
STATUSES = ("graded", "problems", "timed_out", "failed", "missing")
# Check statuses that mean something went wrong while running the student's code, in the order
# the error column lists them.
_TROUBLE = ("timeout", "crashed", "did_not_report")


def _trouble_message(status, names):
    n, exercises = len(names), ", ".join(names)
    if status == "timeout":
        return Plural("Timed out in exercise {exercises}.", "Timed out in exercises {exercises}.",
                      n, exercises=exercises)
    if status == "crashed":
        return Plural("The code crashed or hit the memory or CPU limit in exercise {exercises}.",
                      "The code crashed or hit the memory or CPU limit in exercises "
                      "{exercises}.", n, exercises=exercises)
    return Plural("Some checks of exercise {exercises} did not report (a grader problem, not "
                  "the student's).",
                  "Some checks of exercises {exercises} did not report (a grader problem, not "
                  "the student's).", n, exercises=exercises)


def both(messages):
    """``{"ar": text, "en": text}`` of messages joined by spaces (``""`` when none)."""
    return {lang: " ".join(m.render(lang) for m in messages) for lang in ("ar", "en")}


def report_problems(report):
    """What went wrong while grading ``report``'s submission, and the status it gives.

    Parameters
    ----------
    report : grader.runner.results.Report

    Returns
    -------
    (str, list of Message)
        ``("graded", [])`` when nothing went wrong beyond wrong answers; else ``problems`` or
        ``timed_out`` and the messages saying what (module problems first).
    """
    messages = [p.message for p in report.submission_problems]
    messages += list(report.problems)
    by_status = {}
    for ex in report.exercises:
        for check in ex.checks:
            status = "did_not_report" if check.internal else check.status
            if status in _TROUBLE:
                names = by_status.setdefault(status, [])
                if ex.name not in names:
                    names.append(ex.name)
    for status in _TROUBLE:
        names = by_status.get(status)
        if names:
            messages.append(_trouble_message(status, names))
    if "timeout" in by_status:
        return "timed_out", messages
    return ("problems" if messages else "graded"), messages


def record_from_report(report, report_lang, notes=()):
    """The record of a graded student (everything the gradebook and feedback need).

    Parameters
    ----------
    report : grader.runner.results.Report
    report_lang : {"ar", "en"}
        Language of the stored JSON report (the student's feedback language).
    notes : sequence of Message
        Intake notes (e.g. files changed after ``amiq submit``).

    Returns
    -------
    dict
    """
    from ..report import render
    from ..report.json_report import report_data

    status, problems = report_problems(report)
    return {
        "status": status,
        "score": report.score,
        "max_score": report.max_score,
        "exercises": {ex.id: {"score": ex.score, "max_score": ex.max_score, "status": ex.status}
                      for ex in report.exercises},
        "error": both(problems),
        "notes": both(notes),
        "isolation": report.isolation,
        "seconds": round(report.seconds, 3),
        "report": report_data(report, report_lang),
        "feedback": {lang: render(report, "text", lang) for lang in ("ar", "en")},
    }


def failed_record(status, messages, seconds=0.0, notes=()):
    """The record of a student without a report (``failed`` or ``timed_out``)."""
    if status not in STATUSES:
        raise ValueError(status)
    return {
        "status": status,
        "score": None,
        "max_score": None,
        "exercises": {},
        "error": both(messages),
        "notes": both(notes),
        "isolation": None,
        "seconds": round(seconds, 3),
        "report": None,
        "feedback": {lang: " ".join(m.render(lang) for m in messages) + "\n"
                     for lang in ("ar", "en")},
    }


def hard_timeout_record(seconds):
    """The record of a student whose grading was stopped by the per-student wall-clock limit.

    ``limit`` is kept so that a later run with a higher limit grades the student again.
    """
    record = failed_record("timed_out", [Message(
        N_("Grading this submission took longer than {seconds} s and was stopped (an endless "
           "loop?). Raise --student-timeout to give it more time."), seconds=f"{seconds:g}")],
        seconds)
    record["limit"] = float(seconds)
    return record


def finished(record, student_seconds):
    """True when a stored record needs no new grading with this limit.

    Students the grader could not grade (``failed`` without a report: a worker that died, a
    sandbox failure) are tried again, and so are those stopped by a lower per-student limit.
    """
    if record is None:
        return False
    if record.get("report") is None and record.get("status") == "failed":
        return False
    if record.get("status") == "timed_out" and record.get("report") is None:
        return float(record.get("limit", 0)) >= float(student_seconds)
    return True


def fingerprint(settings, digest):
    """SHA-256 of the grading settings and the submission's digest (the resume key).

    Parameters
    ----------
    settings : dict
        JSON-able: unit, exercises, hidden, seed, time limits, grader version.
    digest : str
        :func:`grader.keys.submission_digest` of the student's files.
    """
    text = json.dumps({"settings": settings, "digest": digest}, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_HASHED_NAME = re.compile(r"-[0-9a-f]{16}$")
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def safe_name(student):
    """A file name for ``student``: only word characters, dots and dashes; one name per id.

    A plain id is its own name. Any other id is cleaned and gets ``-`` and 16 hex digits of its
    SHA-256, and so does a plain id that already ends like that: a student cannot name a folder
    ``bob_smith-<hash>`` to take over the files of ``bob smith``.
    """
    cleaned = _UNSAFE_NAME.sub("_", student).lstrip(".")[:80] or "student"
    if cleaned != student or _HASHED_NAME.search(student):
        cleaned += "-" + hashlib.sha256(student.encode("utf-8")).hexdigest()[:16]
    return cleaned


class RecordStore:
    """The records of one output folder: ``OUT/.amiq-class/records/<student>.json``."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def path(self, student):
        return self.folder / f"{safe_name(student)}.json"

    def load(self, student, key):
        """The stored record of ``student`` when its fingerprint is ``key`` (else None)."""
        try:
            data = json.loads(self.path(student).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if (not isinstance(data, dict) or data.get("format") != RECORD_FORMAT
                or data.get("fingerprint") != key or data.get("student") != student):
            return None
        return data

    def save(self, student, key, record):
        """Write ``record`` atomically (a half-written record never appears)."""
        from course.fileio import write_text

        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"format": RECORD_FORMAT, "student": student, "fingerprint": key, **record}
        write_text(self.path(student), json.dumps(data, ensure_ascii=False))
        return data
