"""The student's code has no handle on the grader's terminal.

The grader runs in a terminal (a pseudo-terminal here); the student's code tries to write to it
and to type into it (``TIOCSTI``) through its own descriptors 0-2, ``/dev/tty`` and every
``/proc/<pid>/fd/<n>`` it can open. Before, a worker of the same user (no jail) could open the
grader's ``/proc/<pid>/fd/1`` and print a fake result on the instructor's screen. Workers now
have no terminal (a session of their own, ``/dev/null`` on 0-2), no ``/proc`` in the jail, the
grader's ``/proc`` entries are root-only, and the system-call filter refuses ``TIOCSTI``.
"""

import os
import pty
import select
import shutil
import signal
import time

import pytest

from hostile_helpers import GOOD_COST, make_submission
from sandbox_levels import IS_ROOT, NOBODY, command, make_public, public_folder

MARK = "AMIQ-TERMINAL-MARK"
TYPED = "INJECTED"

# The marks are built at run time so that the source itself never shows them.
TERMINAL = """
import ctypes, os

_libc = ctypes.CDLL(None, use_errno=True)

def _targets():
    paths = ["/dev/tty", "/dev/console"]
    try:
        for pid in os.listdir("/proc"):
            if pid.isdigit() or pid == "self":
                for fd in ("0", "1", "2", "3", "4"):
                    paths.append(f"/proc/{pid}/fd/{fd}")
    except OSError:
        pass
    return paths

def _attack(fd, mark, typed):
    try:
        os.write(fd, mark)
    except OSError:
        pass
    for char in typed:
        if _libc.ioctl(fd, 0x5412, ctypes.c_char_p(char)) != 0:  # TIOCSTI
            break

def linear_forward(A, W, b):
    mark = ("AMIQ-TERM" + "INAL-MARK\\n").encode()
    typed = [bytes([c]) for c in ("echo INJ" + "ECTED\\n").encode()]
    for fd in (0, 1, 2):
        _attack(fd, mark, typed)
    for path in _targets():
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
        except OSError:
            continue
        try:
            _attack(fd, mark, typed)
        finally:
            os.close(fd)
    return np.zeros((1, 1)), (A, W, b)
"""


def _run_in_terminal(argv, env, owner=None, timeout=300):
    """Run ``argv`` with a pseudo-terminal as its terminal; returns (exit status, output).

    ``owner``: the uid the terminal belongs to (a user's login terminal is theirs).
    """
    pid, master = pty.fork()
    if pid == 0:  # the child: its stdin, stdout and stderr are the terminal
        try:
            if owner is not None:
                os.fchown(0, owner, -1)
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    output = b""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                if os.waitpid(pid, os.WNOHANG) != (0, 0):
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's last user closed it
                break
            if not chunk:
                break
            output += chunk
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.close(master)
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        status = None
    return status, output.decode("utf-8", "replace")


@pytest.mark.parametrize("way", ["root", "root-docker", "user", "user-docker"])
def test_the_students_code_cannot_write_or_type_into_the_graders_terminal(way):
    folder = make_public(make_submission(public_folder() / "sub", step_extra=TERMINAL + GOOD_COST))
    try:
        argv, env = command(way, ["linear_forward", "compute_cost", "--submission", str(folder),
                                  "--lang", "en", "--no-color"])
        owner = NOBODY if way.startswith("user") and IS_ROOT else None
        status, output = _run_in_terminal(argv, env, owner)
        assert status is not None and os.WIFEXITED(status), output[-3000:]
        assert "Score: 5 / 10" in output, output[-3000:]  # the report was printed
        assert MARK not in output and TYPED not in output, output[-3000:]
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)
