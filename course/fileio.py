"""Write files atomically: a half-written file never appears, and the user's umask is honoured.

كتابة الملفات كتابةً ذرّية: لا يظهر ملف نصف مكتوب أبدًا، ويُحترم قناع الأذونات (umask) للمستخدم.
"""

import os
import tempfile
from pathlib import Path


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes_atomic(path, data, mode=None):
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    Parameters
    ----------
    path : str or pathlib.Path
    data : bytes
    mode : int or None
        Permission bits; default ``0o666`` minus the umask, as ``open()`` would create it.

    Returns
    -------
    pathlib.Path
    """
    return write_chunks_atomic(path, (data,), mode)


def write_chunks_atomic(path, chunks, mode=None):
    """:func:`write_bytes_atomic` for data produced piece by piece (``bytes`` or ``str``).

    Large outputs (a class's results) are written without holding them whole in memory; the
    file appears, complete, only after the last piece.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, (0o666 & ~_umask()) if mode is None else mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def write_text_atomic(path, text, mode=None):
    """:func:`write_bytes_atomic` for UTF-8 text."""
    return write_bytes_atomic(path, text.encode("utf-8"), mode)
