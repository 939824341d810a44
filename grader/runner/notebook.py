"""``grader.check(...)`` for notebooks: one exercise's public checks, printed as in the terminal.

فحص تمرين واحد من دفتر Jupyter وطباعة الملاحظات نفسها التي تظهر في الطرفية.
"""

import sys

from course.cli.output import say_error
from course.i18n import in_language, resolve_language

from ..report.text import render_text
from .engine import GradingError, grade


def check_exercise(exercise_id=None, lang=None, submission=None):
    """Grade ``exercise_id``'s public checks (all exercises when None), print the feedback.

    Returns
    -------
    grader.runner.results.Report or None
        The printed report; None after bad input (an unknown exercise, an unusable folder),
        whose bilingual message is printed instead of a traceback a student would have to read
        through in a notebook.
    """
    lang = resolve_language(lang)
    try:
        report = grade([exercise_id] if exercise_id else None, submission)
    except GradingError as error:
        with in_language(lang):
            say_error(error, sys.stdout, prefix=False)
        return None
    print(render_text(report, lang, color=False), end="")
    return report


def check_lab_item(item_id, lang=None):
    """Grade the learning-rate lab named by ``item_id`` (``"c1w4.lab"``) and print the feedback.

    Returns
    -------
    grader.lab.LabResult or None
        None when it could not be graded here (an unknown lab, no data for the reference
        sweep); the bilingual reason is printed instead.
    """
    from course.units import UnitError

    from ..lab import LabError, grade_lab, lab_unit_of
    from ..report.lab import render_text

    lang = resolve_language(lang)
    try:
        result = grade_lab(lab_unit_of(item_id))
    except (LabError, UnitError) as error:
        with in_language(lang):
            say_error(error, sys.stdout, prefix=False)
        return None
    print(render_text(result, lang), end="")
    return result
