"""A notebook's session: message language, print options, the ``%%exercise`` magic, clean stops.

جلسة الدفتر: لغة الرسائل، وخيارات الطباعة، والأمر السحري ``%%exercise``، والتوقّف النظيف.

The first code cell of every course notebook is::

    %load_ext autoreload
    %autoreload 2
    import numpy as np
    import grader
    from course.notebook import setup
    setup("ar", unit="c1w4")

``autoreload 2`` re-imports a changed module before each cell runs, so a student who edits
``course/c1w4/step_by_step.py``, saves it and runs a cell again runs the new code (``grader.check``
reads the files from disk anyway). :func:`setup` registers the cell magic ``%%exercise``, which
the exercises' example cells start with: it runs the cell, and when the code reaches a stub that
is not written yet it prints which function to write, in which file, instead of a traceback, so
"Run all" reaches the end of a fresh notebook.
"""

import re

import numpy as np

from course.i18n import _, current_language, isolate, set_language

# The print options the expected outputs are generated with (course.authoring.docs_blocks), so
# a correct solution prints the same digits in the notebook as in the expected-output cell.
PRINT_OPTIONS = {"precision": 8, "suppress": False, "linewidth": 75, "legacy": False}
# The message a generated stub raises begins with the function's name (course.authoring.stubs).
_NOT_ATTEMPTED = re.compile(r"^(\w+) is not attempted yet")
MAGIC_NAME = "exercise"
# The notebooks make Arabic markdown right to left with <div dir="rtl"> (honoured everywhere), but
# JupyterLab and Notebook 7 style every markdown paragraph with "text-align: left", which beats the
# direction's natural right alignment. Once the setup cell has run, this rule restores it (an
# untrusted notebook drops the rule, and the text is then only left-aligned, still right to left).
RTL_STYLE = ('<style>.jp-RenderedHTMLCommon [dir="rtl"] p, .jp-RenderedHTMLCommon [dir="rtl"] li '
             "{ text-align: right; }</style>")


# A notebook's output area lays every printed line out left to right; an Arabic line inside a
# right-to-left isolate keeps its reading order (its clauses would otherwise swap places around the
# left-to-right fragments). Terminals that do no bidi simply ignore the two marks.
RLI, PDI = "\u2067", "\u2069"


def in_direction(text, lang=None):
    """``text`` ready to print: each non-empty Arabic line wrapped in RLI ... PDI.

    Parameters
    ----------
    text : str
    lang : {"ar", "en"}, optional
        The language ``text`` is in; default the current one.
    """
    if (lang or current_language()) != "ar":
        return str(text)
    return "\n".join(f"{RLI}{line}{PDI}" if line.strip() else line
                     for line in str(text).split("\n"))


def say(text, lang=None):
    """Print a message in a notebook (see :func:`in_direction`)."""
    print(in_direction(text, lang))


class NotebookStop(Exception):
    """Stop a cell with a message a student can act on, shown without a Python traceback.

    IPython displays what :meth:`_render_traceback_` returns instead of the traceback; the cell
    still counts as failed, so "Run all" stops there (used when the data cannot be loaded).

    Parameters
    ----------
    lines : list of str
        The message, one item per line (usually both languages, the notebook's first).
    """

    def __init__(self, lines):
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))

    def _render_traceback_(self):
        return self.lines


def _get_shell():
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: no magics to register
        return None
    return get_ipython()


def setup(lang, unit=None, shell=None):
    """Prepare a notebook: language, NumPy print options and the ``%%exercise`` cell magic.

    Parameters
    ----------
    lang : {"ar", "en"}
        The notebook's language: messages printed by the course's code and by
        ``grader.check`` (when it is given no ``lang``) use it.
    unit : str, optional
        The notebook's unit (``"c1w4"``), named in the printed confirmation.
    shell : IPython.core.interactiveshell.InteractiveShell, optional
        Default: the running IPython shell (none outside IPython: then only the language and the
        print options are set).

    Returns
    -------
    None
        (So the cell shows only the printed confirmation.)
    """
    import os

    lang = set_language(lang)
    # grader.check() without lang= reads AMIQ_LANG: the notebook's language for the session.
    os.environ["AMIQ_LANG"] = lang
    np.set_printoptions(**PRINT_OPTIONS)
    shell = shell if shell is not None else _get_shell()
    if shell is not None:
        if lang == "ar":
            _display_html(RTL_STYLE)
        shell.register_magic_function(
            lambda line, cell: run_exercise_cell(line, cell, shell),
            magic_kind="cell", magic_name=MAGIC_NAME,
        )
    files = isolate(f"course/{unit}/*.py") if unit else isolate("course/<unit>/*.py")
    say(_("Ready. Write your code in {files} and save it; when you run a cell again, it uses "
          "your new code.").format(files=files))


def _display_html(html):
    from IPython.display import HTML, display

    display(HTML(html))


def not_attempted_function(error):
    """The name of the stub that raised ``error`` (None for any other ``NotImplementedError``)."""
    match = _NOT_ATTEMPTED.match(str(error))
    return match.group(1) if match else None


def _file_of(function, exercise_id):
    from course.units import UnitError, get_unit, resolve

    try:
        exercise = resolve(exercise_id)
    except UnitError:
        return None
    module = get_unit(exercise.unit).module_of(function) or exercise.module
    return f"course/{exercise.unit}/{module}.py"


def not_attempted_message(function, exercise_id=None):
    """What to do about a stub that is not written yet, in the notebook's language.

    Parameters
    ----------
    function : str
        The stub's name (the exercise itself, or a function it calls).
    exercise_id : str, optional
        The cell's exercise, to find the unit and so the file to edit.
    """
    file = _file_of(function, exercise_id) if exercise_id else None
    if file is None:
        return _("{function} is not attempted yet: write its code, save the file, then run this "
                 "cell again.").format(function=isolate(function))
    return _("{function} is not attempted yet: write its code in {file}, save the file, then run "
             "this cell again.").format(function=isolate(function), file=isolate(file))


def run_exercise_cell(line, cell, shell):
    """The ``%%exercise <id>`` cell magic: run the cell; explain a stub that is not written.

    Parameters
    ----------
    line : str
        The magic's argument, the exercise id (``"c1w4.linear_forward"``), used to name the file.
    cell : str
        The cell's code, run in the notebook's namespace.
    shell : IPython.core.interactiveshell.InteractiveShell

    Returns
    -------
    None
        Errors other than an unwritten stub propagate with their traceback, as in any cell.
    """
    exercise_id = line.strip() or None
    # Register the code with IPython's compiler so a traceback shows the cell's own lines.
    filename = shell.compile.cache(cell)
    code = compile(cell, filename, "exec")
    try:
        exec(code, shell.user_ns)  # noqa: S102 - the student's own cell, as Jupyter would run it
    except NotImplementedError as error:
        function = not_attempted_function(error)
        if function is None:
            raise
        say(not_attempted_message(function, exercise_id))
