"""A class run: find the students, grade them in parallel, write the gradebook and feedback.

جولة تصحيح صفّ: العثور على الطلاب، وتصحيحهم بالتوازي، وكتابة سجلّ الدرجات والملاحظات.

:func:`grade_class` is ``amiq grade --class SUBMISSIONS --out RESULTS``. The output folder:

``RESULTS/grades.csv``, ``results.json``, ``canvas.csv``, ``moodle.csv``, ``feedback/``
    the outputs (:mod:`grader.classroom.gradebook`), rewritten at the end of every run; one the
    instructor edited since the last run is first copied to ``RESULTS/.amiq-backups/``;
``RESULTS/.amiq-class/records/``
    one record per graded student, written as soon as it is graded (the resume state);
``RESULTS/.amiq-class/work/``
    the students' files prepared for grading (removed at the end).

``SUBMISSIONS`` is only read.
"""

import hashlib
import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from course.fileio import AtomicFile, write_text

from .. import __version__
from ..feedback import Message, N_
from . import gradebook
from .intake import IntakeError, materialize, scan
from .pool import GradingPool, Job, default_jobs
from .records import DEFAULT_STUDENT_SECONDS, RecordStore, both, failed_record, finished, fingerprint, safe_name
from .roster import read_roster

STATE_DIR = ".amiq-class"
OUTPUTS_FILE = "outputs.json"


class ClassError(Exception):
    """The class run cannot start (bad input); ``messages`` say why and what was expected."""

    def __init__(self, *messages):
        self.messages = messages
        super().__init__(" ".join(m.render("en") for m in messages))


@dataclass
class ClassOptions:
    """What ``amiq grade --class`` was asked to do.

    Attributes
    ----------
    submissions, out : pathlib.Path
    unit : str or None
    exercises : list of str
        Exercise ids (all of the unit when empty).
    hidden : bool
    seed : int or None
    timeout : float or None
        The engine's per-call limit (None: its default).
    jobs : int or None
        Workers (None: one per processor core).
    student_seconds : float
        Hard wall-clock limit of one student.
    force : bool
        Grade every student again, even those an earlier run finished.
    roster : pathlib.Path or None
    lang : {"ar", "en"}
        The class's feedback language (a roster line may choose another per student).
    instructor_lang : {"ar", "en"}
        Language of the messages in ``grades.csv``.
    feedback_format : {"text", "json"}
    assignment : str or None
        The assignment's title in the Canvas import (default ``Amiq <unit>``).
    canvas_assignment_id : str or None
    allow_weak_isolation : bool
        Passed to the engine (see :mod:`grader.classroom.worker`).
    progress : bool or None
        Show the progress bar (None: only on a terminal).
    """

    submissions: Path
    out: Path
    unit: str = None
    exercises: list = field(default_factory=list)
    hidden: bool = False
    seed: int = None
    timeout: float = None
    jobs: int = None
    student_seconds: float = DEFAULT_STUDENT_SECONDS
    force: bool = False
    roster: Path = None
    lang: str = "ar"
    instructor_lang: str = "en"
    feedback_format: str = "text"
    assignment: str = None
    canvas_assignment_id: str = None
    allow_weak_isolation: bool = False
    progress: bool = None


@dataclass
class ClassResult:
    """What a class run did: the rows, the summary counts and where the outputs are."""

    rows: list
    counts: dict
    out: Path
    outputs: dict
    backups: list
    ignored: list


def _inside(path, other):
    try:
        path.resolve().relative_to(other.resolve())
        return True
    except ValueError:
        return False


def _lock(state, out):
    """Hold ``state/lock`` for the run: two runs into one results folder would mix their files."""
    import fcntl

    handle = open(state / "lock", "a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise ClassError(Message(N_("Another class run is writing to {out}; wait for it to "
                                    "finish."), out=str(out))) from None
    return handle


def _prepare_out(options):
    out = Path(options.out)
    submissions = Path(options.submissions)
    if _inside(out, submissions) or (submissions.is_dir() and _inside(submissions, out)):
        raise ClassError(Message(N_("The results folder {out} must be outside the submissions "
                                    "{submissions} (and the other way round)."),
                                 out=str(out), submissions=str(submissions)))
    if out.exists() and not out.is_dir():
        raise ClassError(Message(N_("{out} exists and is not a folder."), out=str(out)))
    if out.is_dir() and any(out.iterdir()) and not (out / STATE_DIR).is_dir():
        raise ClassError(Message(
            N_("{out} is not empty and is not the results folder of an earlier class run: "
               "choose a new folder (nothing in it is overwritten)."), out=str(out)))
    if not out.parent.is_dir():
        raise ClassError(Message(N_("The folder {folder} does not exist."),
                                 folder=str(out.parent)))
    state = out / STATE_DIR
    created = not out.exists()
    state.mkdir(parents=True, exist_ok=True)
    try:
        lock = _lock(state, out)
    except ClassError:
        if created:
            shutil.rmtree(out, ignore_errors=True)
        raise
    work = state / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    return out, state, work, (lock, created)


def _choose(options):
    from ..runner.engine import GradingError, choose, hidden_available, resolve_seed

    try:
        unit, exercises = choose(list(options.exercises), options.unit)
        if options.hidden and not hidden_available(unit):
            raise GradingError(
                Message(N_("Hidden checks need the reference solutions and their grading "
                           "material (solutions/{unit}/grading/)."), unit=unit.id),
                Message(N_("They are only available to instructors; run without --hidden.")))
        seed = resolve_seed(options.seed)
    except GradingError as exc:
        raise ClassError(*exc.messages) from None
    return unit, exercises, seed


def _settings(unit, exercises, options, seed):
    """What decides a student's grade (the resume fingerprint; see :mod:`.records`)."""
    from ..sandbox.client import Limits

    limits = Limits()
    return {"unit": unit.id, "exercises": [e.id for e in exercises], "hidden": options.hidden,
            "seed": seed, "timeout": options.timeout or limits.timeout,
            "exercise_seconds": limits.exercise_seconds,
            "grading_seconds": getattr(limits, "grading_seconds", None), "grader": __version__}


def _write_outputs(out, state, files):
    """Write the outputs atomically; back up any the instructor changed since the last run.

    Outputs of the last run that this run does not write (a student no longer in the class) are
    removed; files the instructor added are never touched.

    Parameters
    ----------
    files : dict
        ``{relative path: str or iterable of str}``.

    Returns
    -------
    (dict, list)
        ``{relative path: sha256}`` written, and the backups made.
    """
    from course.data.backups import backup_file, timestamp

    ledger_path = state / OUTPUTS_FILE
    try:
        previous = json.loads(ledger_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    stamp, backups, written = timestamp(), [], {}
    for rel in previous:
        path = out / rel
        if path.is_file() and rel not in files:
            if _digest_file(path) != previous[rel]:
                backups.append(backup_file(path, out, stamp))
            path.unlink()
    for rel, content in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and rel in previous and _digest_file(path) != previous[rel]:
            backups.append(backup_file(path, out, stamp))
        chunks = [content] if isinstance(content, str) else content
        digest = hashlib.sha256()
        with AtomicFile(path, binary=True) as target:
            for chunk in chunks:
                data = chunk.encode("utf-8")
                digest.update(data)
                target.file.write(data)
        written[rel] = digest.hexdigest()
    write_text(ledger_path, json.dumps(written, indent=1))
    return written, backups


def _digest_file(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def grade_class(options):
    """Grade every student of ``options.submissions`` into ``options.out``.

    Parameters
    ----------
    options : ClassOptions

    Returns
    -------
    ClassResult

    Raises
    ------
    ClassError
        Bad input (unknown unit, unusable ``SUBMISSIONS`` or roster, an unsafe results folder).
    grader.classroom.pool.PoolError
        The grading workers could not start.
    KeyboardInterrupt
        Interrupted: finished students are kept for the next run.
    """
    from .roster import RosterError

    unit, exercises, seed = _choose(options)
    roster = {}
    if options.roster is not None:
        try:
            roster = read_roster(options.roster)
        except RosterError as exc:
            raise ClassError(*exc.messages) from None
    out, state, work, (lock, created) = _prepare_out(options)
    try:
        try:
            found = scan(options.submissions, unit, work / "intake")
        except IntakeError as exc:
            if created:  # nothing was graded: leave no empty results folder behind
                shutil.rmtree(out, ignore_errors=True)
            raise ClassError(*exc.messages) from None
        settings = _settings(unit, exercises, options, seed)
        store = RecordStore(state / "records")
        rows, jobs, keys = [], [], {}
        for index, candidate in enumerate(found.candidates):
            entry = roster.get(candidate.student)
            row = _row(candidate, entry, options)
            rows.append(row)
            folder = work / f"{index:05d}"
            try:
                material = materialize(candidate, unit, folder / "material")
            except IntakeError as exc:
                row.record = failed_record("failed", exc.messages)
                continue
            notes = list(material.notes)
            if candidate.late:
                notes.append(Message(N_("Submitted late (according to the LMS).")))
            key = fingerprint(settings, material.digest)
            record = None if options.force else store.load(candidate.student, key)
            if finished(record, options.student_seconds):
                row.record, row.resumed = record, True
                continue
            submission = folder / "submission"
            submission.mkdir(parents=True)
            for name, data in material.files.items():
                (submission / name).write_bytes(data)
            row.record = {"notes": both(notes)}
            keys[candidate.student] = (key, notes, row)
            jobs.append(Job(candidate.student, str(submission), row.language, candidate.label))
        done = len(rows) - len(jobs)
        _grade(jobs, keys, store, options, unit, exercises, seed, (len(rows), done))
        known = {r.student for r in rows}
        for student, entry in roster.items():
            if student not in known:
                rows.append(_missing_row(student, entry, options))
        outputs, backups = _outputs(rows, options, unit, exercises, seed, out, state)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        lock.close()
    return ClassResult(rows, gradebook.summary(rows), out, outputs, backups, found.ignored)


def _grade(jobs, keys, store, options, unit, exercises, seed, counts):
    if not jobs:
        return
    pool_options = {"unit": unit.id, "exercises": [e.id for e in exercises],
                    "hidden": options.hidden, "seed": seed, "timeout": options.timeout,
                    "allow_weak_isolation": options.allow_weak_isolation}
    size = min(options.jobs or default_jobs(), len(jobs))
    pool = GradingPool(size, pool_options, options.student_seconds)
    progress = _progress(*counts, options.progress)

    def finished(job, record):
        key, notes, row = keys[job.key]
        record["notes"] = both(notes)
        row.record = store.save(job.key, key, record)
        shutil.rmtree(Path(job.folder).parent, ignore_errors=True)
        progress.update(1)

    try:
        pool.run(jobs, finished)
    finally:
        progress.close()


class _NoProgress:
    def update(self, n):
        pass

    def close(self):
        pass


def _progress(total, done, enabled):
    """A tqdm bar on standard error (done/total, rate, ETA); off when not on a terminal."""
    import sys

    if enabled is False:
        return _NoProgress()
    from tqdm import tqdm

    from course.i18n import _

    return tqdm(total=total, initial=done, unit=_("student"), desc=_("Grading"),
                file=sys.stderr, disable=None if enabled is None else False, dynamic_ncols=True)


def _language(entry, options):
    return (entry.language if entry is not None and entry.language else options.lang)


def _row(candidate, entry, options):
    canvas = {}
    if entry is not None:
        canvas = {"sis_user_id": entry.sis_user_id, "sis_login_id": entry.sis_login_id,
                  "section": entry.section}
    return gradebook.Row(
        student=candidate.student,
        name=(entry.name if entry is not None and entry.name else candidate.name),
        email=entry.email if entry is not None else "",
        origin=candidate.origin,
        language=_language(entry, options),
        canvas=canvas,
        moodle_participant=candidate.origin == "moodle" or (entry is not None and entry.moodle),
    )


def _missing_row(student, entry, options):
    row = _row_from_entry(student, entry, options)
    row.record = failed_record("missing", [Message(N_("No submission was found for this "
                                                      "student."))])
    return row


def _row_from_entry(student, entry, options):
    return gradebook.Row(
        student=student, name=entry.name, email=entry.email, origin="roster",
        language=_language(entry, options),
        canvas={"sis_user_id": entry.sis_user_id, "sis_login_id": entry.sis_login_id,
                "section": entry.section},
        moodle_participant=entry.moodle)


def _outputs(rows, options, unit, exercises, seed, out, state):
    ids = [e.id for e in exercises]
    max_score = next((r.record.get("max_score") for r in rows
                      if r.record.get("max_score") is not None), None)
    title = options.assignment or f"Amiq {unit.id}"
    meta = {"unit": unit.id, "hidden": options.hidden, "seed": seed,
            "timeout": options.timeout, "student_seconds": options.student_seconds,
            "grader": __version__, "created": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    files = {
        "grades.csv": gradebook.grades_csv(rows, ids, options.instructor_lang),
        "results.json": gradebook.results_chunks(rows, meta, ids),
        "canvas.csv": gradebook.canvas_csv(rows, title, options.canvas_assignment_id, max_score),
        "moodle.csv": gradebook.moodle_csv(rows, max_score),
    }
    for row in rows:
        if row.status == "missing":
            continue
        suffix, text = gradebook.feedback_file(row, options.feedback_format)
        files[f"feedback/{safe_name(row.student)}{suffix}"] = text
    return _write_outputs(out, state, files)
