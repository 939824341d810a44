"""Where the data files are: an explicit folder, else ``$AMIQ_DATA_DIR``, else the project's folder.

أين توجد ملفات البيانات: مجلد صريح، وإلا متغير البيئة ``AMIQ_DATA_DIR``، وإلا مجلد المشروع.
"""

import os
from pathlib import Path

from course.i18n import _, current_language, isolate, ngettext
from course.project import project_root

from .errors import DataMissingError
from .schema import ENV_VAR, SPLITS, filename

DEFAULT_SUBDIR = Path("datasets") / "catvnoncat"


def default_data_dir():
    """``datasets/catvnoncat`` in the project, or in the current folder when there is no project."""
    root = project_root()
    return (root if root is not None else Path.cwd()) / DEFAULT_SUBDIR


def resolve_data_dir(data_dir=None):
    """Pick the data folder without checking that it exists.

    Parameters
    ----------
    data_dir : str or os.PathLike or None
        An explicit folder wins; otherwise ``$AMIQ_DATA_DIR`` (when set and not empty);
        otherwise :func:`default_data_dir`.

    Returns
    -------
    pathlib.Path
    """
    if data_dir is not None and str(data_dir) != "":
        return Path(data_dir).expanduser()
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir()


def how_it_was_chosen(data_dir=None):
    """A short translated phrase saying why :func:`resolve_data_dir` chose its folder."""
    if data_dir is not None and str(data_dir) != "":
        return _("given explicitly")
    if os.environ.get(ENV_VAR, "").strip():
        return _("from the environment variable {var}").format(var=isolate(ENV_VAR))
    return _("the project's default folder")


def data_files(data_dir=None, synthetic=False):
    """Paths of the train and test files, checking that both exist.

    Parameters
    ----------
    data_dir : str or os.PathLike or None
        See :func:`resolve_data_dir`.
    synthetic : bool
        Look for the synthetic stand-in's file names instead of the real ones.

    Returns
    -------
    tuple of pathlib.Path
        ``(train_path, test_path)``.

    Raises
    ------
    DataMissingError
        Naming the folder, the missing files and the command that gets them.
    """
    folder = resolve_data_dir(data_dir)
    paths = tuple(folder / filename(split, synthetic) for split in SPLITS)
    missing = [p.name for p in paths if not p.is_file()]
    if not missing:
        return paths
    _raise_missing(folder, missing, data_dir, synthetic)


def _missing_message(folder, missing, data_dir, synthetic):
    names = ("، " if current_language() == "ar" else ", ").join(isolate(name) for name in missing)
    if synthetic:
        todo = _("Create the synthetic stand-in with: {command}").format(
            command=isolate(f"amiq data synthesize --out {folder}")
        )
    else:
        todo = _(
            "Copy or download the course's files with: {command} (SOURCE is a folder or an "
            "http(s):// or file:// URL holding them), or point {var} at a folder that has them."
        ).format(command=isolate("amiq data fetch SOURCE"), var=isolate(ENV_VAR))
    return (
        ngettext(
            "Data file missing from {folder} ({how}): {names}.",
            "Data files missing from {folder} ({how}): {names}.",
            len(missing),
        ).format(folder=isolate(folder), how=how_it_was_chosen(data_dir), names=names)
        + " "
        + todo
    )


def _raise_missing(folder, missing, data_dir, synthetic):
    raise DataMissingError(lambda: _missing_message(folder, missing, data_dir, synthetic))
