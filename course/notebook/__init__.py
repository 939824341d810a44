"""What the course notebooks call: set-up, the ``%%exercise`` cell magic, the cat application.

ما تستدعيه دفاتر المقرر: الإعداد، والأمر السحري ``%%exercise`` للخلايا، وتطبيق القطط.

The notebooks (``course/<unit>/notebooks/<assignment>.<lang>.ipynb``, built by
``course.authoring.notebooks``) hold no logic of their own beyond the exercises' examples: their
first code cell calls :func:`setup`, and the application cells call :mod:`course.notebook.cat_app`.
Modules: ``session`` (language, print options, the cell magic, stopping a cell cleanly),
``display`` (PNG figures inline), ``cat_app`` (data, training, figures, your own picture).
"""

from .session import NotebookStop, run_exercise_cell, setup

__all__ = ["NotebookStop", "run_exercise_cell", "setup"]
