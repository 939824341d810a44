"""The project folder: the checkout (or student bundle) holding ``pyproject.toml`` and ``course/``.

مجلد المشروع: نسخة المستودع (أو حزمة الطلاب) التي تضم ``pyproject.toml`` و ``course/``.

A module of its own, importing nothing heavy, so the command line can find the project while it
builds its parser without loading the data tools (NumPy, HDF5).
"""

from pathlib import Path

# course/project.py -> the folder holding course/.
_PACKAGE_PARENT = Path(__file__).resolve().parents[1]


def project_root():
    """The folder holding ``pyproject.toml`` and ``course/`` (a checkout or a student bundle).

    Returns
    -------
    pathlib.Path or None
        ``None`` when the package is installed without its project folder (a plain wheel).
    """
    if (_PACKAGE_PARENT / "pyproject.toml").is_file() and (_PACKAGE_PARENT / "course").is_dir():
        return _PACKAGE_PARENT
    return None
