"""SIGINT and SIGTERM leave no temporary folder and no process behind.

A real ``python -m grader --hidden`` process is stopped in the middle of a call that never ends.
Before, SIGTERM killed the grader outright (its sandbox folder in ``/dev/shm`` and its pytest
folder stayed), and SIGINT was swallowed by pytest and a half-run report was printed as if the
grading were complete.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from hostile_helpers import ENGINE_CHECKS, ROOT, make_submission

ENDLESS = """
def linear_forward(A, W, b):
    # {marker}
    while True:
        pass
"""


def _descendants(pid):
    """Pids of every process below ``pid`` (by the parent pids in /proc)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _sandbox_folders(marker):
    """This run's sandbox folders: the ones whose copy of the submission holds ``marker``."""
    found = set()
    for base in Path("/dev/shm").glob("amiq-sandbox-*"):
        try:
            modules = [*base.glob("work/*/c1w4/step_by_step.py"), *base.glob("*/c1w4/step_by_step.py")]
            for module in modules:
                if marker in module.read_text():
                    found.add(base)
        except OSError:
            continue
    return found


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="the sandbox folder lives in /dev/shm")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_mid_run_leaves_nothing_behind(tmp_path, signum):
    marker = f"amiq-signal-test-{uuid.uuid4().hex}"
    folder = make_submission(tmp_path / "sub", step_extra=ENDLESS.format(marker=marker))
    private_tmp = tmp_path / "tmp"  # the grader's own temporary folders (pytest's) go here
    private_tmp.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "grader", "linear_forward", "--submission", str(folder),
         "--check-root", str(ENGINE_CHECKS), "--timeout", "60", "--lang", "en"],
        cwd=str(ROOT), env=dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(private_tmp)),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        # Wait until a worker runs the endless call: the sandbox folder holds the submission
        # and the grader has a few processes below it (zygote, worker).
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if _sandbox_folders(marker) and len(_descendants(proc.pid)) >= 2:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the grading did not start")
        time.sleep(0.5)
        folders = _sandbox_folders(marker)
        processes = _descendants(proc.pid)
        temporary = list(private_tmp.iterdir())
        assert folders and processes and temporary
        proc.send_signal(signum)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 128 + signum, (proc.returncode, stderr[-2000:])
    assert "Grading was interrupted" in stderr and "قُطِع التصحيح" in stderr
    assert stdout == ""  # no half-run report
    assert not [f for f in folders if f.exists()]
    assert list(private_tmp.iterdir()) == []
    deadline = time.monotonic() + 10
    while [p for p in processes if _alive(p)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [p for p in processes if _alive(p)] == []
