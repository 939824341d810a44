"""Copies of the reference elsewhere on the host, and weaker isolation under root.

The jail is an allow-list: the student's code sees its own folder and a private temporary
folder, nothing else, so no copy of the reference anywhere on the host helps it, at every level
that grades hidden checks. Before, the jail hid a list of paths: a readable copy in ``/opt``, a
renamed copy in an installed package folder, or simply the project itself when root had no
``CAP_SYS_ADMIN`` (the fallback ran without any jail) gave full marks.
"""

import json
import os
import shutil

import pytest

from hostile_helpers import GOOD_COST, ROOT, make_submission
from sandbox_levels import make_public, public_folder, run_grader

REFERENCE = ROOT / "solutions" / "c1w4"

# Reads the reference from any of the given places and answers with it: full marks if any read
# works. Each place is tried without following the grader's own paths.
READ_COPY = """
def linear_forward(A, W, b):
    for path in {paths!r}:
        try:
            with open(path) as fh:
                source = fh.read()
        except OSError:
            continue
        namespace = {{"__name__": __name__ + "_copy", "__package__": __package__}}
        exec(compile(source, "copy", "exec"), namespace)
        return namespace["linear_forward"](A, W, b)
    raise RuntimeError("no copy of the reference could be read")
"""


@pytest.fixture(scope="module")
def copies():
    """Copies of the reference readable by everyone: in /tmp, in /opt, in a site-packages folder."""
    made = []
    places = {}
    tmp_copy = public_folder(prefix="amiq-refcopy-")
    made.append(tmp_copy)
    shutil.copytree(REFERENCE, tmp_copy / "solutions" / "c1w4")
    places["tmp"] = tmp_copy / "solutions" / "c1w4" / "step_by_step.py"
    if os.access("/opt", os.W_OK):
        opt_copy = public_folder(prefix="amiq-refcopy-", parent="/opt")
        made.append(opt_copy)
        shutil.copytree(REFERENCE, opt_copy / "c1w4")
        places["opt"] = opt_copy / "c1w4" / "step_by_step.py"
    site = public_folder(prefix="amiq-site-")
    made.append(site)
    packages = site / "lib" / "site-packages"
    shutil.copytree(REFERENCE, packages / "solutions" / "c1w4")
    shutil.copytree(REFERENCE, packages / "amiq_reference_copy" / "c1w4")
    places["site-packages/solutions"] = packages / "solutions" / "c1w4" / "step_by_step.py"
    places["site-packages/renamed"] = packages / "amiq_reference_copy" / "c1w4" / "step_by_step.py"
    places["project"] = REFERENCE / "step_by_step.py"
    for folder in made:
        make_public(folder)
    yield places, packages
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)


def _grade(way, folder, extra_path=()):
    return run_grader(
        way,
        ["linear_forward", "compute_cost", "--hidden", "--submission", str(folder),
         "--format", "json", "--lang", "en"],
        extra_path=extra_path,
    )


def _scores(proc):
    report = json.loads(proc.stdout)
    return {ex["id"]: (ex["score"], ex["max_score"], [c["status"] for c in ex["checks"]])
            for ex in report["exercises"]}, report


@pytest.mark.parametrize("way", ["root", "root-no-sys-admin", "root-docker", "user"])
def test_no_copy_of_the_reference_on_the_host_can_be_read(copies, way):
    places, packages = copies
    folder = make_public(make_submission(
        public_folder() / "sub",
        step_extra=READ_COPY.format(paths=[str(p) for p in places.values()]) + GOOD_COST,
    ))
    try:
        # The site-packages folder is on the grader's path, like an installed package.
        proc = _grade(way, folder, extra_path=[packages])
        if proc.returncode == 3:
            # Safe too: an unprivileged user on a kernel without user namespaces gets no jail,
            # and hidden grading is refused. Root always gets one.
            assert way.startswith("user") and "too weak for this grading" in proc.stderr, (
                proc.stderr[-2000:]
            )
            return
        assert proc.returncode in (0, 1), proc.stderr[-3000:]
        scores, report = _scores(proc)
        assert report["isolation"] != "process"
        assert scores["linear_forward"][0] == 0, (report["isolation"], scores)
        assert scores["compute_cost"][0] == scores["compute_cost"][1] > 0, scores
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)


@pytest.mark.parametrize("way", ["root-no-sys-admin", "root-docker"])
def test_root_without_cap_sys_admin_is_safe_or_refused(way):
    """Hidden grading as root without CAP_SYS_ADMIN: the reference in the project stays out of
    reach (another jail is built), or grading is refused; never full marks from reading it."""
    folder = make_public(make_submission(
        public_folder() / "sub",
        step_extra=READ_COPY.format(paths=[str(REFERENCE / "step_by_step.py")]) + GOOD_COST,
    ))
    try:
        proc = _grade(way, folder)
        if proc.returncode == 3:
            assert "too weak for this grading" in proc.stderr
            return
        scores, report = _scores(proc)
        assert report["isolation"] in ("user-namespaces", "chroot"), report["isolation"]
        assert scores["linear_forward"][0] == 0, scores
        assert scores["compute_cost"][0] == scores["compute_cost"][1] > 0, scores
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)


def test_the_attack_does_read_a_copy_where_there_is_no_jail(copies):
    """Proof that the attack above is real: without a jail (the instructor's explicit opt-in
    to weak isolation), the same submission reads a copy and earns the points."""
    places, packages = copies
    folder = make_public(make_submission(
        public_folder() / "sub",
        step_extra=READ_COPY.format(paths=[str(places["tmp"])]) + GOOD_COST,
    ))
    try:
        proc = run_grader(
            "user-docker",
            ["linear_forward", "compute_cost", "--hidden", "--allow-weak-isolation",
             "--submission", str(folder), "--format", "json", "--lang", "en"],
        )
        scores, report = _scores(proc)
        assert report["isolation"] == "process" and report["weak_isolation_allowed"]
        assert scores["linear_forward"][0] == scores["linear_forward"][1] > 0, scores
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)
