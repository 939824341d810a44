"""The error type of CLI commands: a translated message and an exit status.

نوع أخطاء أوامر سطر الأوامر: رسالة مترجمة ورمز خروج.
"""


class CLIError(Exception):
    """A user-facing failure of a command (printed without a traceback).

    Parameters
    ----------
    message : str
        Already translated.
    exit_code : int, default 1
    """

    def __init__(self, message, exit_code=1):
        super().__init__(message)
        self.exit_code = exit_code
