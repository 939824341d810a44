"""The optional roster CSV: each student's id, name, e-mail, feedback language and LMS ids.

قائمة الطلاب الاختيارية (CSV): مُعرِّف كل طالب واسمه وبريده ولغة ملاحظاته ومُعرِّفاته في نظام إدارة التعلّم.

A roster is a CSV file with a header row. Only the id column is required; its header is one of
``id``, ``student_id``, ``student``, ``identifier``, ``participant`` (any case). The others:
``name`` (or ``full name``), ``email`` (or ``email address``), ``language`` (or ``lang``;
``ar`` or ``en``) and, for the Canvas export, ``sis user id``, ``sis login id``, ``section``.
So a Canvas gradebook export (``Student``, ``ID``, ``SIS User ID``, ...) and a Moodle grading
worksheet (``Identifier`` = ``Participant 123456``, ``Full name``, ``Email address``) can serve
as rosters as they are. Ids are matched with the student ids :mod:`~grader.classroom.intake`
finds (a folder or archive name, Canvas's user id, Moodle's participant id).
"""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from course.i18n import LANGUAGES

from ..feedback import Message, N_, sanitize

ID_HEADERS = ("id", "student_id", "student id", "identifier", "participant", "student")
NAME_HEADERS = ("name", "full name", "full_name", "student")
EMAIL_HEADERS = ("email", "email address", "e-mail")
LANGUAGE_HEADERS = ("language", "lang")
CANVAS_HEADERS = {"sis_user_id": "sis user id", "sis_login_id": "sis login id",
                  "section": "section"}
MOODLE_PREFIX = "Participant "
MAX_ROSTER_BYTES = 50 * 1024 * 1024


class RosterError(Exception):
    """A roster that cannot be used; ``messages`` say why and what was expected."""

    def __init__(self, *messages):
        self.messages = messages
        super().__init__(" ".join(m.render("en") for m in messages))


@dataclass
class RosterEntry:
    """One student of the roster (fields are empty strings when the roster has no value)."""

    student: str
    name: str = ""
    email: str = ""
    language: str = ""
    sis_user_id: str = ""
    sis_login_id: str = ""
    section: str = ""
    moodle: bool = False  # the id was written "Participant <id>" (a Moodle worksheet)


def normalise_id(value):
    """An id as matched: trimmed, with Moodle's ``Participant `` prefix removed."""
    text = str(value).strip()
    if text.startswith(MOODLE_PREFIX):
        text = text[len(MOODLE_PREFIX):].strip()
    return text


def _column(headers, wanted, taken=()):
    lowered = [h.strip().lower() for h in headers]
    for name in wanted:
        for index, header in enumerate(lowered):
            if header == name and index not in taken:
                return index
    return None


def read_roster(path):
    """Read a roster CSV.

    Parameters
    ----------
    path : path

    Returns
    -------
    dict
        ``{student id: RosterEntry}`` (ids normalised with :func:`normalise_id`).

    Raises
    ------
    RosterError
        Unreadable file, no id column, a bad language, or one id twice; the message names the
        line.
    """
    expected = Message(N_("Expected a CSV file with a header row and an id column (id, "
                          "student_id, student or identifier), optionally name, email and "
                          "language (ar or en)."))
    path = Path(path)
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_ROSTER_BYTES:
            raise ValueError("too large")
        text = raw.decode("utf-8-sig")
    except (OSError, ValueError) as exc:
        raise RosterError(Message(N_("The roster {path} cannot be read: {error}"),
                                  path=str(path), error=str(exc)), expected) from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise RosterError(Message(N_("The roster {path} is empty."), path=str(path)), expected)
    headers = rows[0]
    id_col = _column(headers, ID_HEADERS)
    if id_col is None:
        raise RosterError(Message(N_("The roster {path} has no id column."), path=str(path)),
                          expected)
    columns = {
        "name": _column(headers, NAME_HEADERS, taken={id_col}),
        "email": _column(headers, EMAIL_HEADERS),
        "language": _column(headers, LANGUAGE_HEADERS),
        **{key: _column(headers, (header,)) for key, header in CANVAS_HEADERS.items()},
    }
    entries = {}
    for line, row in enumerate(rows[1:], start=2):
        if id_col >= len(row) or not row[id_col].strip():
            continue  # blank lines, Canvas's "Points Possible" row
        raw_id = row[id_col].strip()
        student = normalise_id(raw_id)
        values = {key: (row[i].strip() if i is not None and i < len(row) else "")
                  for key, i in columns.items()}
        language = values["language"].lower()
        if language and language not in LANGUAGES:
            raise RosterError(Message(
                N_("Line {line} of the roster gives the language {value}; expected ar or en."),
                line=line, value=sanitize(values["language"], 40)))
        if student in entries:
            raise RosterError(Message(N_("The id {student} appears twice in the roster (line "
                                         "{line})."), student=sanitize(student, 80), line=line))
        values["language"] = language
        entries[student] = RosterEntry(student=student, moodle=raw_id.startswith(MOODLE_PREFIX),
                                       **values)
    return entries
