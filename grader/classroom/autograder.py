"""Gradescope's side: grade ``submission/`` with the hidden checks into ``results/results.json``.

جانب Gradescope: تصحيح ``submission/`` بالفحوص المخفية وكتابة ``results/results.json``.

Run by the ``run_autograder`` of :mod:`grader.classroom.gradescope` as
``python -m grader.classroom.autograder --root /autograder`` (``--root`` or
``$AMIQ_AUTOGRADER_ROOT`` moves the whole tree, for tests). ``--check`` (from ``setup.sh``)
only checks that grading can start.

Whatever the student uploaded (the module files flat, the workspace layout, the zip of ``amiq
submit``) the files are found with :mod:`grader.classroom.intake`, copied to a private folder
and graded there; ``submission/`` is only read. A result is always written: a submission that
cannot be graded gets score 0 and the reason, in the configured language.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .gradescope import CONFIG_FORMAT, CONFIG_NAME

ROOT_VARIABLE = "AMIQ_AUTOGRADER_ROOT"
DEFAULT_ROOT = "/autograder"


def read_config(root):
    """The ``amiq.json`` of the autograder under ``root`` (``source/amiq.json``)."""
    data = json.loads((Path(root) / "source" / CONFIG_NAME).read_text(encoding="utf-8"))
    if data.get("format") != CONFIG_FORMAT:
        raise ValueError(f"{CONFIG_NAME} is not an Amiq autograder configuration")
    return data


def _results(score, output, seconds=0.0):
    """Results without tests (a submission that could not be graded)."""
    return {"score": score, "output": output, "visibility": "visible",
            "stdout_visibility": "hidden", "execution_time": round(seconds, 3), "tests": []}


def _message_text(messages, lang):
    return "\n".join(m.render(lang) for m in messages)


def grade_submission(root, config):
    """Grade ``root/submission`` and return Gradescope's results as a dict."""
    from course.units import get_unit

    from ..feedback import Message, N_
    from ..report.gradescope import render_gradescope
    from ..runner.engine import GradingError, grade
    from .intake import Candidate, IntakeError, materialize
    from .worker import grade_options

    started = time.perf_counter()
    lang = config.get("lang", "en")
    unit = get_unit(config["unit"])
    submission = Path(root) / "submission"
    work = Path(tempfile.mkdtemp(prefix="amiq-autograder-"))
    os.chmod(work, 0o700)
    try:
        candidate = Candidate("submission", origin="folder", sources=[(submission, "submission")])
        try:
            material = materialize(candidate, unit, work / "material")
        except IntakeError as exc:
            return _results(0, _message_text(exc.messages, lang),
                            seconds=time.perf_counter() - started)
        folder = work / "files"
        folder.mkdir()
        for name, data in material.files.items():
            (folder / name).write_bytes(data)
        options = {"unit": unit.id, "hidden": True, "seed": config.get("seed"),
                   "timeout": config.get("timeout"),
                   "allow_weak_isolation": config.get("allow_weak_isolation", False)}
        try:
            report = grade(None, folder, **grade_options(options))
        except GradingError as exc:
            return _results(0, _message_text(exc.messages, lang),
                            seconds=time.perf_counter() - started)
        report.submission = "submission"
        data = json.loads(render_gradescope(report, lang))
        notes = [m.render(lang) for m in material.notes]
        if notes:
            data["output"] = "\n".join([data.get("output", ""), *notes]).strip()
        return data
    except Exception as exc:  # noqa: BLE001 - the student must still get a result
        text = Message(N_("The autograder failed on this submission (not your fault; your "
                          "instructor can see why): {error}"), error=type(exc).__name__)
        print(f"amiq autograder: {exc!r}", file=sys.stderr)
        return _results(0, text.render(lang), seconds=time.perf_counter() - started)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def write_results(root, data):
    """Write ``results/results.json`` atomically (created readable, in a root-owned folder)."""
    from course.fileio import write_text

    folder = Path(root) / "results"
    folder.mkdir(parents=True, exist_ok=True)
    write_text(folder / "results.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def check(root, config):
    """What ``setup.sh`` runs: the unit, its hidden checks, the key and a usable sandbox.

    A sandbox too weak for hidden grading here stops the set-up with the reason, so the
    instructor sees it when uploading the autograder, not in every student's result.
    """
    from course.units import get_unit

    from ..keys import grader_key
    from ..runner.engine import hidden_available
    from ..runner.isolation import IsolationRefused, check_isolation
    from ..sandbox.zygote import Zygote
    from .worker import warm_up

    unit = get_unit(config["unit"])
    if not hidden_available(unit):
        raise SystemExit(f"amiq autograder: the hidden checks of {unit.id} are missing")
    grader_key(create=False)
    warm_up({"unit": unit.id, "exercises": [e.id for e in unit.exercises], "hidden": True})
    zygote = Zygote()
    try:
        zygote.start()
        level = zygote.ready()
        check_isolation(zygote.info, True, bool(config.get("allow_weak_isolation")))
    except IsolationRefused as exc:
        raise SystemExit("amiq autograder: " + " ".join(m.render("en") for m in exc.messages))
    finally:
        zygote.close()
    print(f"amiq autograder ready: unit {unit.id}, sandbox isolation {level}, feedback in "
          f"{config.get('lang')}")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m grader.classroom.autograder",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=os.environ.get(ROOT_VARIABLE, DEFAULT_ROOT))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    config = read_config(args.root)
    if args.check:
        check(args.root, config)
        return 0
    write_results(args.root, grade_submission(args.root, config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
