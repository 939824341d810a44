"""The GitHub Classroom starter repository: the student bundle and an autograding workflow.

مستودع البداية في GitHub Classroom: حزمة الطالب وسير عمل للتصحيح الآلي.

``amiq export classroom OUT_DIR`` writes what an assignment's template repository needs: the
student bundle of ``amiq release`` (stubs, provided code, the public grader; no reference and no
hidden checks) and ``.github/workflows/classroom.yml``. On every push the workflow installs the
bundle and runs one ``education/autograding-command-grader`` step per exercise, ``amiq grade
--unit U U.name``, whose exit status is 0 only when every public check of the exercise passes;
each step is worth the exercise's public points, and ``education/autograding-grading-reporter``
reports them to GitHub Classroom. The hidden checks are not run there (they need the reference);
grade them with ``amiq grade --class`` on the students' repositories.
"""

import json
from pathlib import Path

from .gradescope import ExportError

WORKFLOW_PATH = ".github/workflows/classroom.yml"
COMMAND_GRADER = "education/autograding-command-grader@v1"
REPORTER = "education/autograding-grading-reporter@v1"
# The runner's Python (any version the bundle supports, >= 3.10).
RUNNER_PYTHON = "3.12"
# Minutes one exercise's step may take (the command grader's unit); grading one exercise's
# public checks takes seconds, and the engine's own limits stop endless loops long before.
STEP_MINUTES = 5


def step_id(exercise):
    """The workflow step id of an exercise (letters, digits, ``-`` and ``_`` only)."""
    return exercise.id.replace(".", "-")


def grade_command(exercise, lang):
    """The command one step runs for ``exercise``."""
    return f"amiq grade --unit {exercise.unit} {exercise.id} --lang {lang} --no-color"


def public_points(unit):
    """``{exercise name: points of its public checks}``."""
    from ..plan import plan

    points = {}
    for check in plan(unit.id, list(unit.exercises), hidden=False):
        points[check.exercise.name] = points.get(check.exercise.name, 0) + check.points
    return points


def _q(text):
    """A YAML scalar in double quotes (JSON strings are valid YAML)."""
    return json.dumps(str(text))


def workflow(unit, lang):
    """The text of ``classroom.yml`` for ``unit`` with feedback in ``lang``."""
    points = public_points(unit)
    lines = [
        f"# GitHub Classroom autograding for Amiq unit {unit.id}: the public checks of every",
        "# exercise, on every push. Written by amiq export classroom.",
        "name: Autograding Tests",
        '"on":',
        "  - push",
        "  - workflow_dispatch",
        "  - repository_dispatch",
        "permissions:",
        "  checks: write",
        "  actions: read",
        "  contents: read",
        "jobs:",
        "  run-autograding-tests:",
        "    runs-on: ubuntu-latest",
        "    if: github.actor != 'github-classroom[bot]'",
        "    steps:",
        "      - name: Checkout code",
        "        uses: actions/checkout@v4",
        "      - name: Set up Python",
        "        uses: actions/setup-python@v5",
        "        with:",
        f"          python-version: {_q(RUNNER_PYTHON)}",
        "      - name: Install Amiq",
        "        run: python -m pip install -e .",
    ]
    runners = []
    for exercise in unit.exercises:
        sid = step_id(exercise)
        runners.append(sid)
        lines += [
            f"      - name: {_q(exercise.id)}",
            f"        id: {sid}",
            f"        uses: {COMMAND_GRADER}",
            "        with:",
            f"          test-name: {_q(exercise.id)}",
            '          setup-command: ""',
            f"          command: {_q(grade_command(exercise, lang))}",
            f"          timeout: {STEP_MINUTES}",
            f"          max-score: {points.get(exercise.name, 0):g}",
        ]
    lines += [
        "      - name: Autograding Reporter",
        f"        uses: {REPORTER}",
        "        env:",
        *[f"          {sid.upper()}_RESULTS: {_q('${{steps.' + sid + '.outputs.result}}')}"
          for sid in runners],
        "        with:",
        f"          runners: {','.join(runners)}",
    ]
    return "\n".join(lines) + "\n"


def build_classroom(out_dir, root, unit_id, lang, force=False):
    """Write the starter repository of ``unit_id`` into ``out_dir``.

    Returns
    -------
    (pathlib.Path, pathlib.Path or None)
        The folder and the backup of its previous content (``force``).

    Raises
    ------
    ExportError
    """
    from course.authoring.release import ReleaseError, build_release
    from course.units import get_unit

    unit = get_unit(unit_id)
    try:
        out, backup, _units = build_release(out_dir, root, force=force, unit_ids=[unit.id])
    except ReleaseError as exc:
        from ..feedback import LocalizedText, Message

        raise ExportError(LocalizedText(exc.render) if exc.render else Message(str(exc))
                          ) from None
    path = Path(out) / WORKFLOW_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(workflow(unit, lang), encoding="utf-8")
    return Path(out), backup
