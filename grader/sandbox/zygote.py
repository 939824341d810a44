"""Start the sandbox's zygote: a clean interpreter that builds the jail and forks the workers.

تشغيل العملية الأم لصندوق العزل، التي تبني السجن وتتفرّع منها عمليات التشغيل.

Standard library only, so the command line can start the zygote before it imports numpy or
pytest itself: the zygote's own start-up (an interpreter plus numpy, about 0.3 s) then overlaps
with the grader's. Its configuration goes over the private control socket (nothing in its
command line or environment), and it starts in a session of its own, away from the grader's
terminal.
"""

import contextlib
import importlib.util
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

WORKER_SCRIPT = Path(__file__).with_name("worker.py")


class SandboxError(RuntimeError):
    """The sandbox itself could not be started (not the student's fault)."""


def find_package_dir(name):
    """The folder of an importable top-level package, without importing it (None if absent)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


@contextlib.contextmanager
def signals_deferred():
    """Hold SIGINT and SIGTERM until the block ends (clean-up that must not stop half-way).

    A signal that arrives meanwhile is delivered when the block ends. Main thread only; a
    no-op elsewhere.
    """
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def sandbox_base_dir():
    """A fresh folder for this run: ``work/`` (the workers' folders) and ``tmp/`` (0711).

    ``/dev/shm`` (memory) when usable: creating and removing the per-exercise folders there is
    about 100 times faster than on a disk-backed ``/tmp``. The folder is the jail's root on the
    ``chroot`` level, so it holds nothing else.
    """
    parent = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    base = Path(tempfile.mkdtemp(prefix="amiq-sandbox-", dir=parent))
    os.chmod(base, 0o755)
    (base / "work").mkdir(mode=0o755)
    (base / "tmp").mkdir(mode=0o711)
    os.chmod(base / "work", 0o755)
    os.chmod(base / "tmp", 0o711)
    return base


def _python_env():
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    # Kept because some OpenBLAS builds crash or miscompute on this processor without them.
    for key in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def _numpy_paths():
    """The folder numpy is installed in (the zygote runs with ``-I -S``: no site-packages)."""
    spec = importlib.util.find_spec("numpy")
    if spec is None or not spec.origin:
        raise SandboxError("numpy is not installed")
    return [str(Path(spec.origin).resolve().parent.parent)]


@dataclass
class IsolationInfo:
    """What the sandbox could build, as the zygote and its self-test (canary) found it.

    Attributes
    ----------
    level : str
        ``"namespaces"``, ``"user-namespaces"``, ``"chroot"`` or ``"process"``
        (see :mod:`grader.sandbox.jail`).
    missing : list of str
        Missing pieces: ``"jail"`` (no allow-list root, or it showed host files), ``"user"``
        (the grader is root and workers could not switch to an unprivileged uid),
        ``"seccomp"`` (no system-call filter), ``"namespaces"`` (no PID, network and IPC
        namespaces).
    broken : list of str
        What the self-test could not do (honest code would lose marks: grading is refused).
    problems : list of str
        Technical details of what was tried (English, for instructors).
    """

    level: str
    missing: list = field(default_factory=list)
    broken: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @classmethod
    def from_ready(cls, message):
        level = str(message.get("isolation", "process"))
        canary = message.get("canary") or {}
        missing = []
        visible = list(canary.get("visible") or ())
        if level == "process" or visible:
            missing.append("jail")
        if message.get("grader_is_root") and not canary.get("switched"):
            missing.append("user")
        if canary.get("seccomp"):
            missing.append("seccomp")
        if level in ("chroot", "process"):
            missing.append("namespaces")
        problems = [str(p) for p in message.get("problems", ())]
        problems += [f"visible in the jail: {p}" for p in visible]
        if canary.get("seccomp"):
            problems.append(f"system-call filter: {canary['seccomp']}")
        if canary.get("uid_error"):
            problems.append(f"unprivileged user: {canary['uid_error']}")
        return cls(level, missing, [str(b) for b in canary.get("broken") or ()], problems)

    @property
    def enough_for_hidden(self):
        """Strong enough for hidden grading: a jail, an unprivileged uid when root, and either
        namespaces or the system-call filter (which then keeps workers off the network and
        away from each other)."""
        if {"jail", "user"} & set(self.missing):
            return False
        return not {"namespaces", "seccomp"} <= set(self.missing)


class Zygote:
    """A clean interpreter that builds the jail once and forks workers on request."""

    def __init__(self, base_dir=None, isolate=True):
        self.owns_base_dir = base_dir is None
        self.base_dir = str(sandbox_base_dir() if base_dir is None else base_dir)
        self.isolate = isolate
        self.isolation = None
        self.info = None
        self.proc = None
        self.ctrl = None

    @property
    def problems(self):
        return self.info.problems if self.info is not None else []

    def start(self):
        """Start the zygote and send its configuration; on failure nothing is left behind."""
        try:
            return self._start()
        except BaseException:
            self.close()
            raise

    def _start(self):
        self.ctrl, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        debug = os.environ.get("AMIQ_GRADER_DEBUG")
        config = {"isolate": self.isolate, "base": self.base_dir, "paths": _numpy_paths()}
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-I", "-S", "-B", str(WORKER_SCRIPT), str(child.fileno())],
                pass_fds=(child.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=None if debug else subprocess.DEVNULL,
                env=_python_env(),
                cwd="/",
                start_new_session=True,
            )
        finally:
            child.close()
        self.ctrl.send(json.dumps(config).encode())
        return self

    def _recv(self, timeout=30.0):
        ready, _, _ = select.select([self.ctrl], [], [], timeout)
        if not ready:
            raise SandboxError("the sandbox did not answer")
        data = self.ctrl.recv(1 << 20)
        if not data:
            raise SandboxError("the sandbox stopped")
        return json.loads(data.decode())

    def ready(self):
        """Wait for the zygote's jail and self-test; return the isolation level."""
        if self.isolation is None:
            if self.proc is None:
                self.start()
            message = self._recv(60.0)
            if message.get("op") == "error":
                raise SandboxError(str(message.get("message", "unknown error"))[:500])
            if message.get("op") != "ready":
                raise SandboxError("unexpected first message from the sandbox")
            self.info = IsolationInfo.from_ready(message)
            self.isolation = self.info.level
        return self.isolation

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def worker_path(self, label):
        """The path a worker sees for the work folder ``label``."""
        self.ready()
        if self.isolation == "process":
            return os.path.join(self.base_dir, "work", label)
        return f"/work/{label}"

    def fork(self, label, unit, limits, allow_privileged=False):
        """Start a worker serving on a new socket; returns ``(pid, socket)``.

        Parameters
        ----------
        label : str
            The worker's folder, ``work/<label>`` in the sandbox folder.
        unit : str
            The package the submission's modules belong to.
        limits : grader.sandbox.client.Limits
        allow_privileged : bool
            Let a worker keep root when no unprivileged uid can be had (explicit opt-in only).
        """
        self.ready()
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        for sock in (mine, theirs):
            # Room for a whole batch of arrays in flight, so neither side blocks mid-message.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        request = {
            "op": "fork",
            "label": label,
            "unit": unit,
            "allow_privileged": bool(allow_privileged),
            "limits": {
                "cpu_seconds": limits.cpu_seconds,
                "memory_bytes": limits.memory_bytes,
                "file_bytes": limits.file_bytes,
            },
        }
        try:
            socket.send_fds(self.ctrl, [json.dumps(request).encode()], [theirs.fileno()])
            reply = self._recv()
        finally:
            theirs.close()
        if reply.get("op") != "forked":
            mine.close()
            raise SandboxError(str(reply.get("message", "the sandbox could not start a worker")))
        return int(reply["pid"]), mine

    def reap(self, pid):
        """Kill a worker if it still runs and reap it; returns its wait status (or None).

        The zygote does the killing: worker pids belong to its PID namespace.
        """
        try:
            self.ctrl.send(json.dumps({"op": "reap", "pid": pid}).encode())
            return self._recv(10.0).get("status")
        except (OSError, SandboxError, AttributeError):
            return None

    def close(self):
        """Stop the zygote (and so every worker) and remove the sandbox folder. Idempotent."""
        with signals_deferred():
            self._close()

    def _close(self):
        if self.ctrl is not None:
            try:
                self.ctrl.send(json.dumps({"op": "exit"}).encode())
            except OSError:
                pass
            self.ctrl.close()
            self.ctrl = None
        if self.proc is not None:
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
        if self.owns_base_dir:
            shutil.rmtree(self.base_dir, ignore_errors=True)
            self.owns_base_dir = False
