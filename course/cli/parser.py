"""An ``argparse`` parser that speaks the user's language, including argparse's own errors.

محلِّل وسائط ``argparse`` يتكلم لغة المستخدم، بما في ذلك رسائل الخطأ الخاصة بـ argparse.

argparse's built-in texts come from its own gettext domain, which has no Arabic; rather than
patching that module globally (which would change pytest and every other argparse user in the
process), this parser translates its headings and rewrites the few error messages users meet.
"""

import argparse
import re
import sys

from course.i18n import _, both_languages, isolate

# Text of a type function's error (in the language it was raised in) -> the function that
# renders it, so a usage error can be repeated in the other language.
_TYPE_ERRORS = {}


def type_error(render):
    """An ``ArgumentTypeError`` for a type function, renderable later in both languages.

    Parameters
    ----------
    render : callable
        No argument; builds the message with ``_``.
    """
    text = render()
    _TYPE_ERRORS[text] = render
    return argparse.ArgumentTypeError(text)


def positive_int(text):
    """argparse type: an integer >= 1 (a bilingual usage error otherwise)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise type_error(lambda: _("expected a positive integer, got {value}").format(
            value=isolate(repr(text))))
    return value


def positive_float(text):
    """argparse type: a finite number > 0 (a bilingual usage error otherwise)."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise type_error(lambda: _("expected a positive number, got {value}").format(
            value=isolate(repr(text))))
    return value


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        # argparse passes prefix="" when it computes a subcommand's prog; keep that.
        if prefix is None:
            prefix = _("usage: ")
        return super().add_usage(usage, actions, groups, prefix=prefix)


def _argparse_errors():
    # (pattern of argparse's English message, translated template) in Python 3.10-3.13 wording.
    return (
        (r"the following arguments are required: (?P<args>.+)",
         _("missing required arguments: {args}")),
        (r"unrecognized arguments: (?P<args>.+)", _("unrecognised arguments: {args}")),
        (r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)",
         _("argument {arg}: invalid choice {value}; expected one of {choices}")),
        (r"argument (?P<arg>\S+): expected one argument", _("argument {arg}: expected a value")),
        (r"argument (?P<arg>\S+): expected at least one argument",
         _("argument {arg}: expected at least one value")),
        (r"argument (?P<arg>\S+): invalid (?P<type>\w+) value: (?P<value>.+)",
         _("argument {arg}: invalid value {value}")),
        (r"argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)",
         _("argument {arg} cannot be used together with {other}")),
        (r"argument (?P<arg>\S+): (?P<message>.+)", _("argument {arg}: {message}")),
    )


def translate_argparse_error(message):
    """Translate one of argparse's error messages (unknown messages are returned unchanged)."""
    for pattern, template in _argparse_errors():
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match:
            fields = match.groupdict()
            if "message" in fields and fields["message"] in _TYPE_ERRORS:
                # One of our type functions: render it again in the language in use.
                fields["message"] = _TYPE_ERRORS[fields["message"]]()
            keep = {"message"}  # already translated by our own type functions
            return template.format(
                **{k: (v if k in keep else isolate(v)) for k, v in fields.items()}
            )
    return message


class AmiqArgumentParser(argparse.ArgumentParser):
    """``ArgumentParser`` with translated headings, help option and error messages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS,
            help=_("show this help message and exit"),
        )

    def error(self, message):
        """Print the usage, then the error and a hint in both languages; exit with status 2."""
        self.print_usage(sys.stderr)

        def render():
            text = _("{prog}: error: {message}").format(
                prog=self.prog, message=translate_argparse_error(message)
            )
            hint = _("Run {command} to see the expected arguments.").format(
                command=isolate(f"{self.prog} --help")
            )
            return f"{text}\n{hint}"

        self.exit(2, "\n".join(both_languages(render)) + "\n")
