"""The jail: what the student's process can and cannot see or do.

The jail is an allow-list: its root holds ``/work`` (read-only) and ``/tmp`` (private) and nothing
else. These probes run at the level this machine gives the test process (as root: namespaces);
``test_sandbox_levels.py`` runs whole gradings at every other level.
"""

import os
import sys

import numpy as np
import pytest

from grader.sandbox.client import Submission
from grader_test_support import ROOT, sandbox_for, write_submission

PROBE = f"""
import os, socket, tempfile

def _try(action):
    try:
        return "ok:" + repr(action())[:200]
    except BaseException as exc:
        return "denied:" + type(exc).__name__

def _write_tmp():
    with tempfile.NamedTemporaryFile("w", delete=False) as fh:
        fh.write("x")
    return os.path.dirname(fh.name)

def linear_forward(A, W, b):
    return {{
        "uid": os.getuid(),
        "root": sorted(os.listdir("/")),
        "solutions": _try(lambda: open({str(ROOT / "solutions" / "c1w4" / "step_by_step.py")!r}).read()),
        "hidden": _try(lambda: os.listdir({str(ROOT / "grader" / "hidden")!r})),
        "repo": _try(lambda: os.listdir({str(ROOT)!r})),
        "python": _try(lambda: os.stat({sys.executable!r})),
        "numpy_files": _try(lambda: os.stat({np.__file__!r})),
        "root_home": _try(lambda: os.listdir("/root")),
        "proc": _try(lambda: os.listdir("/proc")),
        "dev": _try(lambda: os.listdir("/dev")),
        "network": _try(lambda: socket.create_connection(("1.1.1.1", 53), timeout=1)),
        "unix_socket": _try(lambda: socket.socket(socket.AF_UNIX).bind("\\0amiq-probe")),
        "fork": _try(os.fork),
        "write_cwd": _try(lambda: open("x.txt", "w").write("x")),
        "write_root": _try(lambda: open("/x.txt", "w").write("x")),
        "tmp": _try(_write_tmp),
        "kill_parent": _try(lambda: os.kill(os.getppid(), 9)),
        "environment": sorted(os.environ),
        "numpy": float(np.random.default_rng(0).standard_normal()),
    }}
"""


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    folder = write_submission(tmp_path_factory.mktemp("sub"), step_extra=PROBE)
    box = sandbox_for(folder)
    try:
        if box.isolation == "process":
            pytest.skip(f"no jail on this machine: {box.zygote.problems}")
        assert box.isolation_info.broken == [], box.isolation_info.broken
        sub = Submission(box, "linear_forward", "public", 0)
        yield box.isolation_info, sub.call(
            "linear_forward", np.ones((1, 1)), np.ones((1, 1)), np.ones((1, 1))
        ).value
    finally:
        box.close()


def test_the_root_holds_only_the_work_folder_and_a_private_tmp(probe):
    info, found = probe
    assert found["root"] == ["tmp", "work"], found["root"]


@pytest.mark.parametrize(
    "what", ["solutions", "hidden", "repo", "python", "numpy_files", "root_home", "proc", "dev"]
)
def test_nothing_of_the_host_is_visible(probe, what):
    _, found = probe
    assert found[what].startswith("denied:"), (what, found[what])


@pytest.mark.skipif(os.geteuid() != 0, reason="workers keep the user's uid when not root")
def test_runs_as_an_unprivileged_uid(probe):
    info, found = probe
    assert "user" not in info.missing
    assert found["uid"] != 0


def test_no_network_no_sockets_no_fork_no_writes_outside_tmp(probe):
    _, found = probe
    for what in ("network", "unix_socket", "fork", "write_cwd", "write_root", "kill_parent"):
        assert found[what].startswith("denied:"), (what, found[what])


def test_the_private_tmp_is_writable(probe):
    _, found = probe
    assert found["tmp"].startswith("ok:'/tmp"), found["tmp"]


def test_the_environment_is_minimal_and_numpy_works(probe):
    _, found = probe
    assert set(found["environment"]) <= {"TMPDIR", "HOME", "LANG"} | {
        k for k in found["environment"] if k.startswith(("OPENBLAS", "OMP", "MKL"))
    }
    assert not any("AMIQ" in k or "PYTEST" in k for k in found["environment"])
    assert np.isfinite(found["numpy"])
