"""The project folder the CLI works in.

مجلد المشروع الذي تعمل فيه أوامر سطر الأوامر.
"""

from course.i18n import _
from course.project import project_root

from .errors import CLIError


def instructor_root():
    """The checkout root; raises :class:`CLIError` when the package runs without its project."""
    root = project_root()
    if root is None:
        raise CLIError(
            lambda: _("Cannot find the project folder (with pyproject.toml and course/). Run this "
              "command from an editable install of the project (pip install -e .)."),
            2,  # bad input: the README's exit status when the command cannot run as asked
        )
    return root


def _module_present(name):
    import importlib.util
    import sys

    if name in sys.modules:  # already imported (or blocked with None)
        return sys.modules[name] is not None
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def missing_instructor_part(command):
    """What an instructor command lacks in this installation (``None`` when it can run).

    ``stubs``, ``release`` and ``export`` need ``course.authoring`` and the project's
    ``solutions/``;
    ``docs`` needs ``course.authoring`` and the project's ``docs/``; ``expected`` needs
    ``grader.build.expected``. A student bundle has none of them.

    Returns
    -------
    str or None
        A module or folder name to show in the error.
    """
    folders = {"stubs": "solutions", "release": "solutions", "export": "solutions",
               "docs": "docs"}
    if command in folders:
        if not _module_present("course.authoring"):
            return "course.authoring"
        root = project_root()
        if root is None or not (root / folders[command]).is_dir():
            return folders[command] + "/"
        return None
    if command == "expected":
        return None if _module_present("grader.build.expected") else "grader.build.expected"
    return None
