"""An ``argparse`` parser that speaks the user's language, including argparse's own errors.

محلِّل وسائط ``argparse`` يتكلم لغة المستخدم، بما في ذلك رسائل الخطأ الخاصة بـ argparse.

argparse's built-in texts come from its own gettext domain, which has no Arabic; rather than
patching that module globally (which would change pytest and every other argparse user in the
process), this parser translates its headings and rewrites the few error messages users meet.
"""

import argparse
import re
import sys

from course.i18n import _, isolate


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
        self.print_usage(sys.stderr)
        text = _("{prog}: error: {message}").format(
            prog=self.prog, message=translate_argparse_error(message)
        )
        hint = _("Run {command} to see the expected arguments.").format(
            command=isolate(f"{self.prog} --help")
        )
        self.exit(2, f"{text}\n{hint}\n")
