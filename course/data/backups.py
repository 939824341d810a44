"""Keep a copy of a user's file before anything replaces it.

الاحتفاظ بنسخة احتياطية من ملف المستخدم قبل استبداله.

Backups go to a ``.amiq-backups/<timestamp>/`` folder (ignored by git), keeping the file's path
relative to a chosen base, so a restore is a plain copy back.
"""

import shutil
from datetime import datetime
from pathlib import Path

BACKUP_DIRNAME = ".amiq-backups"


def timestamp():
    """A sortable, collision-resistant stamp such as ``20250102-030405-123456``."""
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def backup_dir(base, stamp=None):
    """``<base>/.amiq-backups/<stamp>`` (not created)."""
    return Path(base) / BACKUP_DIRNAME / (stamp or timestamp())


def backup_file(path, base, stamp=None, move=False):
    """Copy (or move) ``path`` into the backup folder under ``base`` and return the copy's path.

    Parameters
    ----------
    path : pathlib.Path
        An existing file inside ``base`` (or anywhere: then only its name is kept).
    base : pathlib.Path
        The folder whose ``.amiq-backups`` receives the copy.
    stamp : str, optional
        Share one stamp between the files of one operation.
    move : bool
        Rename instead of copying (same file system; used right before a replacement).
    """
    path = Path(path)
    base = Path(base)
    try:
        relative = path.resolve().relative_to(base.resolve())
    except ValueError:
        relative = Path(path.name)
    target = backup_dir(base, stamp) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if move:
        path.replace(target)
    else:
        shutil.copy2(path, target)
    return target
