"""The project folder the CLI works in.

مجلد المشروع الذي تعمل فيه أوامر سطر الأوامر.
"""

from course.data.locate import project_root
from course.i18n import _

from .errors import CLIError


def instructor_root():
    """The checkout root; raises :class:`CLIError` when the package runs without its project."""
    root = project_root()
    if root is None:
        raise CLIError(
            _("Cannot find the project folder (with pyproject.toml and course/). Run this "
              "command from an editable install of the project (pip install -e .).")
        )
    return root
