"""Secrets in command lines, environments and /proc.

No secret (the run's seed, the paths of the reference and of the hidden checks) may reach the
student's process: not in its own command line or environment (a worker is a fork of the zygote,
so before, ``sys.argv`` held the zygote's configuration with the reference's path), and not in
another process's ``/proc`` entries (without a jail, a worker of the same user could read the
grader's ``environ`` with ``$AMIQ_GRADER_SEED``).
"""

import json
import random
import shutil

import pytest

from hostile_helpers import GOOD_COST, ROOT, make_submission
from sandbox_levels import EXPECTED_LEVELS, WAYS, make_public, public_folder, run_grader

HUNT = """
import os, sys

def _read(path):
    try:
        with open(path, "rb") as fh:
            return fh.read(1 << 20).decode("utf-8", "replace")
    except OSError:
        return None

def linear_forward(A, W, b):
    sources = {{"argv": " ".join(sys.argv), "environ": repr(dict(os.environ))}}
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit() or p in ("self", "thread-self")]
    except OSError:
        pids = []
    for pid in pids:
        for name in ("environ", "cmdline"):
            text = _read(f"/proc/{{pid}}/{{name}}")
            if text is not None:
                sources[f"/proc/{{pid}}/{{name}}"] = text
    leaked = sorted(where for where, text in sources.items()
                    if any(secret in text for secret in {secrets!r}))
    if leaked:
        raise RuntimeError("LEAKED in " + ", ".join(leaked))
    raise RuntimeError(f"searched {{len(sources)}} places")
"""


@pytest.mark.parametrize("way", WAYS)
def test_no_secret_reaches_the_students_process(way):
    seed = str(random.SystemRandom().randrange(10**14, 10**15))
    secrets = [seed, str(ROOT / "solutions"), str(ROOT / "grader" / "hidden")]
    folder = make_public(make_submission(
        public_folder() / "sub", step_extra=HUNT.format(secrets=secrets) + GOOD_COST))
    # Where there is no jail, hidden grading is refused: public checks only.
    hidden = [] if EXPECTED_LEVELS[way] == {"process"} else ["--hidden"]
    try:
        args = ["linear_forward", "compute_cost", "--submission", str(folder),
                "--format", "json", "--lang", "en"]
        proc = run_grader(way, [*args, *hidden], env={"AMIQ_GRADER_SEED": seed})
        if proc.returncode == 3 and hidden:  # no jail on this kernel: hidden grading refused
            proc = run_grader(way, args, env={"AMIQ_GRADER_SEED": seed})
        assert proc.returncode in (0, 1), proc.stderr[-3000:]
        report = json.loads(proc.stdout)
        assert str(report["seed"]) == seed  # the grader did use the secret seed
        texts = [
            (c["message"] or {}).get("text", "")
            for ex in report["exercises"] if ex["id"] == "linear_forward" for c in ex["checks"]
        ]
        assert texts and not any("LEAKED" in t for t in texts), (report["isolation"], texts)
        assert any("searched" in t for t in texts), texts  # the hunt did run
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)
