"""Feedback values shared by checks and the engine: messages, mistakes, failures, student errors.

قيم الملاحظات المشتركة بين الفحوص والمحرّك: الرسائل والأخطاء الشائعة وحالات الإخفاق.

A check fails by raising :class:`Failure` with a :class:`Message` (an English gettext msgid plus
``str.format`` parameters). Messages are rendered late, in the report's language, so one grading
run can be printed in Arabic and English. Parameters are left-to-right fragments (shapes, numbers,
identifiers) and are wrapped in bidi isolates in Arabic; a parameter that is itself a
:class:`Message` is rendered in the same language instead.

The exceptions below :class:`Failure` are raised by ``submission.call(...)`` when the student's
code misbehaves; checks let them propagate and the engine turns each into the check's status.
"""

import re
from dataclasses import dataclass

from course.i18n import LRI, N_, PDI, resolve_language, translations

__all__ = [
    "N_",
    "Message",
    "Plural",
    "Mistake",
    "Failure",
    "StudentProblem",
    "NotAttempted",
    "Blocked",
    "StudentError",
    "ImportFailed",
    "ModuleMissing",
    "CallTimeout",
    "ResourceLimit",
    "WorkerCrashed",
    "ProtocolViolation",
    "NumberOutOfRange",
    "sanitize",
]

# Text that came from the student's process (exception messages, printed output, type names) is
# shown in terminals and reports: drop control characters (ANSI escapes could rewrite the screen)
# and bidi controls (they could reorder the surrounding report), keep newlines and tabs. Lone
# surrogates (a forged reply can carry "\ud800" as a JSON escape) would make writing the report
# fail with UnicodeEncodeError, and U+FFFE/U+FFFF are not allowed in XML (the JUnit report); the
# Unicode line and paragraph separators are dropped too.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]"
)


def sanitize(text, limit=2000):
    """Make untrusted text safe to print: no control or bidi characters, at most ``limit`` chars.

    Parameters
    ----------
    text : object
        Converted with ``str``.
    limit : int
        Longer text is cut and ends with ``" …"``.

    Returns
    -------
    str
    """
    text = _UNSAFE.sub("", str(text))
    if len(text) > limit:
        text = text[:limit] + " …"
    return text


def _isolate(value, lang):
    text = str(value)
    return f"{LRI}{text}{PDI}" if lang == "ar" else text


class Message:
    """A translatable message: an English msgid plus ``str.format`` parameters.

    Parameters
    ----------
    msgid : str
        The English text, marked for extraction (``N_("Expected shape {shape}.")`` or a literal
        passed straight to ``Message``).
    **params
        Values for the placeholders. Non-message values are LTR fragments; ``Message`` values
        are translated too.

    Examples
    --------
    >>> Message(N_("Expected shape {shape}."), shape=(3, 2)).render("en")
    'Expected shape (3, 2).'
    """

    __slots__ = ("msgid", "params")

    def __init__(self, msgid, **params):
        if not isinstance(msgid, str):
            raise TypeError(f"Message needs a str msgid, got {type(msgid).__name__}")
        self.msgid = msgid
        self.params = params

    def _template(self, lang):
        return translations(lang).gettext(self.msgid)

    def _english(self):
        return self.msgid

    def render(self, lang=None):
        """Return the text in ``lang`` ("ar" or "en"; None resolves from the environment)."""
        lang = resolve_language(lang)
        values = {key: self._value(value, lang) for key, value in self.params.items()}
        try:
            return self._template(lang).format(**values)
        except (KeyError, IndexError, ValueError):
            # A translation with a broken placeholder must not hide the feedback: fall back.
            return self._english().format(**values)

    @staticmethod
    def _value(value, lang):
        if isinstance(value, Message):
            return value.render(lang)
        return _isolate(value, lang)

    def to_json(self, lang=None):
        """``{"msgid", "params", "text"}`` with parameters as plain strings."""
        return {
            "msgid": self.msgid,
            "params": {
                k: (v.to_json(lang) if isinstance(v, Message) else str(v))
                for k, v in self.params.items()
            },
            "text": self.render(lang),
        }

    def __eq__(self, other):
        return (
            type(other) is type(self)
            and other.msgid == self.msgid
            and {k: str(v) for k, v in other.params.items()}
            == {k: str(v) for k, v in self.params.items()}
        )

    def __hash__(self):
        return hash(self.msgid)

    def __repr__(self):
        return f"{type(self).__name__}({self.msgid!r}, **{self.params!r})"

    def __str__(self):
        return self.render("en")


class Plural(Message):
    """A message with a count, translated with ``ngettext`` (Arabic has six plural forms).

    Parameters
    ----------
    singular, plural : str
        English msgids (``"{n} check"``, ``"{n} checks"``).
    n : int
        The count that picks the form; also available as the ``{n}`` placeholder.
    **params
        Other placeholders.
    """

    __slots__ = ("plural", "n")

    def __init__(self, singular, plural, n, **params):
        params.setdefault("n", n)
        super().__init__(singular, **params)
        self.plural = plural
        self.n = int(n)

    def _template(self, lang):
        return translations(lang).ngettext(self.msgid, self.plural, self.n)

    def _english(self):
        return self.msgid if self.n == 1 else self.plural

    def to_json(self, lang=None):
        data = super().to_json(lang)
        data["plural"] = self.plural
        data["n"] = self.n
        return data


class LocalizedText(Message):
    """A message already written in both languages (e.g. a :class:`course.i18n.LocalizedError`).

    Parameters
    ----------
    render : callable
        No argument; builds the text with ``course.i18n._`` in the current language.
    """

    __slots__ = ("_render",)

    def __init__(self, render):
        super().__init__("")
        self._render = render

    def render(self, lang=None):
        from course.i18n import in_language

        with in_language(resolve_language(lang)):
            return str(self._render())

    def __eq__(self, other):
        return type(other) is type(self) and other.render("en") == self.render("en")

    def __hash__(self):
        return hash(self.render("en"))


def as_message(value):
    """Accept a :class:`Message` or a msgid string (used for check titles)."""
    if isinstance(value, Message):
        return value
    if isinstance(value, str):
        return Message(value)
    raise TypeError(f"expected a Message or a msgid string, got {type(value).__name__}")


@dataclass(frozen=True)
class Mistake:
    """A known wrong variant of the reference and how to fix it.

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"linear_forward.transposed_W"``.
    title : Message
        What the student probably did.
    fix : Message
        How to correct it.
    """

    id: str
    title: Message
    fix: Message

    def to_json(self, lang=None):
        return {"id": self.id, "title": self.title.to_json(lang), "fix": self.fix.to_json(lang)}


def mistakes(*rows):
    """``{id: Mistake}`` from ``(id, title msgid, fix msgid)`` rows (a unit's catalogue)."""
    return {mid: Mistake(mid, Message(title), Message(fix)) for mid, title, fix in rows}


class Failure(Exception):
    """Raised by a check to fail with feedback.

    Parameters
    ----------
    message : Message
        The main sentence ("dW has the wrong shape").
    details : sequence of Message
        Further lines (expected-vs-got slices, errors, indices).
    mistake : Mistake or None
        The catalogued mistake the output matches, if any.
    """

    def __init__(self, message, *, details=(), mistake=None):
        self.message = as_message(message)
        self.details = tuple(as_message(d) for d in details)
        self.mistake = mistake
        super().__init__(self.message.render("en"))


class StudentProblem(Exception):
    """Base of the exceptions that describe what the student's process did (not a check bug)."""

    status = "error"

    def message(self):
        """The :class:`Message` the report shows."""
        raise NotImplementedError

    def details(self):
        return ()


class NotAttempted(StudentProblem):
    """The graded function still raises the stub's ``NotImplementedError``."""

    status = "not_attempted"

    def __init__(self, function_name):
        self.function_name = function_name
        super().__init__(function_name)

    def message(self):
        return Message(N_("{function} is not attempted yet."), function=self.function_name)


class Blocked(StudentProblem):
    """The graded function calls another exercise's function that is still an unfilled stub."""

    status = "blocked"

    def __init__(self, function_name, callee, number=None):
        self.function_name = function_name
        self.callee = callee
        self.number = number
        super().__init__(f"{function_name} -> {callee}")

    def message(self):
        number = self.number
        if number is None:
            return Message(
                N_("This depends on {callee}, which is not attempted yet: write it first."),
                callee=self.callee,
            )
        return Message(
            N_(
                "This depends on {callee} (exercise {number}), which is not attempted yet: "
                "write it first."
            ),
            callee=self.callee,
            number=number,
        )


class StudentError(StudentProblem):
    """The student's code raised an exception (including ``SystemExit``/``KeyboardInterrupt``)."""

    status = "error"

    def __init__(self, type_name, message, traceback_text=""):
        self.type_name = sanitize(type_name, 200)
        self.error_message = sanitize(message, 1000)
        self.traceback_text = sanitize(traceback_text, 4000).rstrip()
        super().__init__(f"{self.type_name}: {self.error_message}")

    def message(self):
        return Message(
            N_("Your code raised {error}: {text}"), error=self.type_name, text=self.error_message
        )

    def details(self):
        if not self.traceback_text:
            return ()
        return (Message(N_("Where it happened:\n{traceback}"), traceback=self.traceback_text),)


class ImportFailed(StudentError):
    """A submission module could not be imported (a ``SyntaxError``, an error at module level).

    Every check of every exercise in that module (and in modules importing it) fails the same
    way, so the report shows the error once at the top; each check only refers to it.

    Attributes
    ----------
    file : str
        The module file where the error is, e.g. ``"step_by_step.py"``.
    line, column : int or None
        Where it is (1-based), when known.
    source_line : str
        The offending line of the student's file (sanitised), or ``""``.
    """

    def __init__(self, file, type_name, message, traceback_text="", line=None, column=None,
                 source_line=""):
        super().__init__(type_name, message, traceback_text)
        self.file = sanitize(file, 200)
        self.line = line if isinstance(line, int) and not isinstance(line, bool) else None
        self.column = column if isinstance(column, int) and not isinstance(column, bool) else None
        self.source_line = sanitize(source_line, 300).rstrip()

    def message(self):
        return Message(
            N_("{file} cannot be imported (see the problem at the top of the report)."),
            file=self.file,
        )

    def details(self):
        return ()

    def summary(self):
        """The sentence naming the error and where it is (for the top of the report)."""
        if self.line is not None and self.column is not None:
            return Message(
                N_("{file} cannot be imported: {error} at line {line}, column {column}: {text}"),
                file=self.file,
                error=self.type_name,
                line=self.line,
                column=self.column,
                text=self.error_message,
            )
        if self.line is not None:
            return Message(
                N_("{file} cannot be imported: {error} at line {line}: {text}"),
                file=self.file,
                error=self.type_name,
                line=self.line,
                text=self.error_message,
            )
        return Message(
            N_("{file} cannot be imported: {error}: {text}"),
            file=self.file,
            error=self.type_name,
            text=self.error_message,
        )


class ModuleMissing(StudentProblem):
    """A module file of the submission is not there (e.g. only ``step_by_step.py`` was given)."""

    status = "error"

    def __init__(self, file):
        self.file = sanitize(file, 200)
        super().__init__(f"{self.file} is missing")

    def message(self):
        return Message(
            N_("{file} is not in the submission (see the top of the report)."), file=self.file
        )


class CallTimeout(StudentProblem):
    """The call did not finish within its wall-time limit; the worker was killed.

    ``flooded`` is True when the captured output had reached its limit: the time went on
    printing, so the report says so instead of suggesting an endless loop. ``budget`` is True
    when the call did not run at all because the whole grading's time budget was spent.
    ``repeated`` (``"own"`` or ``"isolated"``, else None) says the call did not run because the
    same function (named by ``function``: in a gradient check it is the forward function, not
    the exercise's) already hung earlier in the exercise's grading (see
    :meth:`grader.sandbox.client.Submission._not_again`). ``shortened`` is True when the call's
    limit was cut short by the exercise's or the grading's time budget; such a timeout is never
    remembered as a hang.
    """

    status = "timeout"

    def __init__(self, seconds, flooded=False, budget=False, repeated=None, function=None,
                 shortened=False):
        self.seconds = float(seconds)
        self.flooded = bool(flooded)
        self.budget = bool(budget)
        self.repeated = repeated
        self.function = function
        self.shortened = bool(shortened)
        super().__init__(f"timed out after {self.seconds:g} s")

    def message(self):
        if self.repeated:
            return Message(
                N_(
                    "This check did not run: earlier in this exercise's grading your {function} "
                    "did not finish within {seconds} seconds (an endless loop?), and a function "
                    "that hangs is not called again. Fix the loop and grade again."
                ),
                function=self.function or "-",
                seconds=f"{self.seconds:g}",
            )
        if self.budget:
            return Message(
                N_(
                    "This check did not run: your code used up the {seconds} seconds allowed "
                    "for grading the whole submission (endless loops in several exercises?)."
                ),
                seconds=f"{self.seconds:g}",
            )
        if self.flooded:
            # Time first: an endless loop that prints (a required print_cost line, say) floods
            # the output too, and "remove the prints" would be the wrong advice.
            return Message(
                N_(
                    "Your code did not finish within {seconds} seconds (an endless loop?), and it "
                    "printed a lot of output meanwhile (is a print inside a loop that never ends?)."
                ),
                seconds=f"{self.seconds:g}",
            )
        return Message(
            N_("Your code did not finish within {seconds} seconds (an endless loop?)."),
            seconds=f"{self.seconds:g}",
        )


class ResourceLimit(StudentProblem):
    """The student's process hit a resource limit (``kind`` is ``"memory"``, ``"cpu"``, ...)."""

    status = "crashed"

    def __init__(self, kind):
        self.kind = str(kind)
        super().__init__(f"resource limit: {self.kind}")

    def message(self):
        if self.kind == "memory":
            return Message(N_("Your code used more memory than allowed."))
        if self.kind == "cpu":
            return Message(N_("Your code used more CPU time than allowed."))
        return Message(N_("Your code exceeded a resource limit ({kind})."), kind=self.kind)


class WorkerCrashed(StudentProblem):
    """The process running the student's code died (``os._exit``, a signal, a segfault)."""

    status = "crashed"

    def __init__(self, detail):
        self.detail = sanitize(detail, 300)
        super().__init__(self.detail)

    def message(self):
        return Message(
            N_("The process running your code stopped unexpectedly ({detail})."),
            detail=self.detail,
        )


class NumberOutOfRange(StudentProblem):
    """The student's function returned (or left in an argument) an integer too large for a float."""

    status = "error"

    def __init__(self, digits):
        self.digits = int(digits)
        super().__init__(f"an integer with {self.digits} digits")

    def message(self):
        return Message(
            N_(
                "Your function returned an integer with {digits} digits, too large for a "
                "floating-point number, so it cannot be compared; return floats or NumPy arrays."
            ),
            digits=self.digits,
        )


class ProtocolViolation(StudentProblem):
    """The student's process sent data that is not a valid reply (garbage on the channel)."""

    status = "crashed"

    def __init__(self, detail):
        self.detail = sanitize(detail, 300)
        super().__init__(self.detail)

    def message(self):
        return Message(
            N_("The process running your code sent an invalid reply ({detail})."),
            detail=self.detail,
        )
