"""Shared helpers of the grader engine's tests: submissions in temporary folders."""

from pathlib import Path

from course.authoring.stubs import render_unit

ROOT = Path(__file__).resolve().parents[2]
ENGINE_CHECKS = ROOT / "tests" / "grader" / "engine_checks"


def write_submission(folder, step_extra="", cat_extra="", reference=False):
    """Stubs (or the reference) in ``folder`` with extra code appended to each module."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if reference:
        source = {
            n: (ROOT / "solutions" / "c1w4" / n).read_text()
            for n in ("step_by_step.py", "cat_classifier.py")
        }
    else:
        source = render_unit(ROOT / "solutions", "c1w4")
    (folder / "step_by_step.py").write_text(source["step_by_step.py"] + "\n" + step_extra)
    (folder / "cat_classifier.py").write_text(source["cat_classifier.py"] + "\n" + cat_extra)
    return folder


def layout():
    """The c1w4 layout the engine hands to the sandbox."""
    from grader.runner.engine import submission_layout

    return submission_layout("c1w4")


def sandbox_for(folder, **kwargs):
    """A :class:`~grader.sandbox.client.Sandbox` for the submission in ``folder``."""
    from grader.sandbox.client import Sandbox, read_submission

    unit = layout()
    return Sandbox(read_submission(folder, unit.submission_modules), unit, **kwargs)
