"""FIFOs, devices, sockets, huge files and symlinks where the submission's modules are expected.

A FIFO named ``step_by_step.py`` made the grader wait forever for a writer; a submission folder
reached through a symlink into the project was graded as if it were the student's (the
reference, full marks). Each is now refused before anything runs, with a message in both
languages that says what the file is.
"""

import os
import socket
import stat
import subprocess
import sys

import pytest

from grader.runner.engine import GradingError, validate_submission

from hostile_helpers import ENGINE_CHECKS, ROOT, make_submission, run


def _grade_cli(folder, timeout=60):
    """The command line on ``folder`` (a subprocess: a grader that hangs must not hang the suite)."""
    return subprocess.run(
        [sys.executable, "-m", "grader", "linear_forward", "--submission", str(folder),
         "--check-root", str(ENGINE_CHECKS), "--lang", "ar"],
        capture_output=True, text=True, timeout=timeout, cwd=str(ROOT),
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def _refused(folder, english, arabic):
    proc = _grade_cli(folder)
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    assert english in proc.stderr and arabic in proc.stderr, proc.stderr
    return proc


def test_a_fifo_is_refused_without_waiting(tmp_path):
    folder = make_submission(tmp_path / "sub")
    (folder / "step_by_step.py").unlink()
    os.mkfifo(folder / "step_by_step.py")
    _refused(folder, "a named pipe (FIFO)", "أنبوب مسمّى")


def test_a_socket_is_refused(tmp_path):
    folder = make_submission(tmp_path / "sub")
    (folder / "step_by_step.py").unlink()
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(folder / "step_by_step.py"))
        _refused(folder, "a socket", "مقبس")
    finally:
        server.close()


def test_a_device_is_refused(tmp_path):
    folder = make_submission(tmp_path / "sub")
    (folder / "step_by_step.py").unlink()
    try:
        os.mknod(folder / "step_by_step.py", stat.S_IFCHR | 0o644, os.makedev(1, 5))  # /dev/zero
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD")
    _refused(folder, "a device", "ملف جهاز")


def test_an_oversized_module_is_refused(tmp_path):
    folder = make_submission(tmp_path / "sub")
    with open(folder / "step_by_step.py", "a") as fh:
        fh.write("#" * (3 << 20))
    _refused(folder, "is larger than", "أكبر من")


def test_a_symlinked_module_is_refused(tmp_path):
    folder = make_submission(tmp_path / "sub")
    (folder / "step_by_step.py").unlink()
    (folder / "step_by_step.py").symlink_to(ROOT / "solutions" / "c1w4" / "step_by_step.py")
    _refused(folder, "a symbolic link", "رابط رمزي")


@pytest.mark.parametrize("where", ["last", "middle"])
def test_a_path_through_a_symlink_into_the_project_is_refused(tmp_path, where):
    if where == "last":
        (tmp_path / "mine").symlink_to(ROOT / "solutions" / "c1w4")
        folder = tmp_path / "mine"
    else:
        (tmp_path / "link").symlink_to(ROOT / "solutions")
        folder = tmp_path / "link" / "c1w4"
    with pytest.raises(GradingError) as info:
        validate_submission(folder)
    english = " ".join(m.render("en") for m in info.value.messages)
    arabic = " ".join(m.render("ar") for m in info.value.messages)
    assert "symbolic link" in english and "leads into the project" in english
    assert "الرابط الرمزي" in arabic
    with pytest.raises(GradingError):
        run(folder, exercises=("linear_forward",))


def test_a_path_through_dot_dot_after_a_symlink_is_refused(tmp_path):
    # tmp/link -> solutions/c1w4; "tmp/link/../c1w4" is solutions/c1w4 for the kernel,
    # whatever a lexical normalisation of the path says.
    (tmp_path / "c1w4").mkdir()
    (tmp_path / "link").symlink_to(ROOT / "solutions" / "c1w4")
    with pytest.raises(GradingError):
        validate_submission(tmp_path / "link" / ".." / "c1w4")


def test_a_symlink_elsewhere_is_fine(tmp_path):
    real = make_submission(tmp_path / "real")
    (tmp_path / "alias").symlink_to(real)
    assert set(validate_submission(tmp_path / "alias")) == {"step_by_step.py", "cat_classifier.py"}
