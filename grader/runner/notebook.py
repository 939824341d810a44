"""``grader.check(...)`` for notebooks: one exercise's public checks, printed as in the terminal.

فحص تمرين واحد من دفتر Jupyter وطباعة الملاحظات نفسها التي تظهر في الطرفية.
"""

from course.i18n import resolve_language

from ..report.text import render_text
from .engine import grade


def check_exercise(exercise_id, lang=None, submission=None):
    """Grade ``exercise_id``'s public checks, print the feedback and return the report.

    Raises
    ------
    grader.runner.engine.GradingError
        Unknown exercise or unusable submission folder (bilingual message).
    """
    lang = resolve_language(lang)
    report = grade([exercise_id], submission)
    print(render_text(report, lang, color=False), end="")
    return report
