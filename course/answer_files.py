"""Files students fill in by hand (quiz answers, lab choice): read as TOML, written with a backup.

الملفات التي يملؤها الطالب بيده (إجابات الاختبار القصير، اختيار المختبر): تُقرأ بصيغة TOML وتُكتب
مع نسخة احتياطية.

What the quiz's answers file (:mod:`course.quiz.sheet`) and the lab's choice file
(:mod:`course.lab_choice`) share: reading within a size limit (so something else is not parsed
by mistake), UTF-8 decoding, TOML parsing, and writing that first copies an existing file to
``.amiq-backups/``. What differs, the error type and the advice of some messages, is described
once per file by an :class:`AnswerFileKind`; each caller checks the content of the tables itself.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from course.fileio import TooLarge, read_bytes_at_most
from course.i18n import _, isolate
from course.toml_reader import tomllib


@dataclass(frozen=True)
class AnswerFileKind:
    """One kind of file students fill in: its name, its size limit and its messages.

    Attributes
    ----------
    filename : str
        Default name, shown in messages when text is parsed without a path.
    max_bytes : int
        Larger files are refused without being read.
    error : type
        The :class:`course.i18n.LocalizedError` subclass raised for every problem.
    missing : callable
        ``missing(path)`` -> the exception raised when there is no file at ``path`` (its message
        says how to make one).
    too_large : callable
        ``too_large(path, limit)`` -> the translated message for a file over ``max_bytes``.
    not_toml : callable
        ``not_toml(path, error)`` -> the translated message for text that is not TOML (with an
        example line of this file).
    """

    filename: str
    max_bytes: int
    error: type
    missing: Callable
    too_large: Callable
    not_toml: Callable


def read_text(path, kind):
    """The text of a file of ``kind``, checked to be a readable UTF-8 file within its size limit.

    Parameters
    ----------
    path : pathlib.Path
    kind : AnswerFileKind

    Returns
    -------
    str

    Raises
    ------
    kind.error
        No file (``kind.missing``), not a file, too large, unreadable or not UTF-8.
    """
    # isolated inside each message: isolate() depends on the language it is rendered in
    path = Path(path)
    if not path.is_file():
        if path.exists():
            raise kind.error(lambda: _("{path} is not a file.").format(path=isolate(path)))
        raise kind.missing(path)
    try:
        data = read_bytes_at_most(path, kind.max_bytes)
    except TooLarge:
        raise kind.error(lambda: kind.too_large(isolate(path), isolate(kind.max_bytes))) from None
    except OSError as exc:
        raise kind.error(lambda exc=exc: _("Cannot read {path}: {error}").format(
            path=isolate(path), error=isolate(exc))) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise kind.error(lambda: _("{path} is not UTF-8 text: save it as UTF-8 and try again.")
                         .format(path=isolate(path))) from None


def parse_toml(text, path, kind):
    """The TOML document of a file of ``kind`` (a leading byte order mark is ignored).

    Parameters
    ----------
    text : str
    path : pathlib.Path or None
        Where the text comes from, for messages (``kind.filename`` when None).
    kind : AnswerFileKind

    Returns
    -------
    dict

    Raises
    ------
    kind.error
        Not valid TOML.
    """
    where = path if path is not None else kind.filename
    try:
        return tomllib.loads(text.lstrip("\ufeff"))
    # ValueError: an integer of more than 4300 digits (Python's int-to-text limit).
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise kind.error(lambda exc=exc: kind.not_toml(isolate(where), isolate(exc))) from None


def write_with_backup(path, text, backup_base=None):
    """Write a file students fill in; an existing one is first copied to ``.amiq-backups/``.

    Parameters
    ----------
    path : pathlib.Path
    text : str
    backup_base : pathlib.Path, optional
        The folder whose ``.amiq-backups/`` receives the copy (default: the file's folder).

    Returns
    -------
    pathlib.Path or None
        The backup, when a file was replaced.
    """
    from course.data.backups import backup_file
    from course.fileio import write_text

    path = Path(path)
    backup = backup_file(path, backup_base or path.parent) if path.exists() else None
    write_text(path, text)
    return backup
