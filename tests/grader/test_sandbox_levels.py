"""A correct submission gets full marks at every isolation level, or the grading is refused.

Each way of running the grader (see :mod:`sandbox_levels`) grades a copy of the reference with
the hidden checks. The Python here may live under ``/root`` (pyenv), which no unprivileged uid
can read: the sandbox must cope with that (it imports everything before entering the jail) or
refuse, never silently cost marks.
"""

import json
import shutil

import pytest

from sandbox_levels import EXPECTED_LEVELS, ROOT, WAYS, make_public, public_folder, run_grader

SUBMISSION_FILES = ("step_by_step.py", "cat_classifier.py")


@pytest.fixture(scope="module")
def reference_copy():
    folder = public_folder()
    for name in SUBMISSION_FILES:
        shutil.copy(ROOT / "solutions" / "c1w4" / name, folder / name)
    make_public(folder)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _report(proc):
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    return json.loads(proc.stdout)


def _refused(proc):
    """The grading was refused with the bilingual isolation message (exit status 3)."""
    return (
        proc.returncode == 3
        and "too weak for this grading" in proc.stderr
        and "--allow-weak-isolation" in proc.stderr
    )


@pytest.mark.parametrize("way", WAYS)
def test_a_correct_submission_gets_full_marks_with_hidden_checks_or_is_refused(reference_copy, way):
    proc = run_grader(way, ["--hidden", "--submission", str(reference_copy),
                            "--format", "json", "--lang", "en"])
    if proc.returncode == 3:
        assert _refused(proc), proc.stderr[-3000:]
        # Only the ways that cannot build a jail may be refused.
        assert way.startswith("user"), proc.stderr[-3000:]
        return
    report = _report(proc)
    assert report["isolation"] in EXPECTED_LEVELS[way], report["isolation"]
    assert report["score"] == report["max_score"] > 0, [
        (c["id"], c["status"], (c["message"] or {}).get("text"))
        for ex in report["exercises"] for c in ex["checks"] if c["status"] != "passed"
    ]
    assert not report["weak_isolation_allowed"]


@pytest.mark.parametrize("way", WAYS)
def test_a_correct_submission_gets_full_marks_with_public_checks(reference_copy, way):
    proc = run_grader(way, ["--submission", str(reference_copy), "--format", "json",
                            "--lang", "en"])
    report = _report(proc)
    assert report["isolation"] in EXPECTED_LEVELS[way]
    assert report["score"] == report["max_score"] > 0


def test_hidden_grading_without_a_jail_is_refused_unless_allowed(reference_copy):
    args = ["--hidden", "--submission", str(reference_copy), "--lang", "en",
            "linear_forward", "two_layer_model"]
    refused = run_grader("user-docker", args)
    assert _refused(refused), refused.stderr[-3000:]
    # Both languages, naming what is missing.
    assert "a jail" in refused.stderr and "العزل" in refused.stderr
    assert refused.stdout == ""
    allowed = run_grader("user-docker", [*args, "--allow-weak-isolation", "--format", "json"])
    report = _report(allowed)
    assert report["isolation"] == "process" and report["weak_isolation_allowed"]
    assert report["score"] == report["max_score"] > 0
    assert any("--allow-weak-isolation" in p["text"] for p in report["problems"])
    text = run_grader("user-docker", [*args, "--allow-weak-isolation"])
    assert "Sandbox isolation: process (weaker than this grading needs" in text.stdout


@pytest.mark.parametrize("way", WAYS)
def test_every_report_names_its_isolation_level(reference_copy, way):
    proc = run_grader(way, ["--submission", str(reference_copy), "--lang", "en",
                            "linear_forward"])
    assert proc.returncode == 0, proc.stderr[-3000:]
    level = next(line for line in proc.stdout.splitlines() if line.startswith("Sandbox isolation"))
    assert level.split(": ", 1)[1] in EXPECTED_LEVELS[way]
