"""SHA-256 verification of the data files, cached by file identity so repeated loads are fast.

التحقق من ملفات البيانات ببصمة SHA-256، مع حفظ النتيجة ما دام الملف لم يتغيّر.

The cache key is the file's resolved path and its ``(size, mtime_ns, ctime_ns, inode)``: any
write to the file changes ``ctime``, so a changed file is always hashed again. Results live in
memory and in a small JSON file in the user's cache folder (``$AMIQ_CACHE_DIR``, else
``$XDG_CACHE_HOME/amiq``, else ``~/.cache/amiq``); when that folder is not writable the memory
cache alone is used.
"""

import hashlib
import json
import os
from pathlib import Path

from course.fileio import write_text

CACHE_FILENAME = "verified-digests.json"
_CHUNK = 1 << 20
_memory = {}


def sha256_file(path):
    """Hex SHA-256 digest of a file's bytes (read in 1 MiB chunks)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def cache_dir():
    """The folder of the persistent digest cache."""
    explicit = os.environ.get("AMIQ_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "amiq"


def _signature(path):
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _read_disk_cache():
    try:
        with open(cache_dir() / CACHE_FILENAME, encoding="utf-8") as fh:
            data = json.load(fh)
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_disk_cache(key, entry):
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = _read_disk_cache()
        data[key] = entry
        # Atomic: a concurrent reader never sees half a file.
        write_text(folder / CACHE_FILENAME, json.dumps(data, indent=1, sort_keys=True))
    except OSError:
        pass  # an unwritable cache only costs speed


def cached_sha256(path):
    """SHA-256 of ``path``, reusing an earlier result while the file is unchanged.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    str
        Hex digest.
    """
    key = str(Path(path).resolve())
    signature = _signature(path)
    for entry in (_memory.get(key), _read_disk_cache().get(key)):
        if isinstance(entry, dict) and entry.get("signature") == signature:
            _memory[key] = entry
            return entry["sha256"]
    entry = {"signature": signature, "sha256": sha256_file(path)}
    # The file may have changed while being hashed; cache only a stable result.
    if _signature(path) == signature:
        _memory[key] = entry
        _write_disk_cache(key, entry)
    return entry["sha256"]


def clear_memory_cache():
    """Forget in-memory results (tests use it to force the disk cache or a re-hash)."""
    _memory.clear()
