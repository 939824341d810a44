"""What the course notebooks call: set-up, the ``%%exercise`` cell magic, the applications.

ما تستدعيه دفاتر المقرر: الإعداد، والأمر السحري ``%%exercise`` للخلايا، والتطبيقات.

The notebooks (``course/<unit>/notebooks/<assignment>.<lang>.ipynb``, built by
``course.authoring.notebooks``) hold no logic of their own beyond the exercises' examples: their
first code cell calls :func:`setup`, and the application cells call the unit's application module.
Modules: ``session`` (language, print options, the cell magic, stopping a cell cleanly; any unit),
``display`` (PNG figures inline), ``cat_app`` (c1w4: data, training, figures, your own picture),
``planar_app`` (c1w3: the flower, the baseline, training, decision boundaries, other data sets).
"""

from .session import NotebookStop, run_exercise_cell, setup

__all__ = ["NotebookStop", "run_exercise_cell", "setup"]
