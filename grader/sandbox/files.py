"""Read a submission's module files safely: regular files only, bounded, never blocking.

قراءة ملفات وحدات التسليم بأمان: ملفات عادية فقط، بحجم محدود، ومن دون انتظار لا ينتهي.

A FIFO where a module is expected would block the grader forever, a device could be endless, a
symlink could point at the reference: each is refused with :class:`SubmissionFileError`, whose
``kind`` the engine turns into a bilingual message.
"""

import errno
import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 2 * 1024 * 1024

_KINDS = (
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISDIR, "folder"),
    (stat.S_ISLNK, "symlink"),
)


class SubmissionFileError(ValueError):
    """A module file of the submission cannot be used.

    Attributes
    ----------
    kind : str
        ``"symlink"``, ``"fifo"``, ``"device"``, ``"socket"``, ``"folder"``, ``"other"`` (not a
        regular file), ``"too_large"`` or ``"unreadable"``.
    path : str
    detail : str
        The system's reason for ``"unreadable"`` (English).
    """

    def __init__(self, kind, path, detail=""):
        self.kind = kind
        self.path = str(path)
        self.detail = str(detail)
        super().__init__(f"{self.path}: {kind}{': ' + self.detail if self.detail else ''}")


def _kind_of(mode):
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "other"


def read_submission(directory, modules, max_bytes=MAX_FILE_BYTES):
    """Read ``<module>.py`` for each module present in ``directory``.

    Parameters
    ----------
    directory : str or pathlib.Path
    modules : sequence of str
        Module names (``SubmissionLayout.submission_modules``).
    max_bytes : int
        Largest accepted file.

    Returns
    -------
    dict
        ``{file name: bytes}`` for the files present.

    Raises
    ------
    SubmissionFileError
        For a symlink, FIFO, device, socket, folder or other non-regular file, a file larger
        than ``max_bytes``, or one that cannot be read.
    """
    files = {}
    for module in modules:
        path = Path(directory) / f"{module}.py"
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise SubmissionFileError("unreadable", path, exc.strerror) from None
        if not stat.S_ISREG(info.st_mode):
            raise SubmissionFileError(_kind_of(info.st_mode), path)
        if info.st_size > max_bytes:
            raise SubmissionFileError("too_large", path)
        try:
            # O_NOFOLLOW and O_NONBLOCK: the file may have been swapped for a symlink or a FIFO
            # since lstat; opening either must neither follow it nor wait for a writer.
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY)
        except OSError as exc:
            kind = "symlink" if exc.errno == errno.ELOOP else "unreadable"
            raise SubmissionFileError(kind, path, exc.strerror if kind == "unreadable" else "")
        with os.fdopen(fd, "rb") as fh:
            mode = os.fstat(fh.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise SubmissionFileError(_kind_of(mode), path)
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise SubmissionFileError("too_large", path)
        files[path.name] = data
    return files
