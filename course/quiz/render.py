"""A quiz question as text in the current language: prompt, lettered options, answer format.

سؤال الاختبار نصًّا باللغة الحالية: نص السؤال، والخيارات بحروفها، وصيغة الإجابة.

The same functions serve the answers file, the practice page and the grading feedback. ``bidi``
chooses whether the variant's values are wrapped in bidi isolates in Arabic: yes on a terminal
(they keep ``(3, 5)`` in one piece inside an Arabic sentence), no in files and pages (an editor
would flag the invisible control characters; the site isolates code spans with CSS).
"""

from course.i18n import LRI, PDI, _, isolate, ngettext


def value_text(value):
    """A parameter or answer as the quiz shows it: ``7``, ``0.35``, ``[4, 3, 1]``, ``(3, 5)``."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{value:.10g}"
    if isinstance(value, tuple):
        return "(" + ", ".join(value_text(v) for v in value) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(value_text(v) for v in value) + "]"
    return str(value)


def strip_isolates(text):
    """``text`` without the bidi isolate characters."""
    return text.replace(LRI, "").replace(PDI, "")


def fill(msgid, params, bidi=True):
    """Translate ``msgid`` and fill its ``{placeholders}`` with the variant's values."""
    values = {k: (isolate(value_text(v)) if bidi else value_text(v)) for k, v in params.items()}
    return _(msgid).format(**values)


def prompt_text(question, variant, bidi=True):
    """The question's prompt with the variant's values."""
    return fill(question.prompt, variant.params, bidi)


def option_text(question, variant, option_id, bidi=True):
    """One option's text with the variant's values."""
    return fill(question.option(option_id).text, variant.params, bidi)


def lettered_options(question, variant, bidi=True):
    """``[(letter, text), ...]`` in the variant's order."""
    return [(variant.letters[o], option_text(question, variant, o, bidi)) for o in variant.order]


def kind_label(question):
    """``single choice``, ``multiple choice``, ``number`` or ``shape``, translated."""
    return {
        "single": lambda: _("single choice"),
        "multiple": lambda: _("multiple choice"),
        "numeric": lambda: _("number"),
        "shape": lambda: _("shape"),
    }[question.kind]()


def answer_format(question, bidi=True):
    """How to write the answer, with an example in the answers file's syntax."""
    show = isolate if bidi else str
    if question.kind == "single":
        return _("Write one letter, such as {example}.").format(example=show('"b"'))
    if question.kind == "multiple":
        return _("Write every letter that applies, such as {example}.").format(
            example=show('["a", "c"]'))
    if question.kind == "shape":
        return _("Write the shape (rows, columns), such as {example}.").format(
            example=show("[3, 5]"))
    if question.integer:
        return _("Write a whole number, such as {example}.").format(example=show("7"))
    n = question.decimals
    return ngettext("Write a number with at least {n} decimal, such as {example}.",
                    "Write a number with at least {n} decimals, such as {example}.", n).format(
        n=show(n), example=show("0." + "1234567890"[:n]))


def answer_text(question, variant, value, bidi=True):
    """An answer (normalised, see :mod:`course.quiz.answers`) as the quiz shows it.

    Choices are shown as ``b) option text``, several joined with ``; ``; numbers and shapes with
    :func:`value_text`.
    """
    if question.kind == "single":
        value = (value,)
    if question.is_choice:
        letters = variant.letters
        chosen = sorted(value, key=lambda option: letters[option])
        return "; ".join(f"{letters[o]}) {option_text(question, variant, o, bidi)}"
                         for o in chosen)
    text = value_text(tuple(value) if question.kind == "shape" else value)
    return isolate(text) if bidi else text
