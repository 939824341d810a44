"""The one printer of user-facing messages: the chosen language, and for errors the other one too.

الطابعة الوحيدة لرسائل المستخدم: باللغة المختارة، ومع الأخطاء باللغة الأخرى أيضًا.

The project's rule is that bad input gets a bilingual error, so an error is printed twice: first
in the language in use, then in the other one. Everything that can be rendered in both languages
is accepted, so no caller needs its own loop over the languages:

* a function of no argument that builds the text with :func:`course.i18n._`;
* a :class:`course.i18n.LocalizedError` (``CLIError``, ``DataError``, ``UnitError``, ...);
* a grader :class:`grader.feedback.Message`, or an object holding several in ``messages``
  (``GradingError``);
* plain text, which exists in one language only and is printed once.
"""

import sys

from course.i18n import _, current_language, in_language, other_language


def renderer(message):
    """A function of no argument rendering ``message`` in the current language, or ``None``.

    ``None`` means the message is plain text (it cannot be translated).
    """
    if callable(message) and not isinstance(message, BaseException):
        return message
    messages = getattr(message, "messages", None)
    if messages is not None:  # GradingError: grader Messages, one line each
        return lambda: "\n".join(m.render(current_language()) for m in messages)
    render = getattr(message, "render", None)
    if render is None:
        return None
    if isinstance(message, BaseException):  # LocalizedError: render() takes no argument
        return render
    return lambda: render(current_language())  # grader Message: render(lang)


def texts(message, both=False):
    """``message`` in the current language; with ``both``, then in the other language too.

    Returns
    -------
    list of str
        One text, or two (current language first); one for plain text in any case.
    """
    render = renderer(message)
    if render is None:
        return [str(message)]
    first = current_language()
    languages = (first, other_language(first)) if both else (first,)
    found = []
    for lang in languages:
        with in_language(lang):
            found.append(str(render()))
    return found


def say_error(message, file=None, prefix=True):
    """Print an error in the current language, then in the other one.

    Parameters
    ----------
    message
        Anything :func:`renderer` accepts.
    file : file, default ``sys.stderr``
    prefix : bool
        Start each language's first line with the translated "error: ".
    """
    file = sys.stderr if file is None else file
    render = renderer(message)
    both = render is not None  # plain text exists in one language only: printed once
    if not both:
        render = str(message).__str__
    if prefix:
        inner = render

        def render():
            return _("error: {message}").format(message=inner())

    for text in texts(render, both=both):
        print(text, file=file)
