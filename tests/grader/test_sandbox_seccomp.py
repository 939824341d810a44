"""The system-call filters: what a worker can no longer do, and what still works."""

import os
import socket
import sys

import numpy as np
import pytest

from grader.sandbox import seccomp

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or seccomp.machine() not in ("x86_64", "aarch64"),
    reason="seccomp filters are built for Linux on x86_64 and aarch64",
)


def _in_child(program, probes):
    """Install ``program`` in a forked child, run the probes there, return their outcomes."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(reader)
            seccomp.install(program)
            results = []
            for probe in probes:
                try:
                    probe()
                    results.append("ok")
                except OSError as exc:
                    results.append(f"errno {exc.errno}")
                except BaseException as exc:  # noqa: BLE001
                    results.append(type(exc).__name__)
            os.write(writer, ",".join(results).encode())
        finally:
            os._exit(0)
    os.close(writer)
    data = b""
    while chunk := os.read(reader, 4096):
        data += chunk
    os.close(reader)
    os.waitpid(pid, 0)
    return data.decode().split(",")


def test_worker_filter_blocks_network_processes_and_signals_to_others():
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)

    def checked(rc):
        if rc != 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err))

    probes = [
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
        lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM),
        os.fork,
        lambda: os.kill(os.getppid(), 0),
        lambda: checked(libc.ioctl(0, seccomp.TIOCSTI, ctypes.c_char_p(b"x"))),
        lambda: checked(libc.unshare(0x00020000)),
        # What honest code needs still works:
        lambda: os.kill(os.getpid(), 0),
        lambda: os.urandom(16),
        lambda: np.linalg.inv(np.eye(3) + 1),
        lambda: open(os.devnull).close(),
        socket.socketpair,
    ]

    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(reader)
            seccomp.install(seccomp.worker_filter(os.getpid()))
            results = []
            for probe in probes:
                try:
                    probe()
                    results.append("ok")
                except OSError as exc:
                    results.append(f"errno {exc.errno}")
            os.write(writer, ",".join(results).encode())
        finally:
            os._exit(0)
    os.close(writer)
    results = os.read(reader, 4096).decode().split(",")
    os.close(reader)
    os.waitpid(pid, 0)
    eperm = f"errno {1}"
    assert results[:6] == [eperm] * 6, results
    assert results[6:] == ["ok"] * 5, results


def test_docker_like_filter_refuses_namespaces_but_not_chroot_or_fork():
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)

    def checked(rc):
        if rc != 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err))

    def fork_and_reap():
        child = os.fork()
        if child == 0:
            os._exit(0)
        os.waitpid(child, 0)

    results = _in_child(
        seccomp.docker_like_filter(),
        [
            lambda: checked(libc.unshare(0x10000000)),  # CLONE_NEWUSER
            # Harmless either way: unmounting a path that does not exist (ENOENT unfiltered).
            lambda: checked(libc.umount2(b"/nonexistent-amiq-mount-point", 0)),
            fork_and_reap,
        ],
    )
    assert results == ["errno 1", "errno 1", "ok"], results


def test_programs_check_the_architecture_first():
    for program in (seccomp.worker_filter(1), seccomp.docker_like_filter()):
        assert program[0][0] == 0x20 and program[0][3] == 4  # load seccomp_data.arch
        assert len(program) < 256


def test_unknown_architectures_are_refused_clearly():
    with pytest.raises(seccomp.SeccompUnavailable):
        seccomp.worker_filter(1, arch="mips")
