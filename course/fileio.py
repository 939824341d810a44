"""Write files atomically: a temporary file in the same folder, synced, then renamed into place.

كتابة الملفات كتابةً ذرّية: ملف مؤقت في المجلد نفسه، ثم مزامنة، ثم إعادة تسمية إلى مكانه.

A reader (or a crash) never sees half a file: the text goes to a hidden temporary file next to
the destination, which is flushed and ``fsync``-ed and then renamed over the destination with
``os.replace`` (atomic on POSIX and Windows). The new file gets the permissions any new file of
the user's gets (``0o666`` minus the umask), not ``mkstemp``'s private ``0o600``. On any error
the temporary file is removed and the destination is left as it was.

Use::

    from course.fileio import write_text, AtomicFile

    write_text("report.json", text)

    with AtomicFile("train.h5") as out:       # write through a path (h5py opens it itself)
        write_h5(out.temp_path)

    staged = AtomicFile("big.bin", binary=True)   # commit later, e.g. after a verification
    staged.file.write(chunk)
    staged.commit()          # or staged.discard()
"""

import os
import stat
import tempfile
import threading
from pathlib import Path

_UMASK_LOCK = threading.Lock()


def current_umask():
    """The process's umask, read without changing it where the system tells (Linux).

    Elsewhere it is read with the usual set-and-restore, under a lock.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _fsync_folder(folder):
    """Make the rename itself durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class AtomicFile:
    """A file written under a temporary name beside ``path`` and renamed into place on commit.

    Parameters
    ----------
    path : str or os.PathLike
        The destination. Its folder must exist.
    binary : bool
        Open :attr:`file` in binary mode (default: text).
    encoding : str
        Text encoding (text mode only).
    newline : str or None
        As for :func:`open` (text mode only); ``""`` writes line endings unchanged.
    mode : int or None
        Permission bits of the new file (default: ``0o666`` minus the umask). A file holding a
        secret passes ``0o600``: the temporary file is private from the start, so the secret is
        never readable by others, not even for a moment.

    Attributes
    ----------
    path : pathlib.Path
    temp_path : pathlib.Path
        The temporary file, for writers that open files by name; write through it, or through
        :attr:`file`, not both.

    Notes
    -----
    As a context manager it commits when the block ends normally and discards on an exception.
    """

    def __init__(self, path, *, binary=False, encoding="utf-8", newline=None, mode=None):
        self.path = Path(path)
        self.mode = mode
        folder = self.path.parent if str(self.path.parent) else Path(".")
        fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        self.temp_path = Path(temp)
        self._fd = fd
        self._binary = binary
        self._encoding = encoding
        self._newline = newline
        self._file = None
        self.done = False

    @property
    def file(self):
        """The temporary file, opened on first use."""
        if self._file is None:
            if self._binary:
                self._file = os.fdopen(self._fd, "wb")
            else:
                self._file = os.fdopen(
                    self._fd, "w", encoding=self._encoding, newline=self._newline
                )
            self._fd = None
        return self._file

    def _close(self, sync):
        if self._file is not None:
            if sync:
                self._file.flush()
                os.fsync(self._file.fileno())
            self._file.close()
            self._file = None
        elif self._fd is not None:
            os.close(self._fd)
            self._fd = None
            if sync:
                # Written by name (e.g. h5py): sync what is now on disk under that name.
                fd = os.open(self.temp_path, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)

    def commit(self):
        """Sync the temporary file, give it the umask's permissions and rename it into place."""
        if self.done:
            return
        try:
            self._close(sync=True)
            os.chmod(self.temp_path, 0o666 & ~current_umask() if self.mode is None else self.mode)
            os.replace(self.temp_path, self.path)
        except BaseException:
            self.discard()
            raise
        self.done = True
        _fsync_folder(self.path.parent if str(self.path.parent) else ".")

    def discard(self):
        """Remove the temporary file; the destination is untouched."""
        if self.done:
            return
        self.done = True
        try:
            self._close(sync=False)
        finally:
            try:
                os.unlink(self.temp_path)
            except FileNotFoundError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.commit()
        else:
            self.discard()
        return False


def write_text(path, text, *, encoding="utf-8", newline=None):
    """Write ``text`` to ``path`` atomically (see :class:`AtomicFile`)."""
    with AtomicFile(path, encoding=encoding, newline=newline) as out:
        out.file.write(text)


def write_bytes(path, data, *, mode=None):
    """Write ``data`` to ``path`` atomically (see :class:`AtomicFile`; ``mode`` as there)."""
    with AtomicFile(path, binary=True, mode=mode) as out:
        out.file.write(data)


class TooLarge(ValueError):
    """A file larger than the limit its reader set (``limit`` bytes)."""

    def __init__(self, path, limit):
        super().__init__(f"{path} is larger than {limit} bytes")
        self.path = path
        self.limit = limit


def read_bytes_at_most(path, limit):
    """Read a small file without ever holding more than ``limit + 1`` bytes of it.

    A student's answers or choice file may be a sparse file of gigabytes: its size is checked on
    the open file (no swap between check and read) and at most ``limit + 1`` bytes are read.

    Parameters
    ----------
    path : str or os.PathLike
    limit : int
        The largest acceptable size, in bytes.

    Returns
    -------
    bytes

    Raises
    ------
    TooLarge
        The file has more than ``limit`` bytes.
    OSError
        It cannot be opened or read, or it is not a regular file (``IsADirectoryError`` for a
        folder, ``OSError`` for a device or pipe).
    """
    with open(path, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path} is not a regular file")
        if info.st_size > limit:
            raise TooLarge(path, limit)
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew after the check
        raise TooLarge(path, limit)
    return data
