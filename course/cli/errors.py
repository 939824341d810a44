"""The error type of CLI commands: a translated message and an exit status.

نوع أخطاء أوامر سطر الأوامر: رسالة مترجمة ورمز خروج.
"""

from course.i18n import LocalizedError

# The README's convention: exit 2 for bad input (options, files, folders or data that cannot be
# used), 1 when the work itself failed.
BAD_INPUT_EXIT = 2


class CLIError(LocalizedError):
    """A user-facing failure of a command (printed in both languages, without a traceback).

    Parameters
    ----------
    message : callable or str
        A function of no argument building the message with ``_`` (so it can be shown in both
        languages), or already translated text.
    exit_code : int, default 1
    """

    def __init__(self, message, exit_code=1):
        super().__init__(message)
        self.exit_code = exit_code

    @classmethod
    def wrap(cls, exc, exit_code=1):
        """A :class:`CLIError` with the message (both languages, when it has them) of ``exc``."""
        from .output import renderer

        render = renderer(exc)
        return cls(render if render is not None else str(exc), exit_code)
