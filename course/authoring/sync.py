"""Write (or check) the generated stubs of a unit, backing up any file that would change.

كتابة هياكل التمارين المولَّدة لوحدة ما (أو فحصها)، مع نسخ احتياطي لكل ملف سيتغيّر.
"""

from dataclasses import dataclass, field
from pathlib import Path

from course.data.backups import backup_file, timestamp
from course.fileio import write_text
from course.i18n import LocalizedError, _, isolate

from .stubs import render_unit


class SyncError(LocalizedError, ValueError):
    """The unit or the folders do not exist (translated message)."""


@dataclass
class SyncReport:
    """Outcome of :func:`sync_unit`.

    Attributes
    ----------
    unchanged : list of pathlib.Path
        Files already equal to the generated text.
    drifted : list of pathlib.Path
        Files that differ from it or are missing (before writing).
    written : list of pathlib.Path
        Files written (empty with ``check=True``).
    backups : list of (pathlib.Path, pathlib.Path)
        ``(file, its backup)`` for every existing file that was replaced.
    """

    unchanged: list = field(default_factory=list)
    drifted: list = field(default_factory=list)
    written: list = field(default_factory=list)
    backups: list = field(default_factory=list)


def _write_text(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, text, newline="")


def sync_unit(solutions_dir, course_dir, unit, check=False, backup_base=None):
    """Regenerate ``course_dir/unit`` from ``solutions_dir/unit``.

    Parameters
    ----------
    solutions_dir, course_dir : pathlib.Path
        The ``solutions/`` and ``course/`` folders.
    unit : str
        E.g. ``"c1w4"``.
    check : bool
        Only compare; write nothing.
    backup_base : pathlib.Path, optional
        Folder whose ``.amiq-backups/<timestamp>/`` receives replaced files (default: the parent
        of ``course_dir``, so a backup keeps the path ``course/<unit>/<file>``).

    Returns
    -------
    SyncReport

    Raises
    ------
    SyncError
        When ``solutions_dir/unit`` does not exist.
    course.authoring.stubs.StubError
        On malformed solution markers (nothing is written then).
    """
    solutions_dir, course_dir = Path(solutions_dir), Path(course_dir)
    if not (solutions_dir / unit).is_dir():
        raise SyncError(
            lambda: _("No reference solutions for unit {unit} in {folder}: the stubs are generated from "
              "them, so this needs the instructor's checkout.").format(
                unit=isolate(unit), folder=isolate(solutions_dir)
            )
        )
    rendered = render_unit(solutions_dir, unit)  # raises before any write on bad markers
    backup_base = Path(backup_base) if backup_base is not None else course_dir.parent
    report = SyncReport()
    stamp = timestamp()
    for name, text in sorted(rendered.items()):
        path = course_dir / unit / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            report.unchanged.append(path)
            continue
        report.drifted.append(path)
        if check:
            continue
        if current is not None:
            report.backups.append((path, backup_file(path, backup_base, stamp)))
        _write_text(path, text)
        report.written.append(path)
    return report
