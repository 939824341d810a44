"""An ``argparse`` parser that speaks the user's language, including argparse's own texts.

محلِّل وسائط ``argparse`` يتكلم لغة المستخدم، بما في ذلك نصوص argparse نفسها.

argparse's built-in texts come from its own gettext domain, which has no Arabic; rather than
patching that module globally (which would change pytest and every other argparse user in the
process), this parser uses only argparse's public interface to put its texts in the user's
language:

* every parser has its own translated ``-h/--help`` and ``--lang`` (so ``--lang`` is accepted
  before or after any subcommand), and its arguments go into argument groups with translated
  titles;
* :meth:`AmiqArgumentParser.format_usage` and :meth:`~AmiqArgumentParser.format_help` translate
  the ``usage:`` prefix;
* :meth:`AmiqArgumentParser.error` translates argparse's error messages and prints them in both
  languages.
"""

import argparse
import re
import sys

from course.i18n import LANGUAGES, _, isolate

from .output import say_error

USAGE_PREFIX = "usage: "  # argparse's (untranslated) prefix of the usage line

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
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)",
         _("ambiguous option {option}: it could be {matches}")),
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


def localise_usage(text):
    """``text`` (a usage or help text) with argparse's ``usage:`` prefix translated.

    The usage's continuation lines are aligned with the first one, so they move with the
    prefix's length.
    """
    if not text.startswith(USAGE_PREFIX):
        return text
    prefix = _("usage: ")
    shift = len(prefix) - len(USAGE_PREFIX)
    lines = text[len(USAGE_PREFIX):].split("\n")
    out = [prefix + lines[0]]
    in_usage = True
    for line in lines[1:]:
        in_usage = in_usage and line.startswith(" ")
        if in_usage and shift > 0:
            line = " " * shift + line
        elif in_usage and shift < 0:
            line = line[min(-shift, len(line) - len(line.lstrip(" "))):]
        out.append(line)
    return "\n".join(out)


class AmiqArgumentParser(argparse.ArgumentParser):
    """``ArgumentParser`` whose every text is in the chosen language, and that takes ``--lang``.

    Build it after :func:`course.i18n.set_language`: help texts are translated when the parser
    is built. Arguments added with :meth:`add_argument` go into the translated "positional
    arguments" and "options" groups; subcommands go into a group of their own.
    """

    def __init__(self, *args, **kwargs):
        kwargs["add_help"] = False
        if sys.version_info >= (3, 14):
            kwargs.setdefault("color", False)  # ANSI codes would hide the "usage: " prefix
        super().__init__(*args, **kwargs)
        self.positional_group = self.add_argument_group(_("positional arguments"))
        self.option_group = self.add_argument_group(_("options"))
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=_("show this help message and exit"))
        # SUPPRESS: a subcommand without --lang keeps the value given before it.
        self.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                          help=_("language of messages: ar or en (default: AMIQ_LANG, the "
                                 "locale, else ar)"))

    def add_argument(self, *names, **kwargs):
        """``ArgumentParser.add_argument``, into the translated group of its kind."""
        group = self.option_group if names and names[0][:1] in self.prefix_chars else \
            self.positional_group
        action = group.add_argument(*names, **kwargs)
        if "help" in kwargs:
            # Python 3.10's BooleanOptionalAction appends an English " (default: ...)".
            action.help = kwargs["help"]
        return action

    def add_mutually_exclusive_group(self, **kwargs):
        """A mutually exclusive group inside the translated "options" group."""
        return self.option_group.add_mutually_exclusive_group(**kwargs)

    def add_subparsers(self, **kwargs):
        """Subcommands under a translated title, parsed by parsers of this class."""
        kwargs.setdefault("title", _("commands"))
        kwargs.setdefault("parser_class", type(self))
        return super().add_subparsers(**kwargs)

    def format_usage(self):
        return localise_usage(super().format_usage())

    def format_help(self):
        return localise_usage(super().format_help())

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

        say_error(render, sys.stderr, prefix=False)
        self.exit(2)
