"""Read one answer of the answers file: a letter, several letters, a number or a shape.

قراءة إجابة واحدة من ملف الإجابات: حرف، أو عدة حروف، أو عدد، أو شكل مصفوفة.

Students type answers by hand, so every unambiguous spelling is accepted (``"b"``, ``"B)"``,
``["b"]``; ``["a", "c"]`` or ``"a, c"``; ``7``, ``"7"`` or ``"٧"``; ``[3, 5]``, ``"(3, 5)"`` or
``"3x5"``). What cannot be read raises :class:`AnswerError` with a message saying what was
expected; the question then scores nothing, and the rest of the file is still graded.

An answer is normalised to: the chosen option id (single), a frozenset of option ids (multiple),
an ``int`` or ``float`` (numeric), a tuple of ints (shape); ``None`` when the question is left
blank (``""``, ``[]`` or absent).
"""

import math
import re
import unicodedata

from course.i18n import N_, LocalizedError, _, isolate

_LETTER = re.compile(r"\(?([a-z])[).]?")
_SEPARATORS = re.compile(r"[\s,;]+")
_SHAPE_SEPARATORS = re.compile(r"[\s,x×*]+")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?")
SHAPE_RANK = 2  # every shape the quizzes ask for is a matrix's: (rows, columns)
MAX_SHOWN = 40  # characters of a student's value quoted in a message


class AnswerError(LocalizedError, ValueError):
    """An answer that cannot be read.

    Parameters
    ----------
    msgid : str
        English msgid (marked with ``N_`` where it is written).
    **params
        Values of its placeholders (left-to-right fragments, isolated in Arabic).

    Attributes
    ----------
    msgid, params
        Kept so reports can render the message in any language later.
    """

    def __init__(self, msgid, **params):
        self.msgid = msgid
        self.params = params
        super().__init__(lambda: _(msgid).format(
            **{k: isolate(v) for k, v in params.items()}))


def shown(raw):
    """A student's raw value, quoted and shortened for a message."""
    text = repr(raw)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 1] + "…"


def is_blank(raw):
    """Whether ``raw`` means "not answered": absent, an empty or blank string, an empty list."""
    return raw is None or (isinstance(raw, str) and not raw.strip()) or \
        (isinstance(raw, list) and not raw)


def interpret(question, variant, raw):
    """The normalised answer ``raw`` gives to ``question`` in this variant.

    Parameters
    ----------
    question : course.quiz.questions.Question
    variant : course.quiz.variants.Variant
        The student's variant: it maps letters to options.
    raw : object
        The value read from the file (str, int, float, list, ...), or ``None``.

    Returns
    -------
    str, frozenset, int, float, tuple or None

    Raises
    ------
    AnswerError
        The value has the wrong type or names no option.
    """
    if is_blank(raw):
        return None
    reader = {"single": _single, "multiple": _multiple, "numeric": _number, "shape": _shape}
    return reader[question.kind](question, variant, raw)


def _letters(variant):
    letters = [variant.letters[o] for o in variant.order]
    return f"{letters[0]}–{letters[-1]}"


def _option(variant, token, raw):
    match = _LETTER.fullmatch(token.strip().lower()) if isinstance(token, str) else None
    option = variant.option_at(match.group(1)) if match else None
    if option is None:
        raise AnswerError(N_("Expected option letters ({letters}), got {value}."),
                          letters=_letters(variant), value=shown(raw))
    return option


def _single(question, variant, raw):
    if isinstance(raw, list) and len(raw) == 1:
        raw = raw[0]
    if not isinstance(raw, str) or len(_SEPARATORS.split(raw.strip())) != 1:
        raise AnswerError(N_("Expected one letter ({letters}) in quotes, such as {example}; got "
                             "{value}."), letters=_letters(variant), example='"b"',
                          value=shown(raw))
    return _option(variant, raw, raw)


def _multiple(question, variant, raw):
    if isinstance(raw, str):
        tokens = [t for t in _SEPARATORS.split(raw.strip()) if t]
    elif isinstance(raw, list) and all(isinstance(t, str) for t in raw):
        tokens = raw
    else:
        raise AnswerError(N_("Expected a list of letters ({letters}), such as {example}; got "
                             "{value}."), letters=_letters(variant), example='["a", "c"]',
                          value=shown(raw))
    return frozenset(_option(variant, t, raw) for t in tokens)


def _plain_digits(text):
    """``text`` with digits of any script (Arabic-Indic too) as ASCII, and ``٫`` as ``.``."""
    text = unicodedata.normalize("NFKC", text).strip().replace("\u066b", ".")
    return "".join(str(unicodedata.decimal(c)) if unicodedata.category(c) == "Nd" else c
                   for c in text)


def _number(question, variant, raw):
    value = None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        value = raw
    elif isinstance(raw, str):
        text = _plain_digits(raw)
        if _NUMBER.fullmatch(text.lower()):
            value = float(text)
            if value.is_integer() and "." not in text and "e" not in text.lower():  # novermin
                value = int(value)
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        raise AnswerError(N_("Expected a number, such as {example}; got {value}."),
                          example="0.25" if question.decimals else "7", value=shown(raw))
    if isinstance(value, float) and value.is_integer() and question.integer:  # novermin
        value = int(value)
    return value


def _shape(question, variant, raw):
    entries = None
    if isinstance(raw, list):
        entries = raw
    elif isinstance(raw, str):
        text = _plain_digits(raw).strip("()[] ")
        entries = [t for t in _SHAPE_SEPARATORS.split(text) if t]
    if entries is not None and len(entries) == SHAPE_RANK:
        try:
            shape = tuple(_dimension(e) for e in entries)
        except ValueError:
            shape = None
        if shape is not None:
            return shape
    raise AnswerError(N_("Expected a shape of two whole numbers (rows, columns), such as "
                         "{example}; got {value}."), example="[3, 5]", value=shown(raw))


def _dimension(entry):
    if isinstance(entry, bool):
        raise ValueError(entry)
    if isinstance(entry, str):
        entry = int(entry)  # already ASCII digits (_plain_digits)
    if isinstance(entry, float) and entry.is_integer():  # novermin (float's, not 3.12's int)
        entry = int(entry)
    if not isinstance(entry, int) or entry < 1:
        raise ValueError(entry)
    return entry

