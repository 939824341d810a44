"""The error type of CLI commands: a translated message and an exit status.

نوع أخطاء أوامر سطر الأوامر: رسالة مترجمة ورمز خروج.
"""

from course.i18n import LocalizedError, _, both_languages


class CLIError(LocalizedError):
    """A user-facing failure of a command (printed without a traceback).

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
        render = getattr(exc, "render", None)
        return cls(render if render is not None else str(exc), exit_code)


def error_lines(exc):
    """The lines printing ``exc``: "error: ..." in the current language, then the other one.

    The one place that formats every ``amiq`` error, so all of them are bilingual. An exception
    without a ``render`` function (plain text) is printed once.
    """
    render = getattr(exc, "render", None)
    if render is None:
        return [_("error: {message}").format(message=exc)]
    return both_languages(lambda: _("error: {message}").format(message=render()))


def bilingual_text(render):
    """Both renderings of ``render`` joined by a newline (for usage errors and notes)."""
    return "\n".join(both_languages(render))
