"""The jail: what the student's process can and cannot see or do (needs root for namespaces)."""

import ast
import os
import sys

import numpy as np
import pytest

from grader.sandbox.client import Submission
from grader_test_support import ROOT, open_sandbox, write_submission

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="namespaces and uid switch need root")

PROBE = f"""
import os, socket

def _try(action):
    try:
        return "ok:" + repr(action())[:80]
    except BaseException as exc:
        return "denied:" + type(exc).__name__

def linear_forward(A, W, b):
    return {{
        "uid": os.getuid(),
        "solutions": _try(lambda: open({str(ROOT / "solutions" / "c1w4" / "step_by_step.py")!r}).read()),
        "hidden": _try(lambda: os.listdir({str(ROOT / "solutions" / "c1w4" / "grading")!r})),
        "key": _try(lambda: open({str(ROOT / "solutions" / ".grader-key")!r}).read()),
        "git": _try(lambda: os.listdir({str(ROOT / ".git")!r})),
        "repo": _try(lambda: os.listdir({str(ROOT)!r})),
        "root_home": _try(lambda: os.listdir("/root")),
        "tmp": _try(lambda: os.listdir("/tmp")),
        "network": _try(lambda: socket.create_connection(("1.1.1.1", 53), timeout=1)),
        "fork": _try(os.fork),
        "write_cwd": _try(lambda: open("x.txt", "w").write("x")),
        "processes": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
        "kill_parent": _try(lambda: os.kill(os.getppid(), 9)),
        "numpy": np.__file__,
    }}
"""


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    from grader.keys import grader_key

    grader_key()  # the key file exists, as after any hidden run: the probe must not read it
    folder = write_submission(tmp_path_factory.mktemp("sub"), step_extra=PROBE)
    box = open_sandbox(folder)
    try:
        assert box.isolation == "namespaces", box.zygote.problems
        sub = Submission(box, "linear_forward", "public", 0)
        yield sub.call("linear_forward", np.ones((1, 1)), np.ones((1, 1)), np.ones((1, 1))).value
    finally:
        box.close()


def test_runs_as_an_unprivileged_uid(probe):
    assert probe["uid"] >= 1_000_000


@pytest.mark.parametrize("what", ["solutions", "hidden", "key", "git"])
def test_secrets_are_invisible(probe, what):
    assert probe[what].startswith("denied") or probe[what] == "ok:[]", probe[what]


def test_home_of_root_shows_at_most_the_python_installation(probe):
    allowed = set()
    for prefix in {os.path.realpath(sys.prefix), os.path.realpath(sys.base_prefix)}:
        if prefix.startswith("/root/"):
            allowed.add(prefix.split("/")[2])
    listing = probe["root_home"]
    assert listing.startswith("denied") or set(ast.literal_eval(listing[3:])) <= allowed, listing


def _project_venv_name():
    """The name of this interpreter's virtual environment when it lives in the project (.venv)."""
    prefix = os.path.realpath(sys.prefix)
    if prefix != os.path.realpath(sys.base_prefix) and os.path.dirname(prefix) == str(ROOT):
        return os.path.basename(prefix)
    return None


def test_the_project_folder_is_an_empty_mount(probe):
    # Only an in-project virtual environment (which holds numpy) is bound back in.
    venv = _project_venv_name()
    assert probe["repo"] == ("ok:[]" if venv is None else f"ok:[{venv!r}]")


def test_tmp_holds_only_the_sandbox(probe):
    assert "amiq" not in probe["tmp"] or probe["tmp"].startswith("ok:")
    assert "pytest-of" not in probe["tmp"]


def test_no_network_no_fork_no_writes(probe):
    assert probe["network"].startswith("denied")
    assert probe["fork"].startswith("denied")
    assert probe["write_cwd"].startswith("denied")


def test_only_the_sandbox_processes_are_visible_and_none_can_be_signalled(probe):
    # A fresh PID namespace: process 1 is the zygote, the other is the worker itself.
    assert len(probe["processes"]) == 2 and probe["processes"][0] == 1
    assert probe["kill_parent"].startswith("denied")


def test_numpy_still_imports(probe):
    assert probe["numpy"].endswith("__init__.py")
