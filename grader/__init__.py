"""Amiq's grader: hidden pytest checks run against the student's code in a sandbox.

مصحِّح عميق: فحوص pytest تُشغَّل على شيفرة الطالب داخل صندوق عزل، مع ملاحظات بالعربية والإنجليزية.

In a notebook::

    import grader
    grader.check("linear_forward")          # runs that exercise's public checks, prints feedback

From a shell: ``amiq grade`` or ``python -m grader`` (see :mod:`course.cli.cmd_grade`).
This module imports nothing heavy, so check modules can import :mod:`grader.api` cheaply.
"""

__version__ = "0.1.0"


def check(exercise_id=None, lang=None, submission=None):
    """Run one exercise's public checks and print the feedback.

    Parameters
    ----------
    exercise_id : str or None
        An exercise id from ``course.catalog`` (e.g. ``"linear_forward"``); None checks every
        exercise. ``"c1w4.lab"`` (or ``"lab"``) grades the learning-rate lab's recorded choice
        instead (:mod:`grader.lab`; ``submission`` does not apply). An unknown id (or an
        unusable folder) prints a bilingual message and returns None instead of raising.
    lang : {"ar", "en"} or None
        Feedback language; default from ``AMIQ_LANG`` / the locale, else Arabic.
    submission : str or pathlib.Path or None
        Folder with the module files; default the student's working copy ``course/<unit>/``.

    Returns
    -------
    grader.runner.results.Report or grader.lab.LabResult or None
        The report that was printed (None after bad input). Its ``repr`` is one short line (for example
        ``<Report c1w4 public 5/10 (2 checks)>``), so a notebook cell or REPL that ends with
        ``grader.check(...)`` echoes that line after the feedback, not the whole report.
        Use ``report.score``, ``report.max_score`` and ``report.exercises`` for the details.
    """
    if exercise_id is not None and str(exercise_id).rpartition(".")[2] == "lab":
        from .runner.notebook import check_lab_item

        return check_lab_item(exercise_id, lang=lang)
    from .runner.notebook import check_exercise

    return check_exercise(exercise_id, lang=lang, submission=submission)
