"""Start the sandbox's zygote: a clean interpreter that forks one worker per exercise.

تشغيل العملية الأم لصندوق العزل، التي تتفرّع منها عملية لكل تمرين.

Standard library only, so the command line can start the zygote before it imports numpy or
pytest itself: the zygote's own start-up (an interpreter plus numpy, about 0.15 s) then overlaps
with the grader's.
"""

import importlib.util
import json
import os
import random
import select
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

WORKER_SCRIPT = Path(__file__).with_name("worker.py")
# Unique unprivileged uids for workers when the grader runs as root (no passwd entry needed).
UID_RANGE = (1_500_000_000, 1_900_000_000)


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


def sandbox_base_dir():
    """A fresh folder for this run's worker folders, readable by the workers' uids.

    ``/dev/shm`` (memory) when usable: creating and removing the per-exercise folders there is
    about 100 times faster than on a disk-backed ``/tmp``.
    """
    parent = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    base = Path(tempfile.mkdtemp(prefix="amiq-sandbox-", dir=parent))
    os.chmod(base, 0o755)
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


def _site_dirs():
    """Installed-package folders of this interpreter (the zygote runs with ``-S``)."""
    roots = _project_roots()
    venv = venv_prefix()
    dirs = []
    for path in sys.path:
        if not path or not os.path.isdir(path):
            continue
        name = os.path.basename(path.rstrip("/"))
        if name not in ("site-packages", "dist-packages"):
            continue
        real = os.path.realpath(path)
        # A virtual environment inside the project (e.g. `.venv`) holds numpy and is needed;
        # the project's own package folders are not (the worker gets copies of the submission).
        in_venv = venv is not None and _inside(real, venv)
        if not in_venv and any(_inside(real, root) for root in roots):
            continue
        dirs.append(path)
    return dirs


def _inside(path, root):
    return path == root or path.startswith(root.rstrip("/") + "/")


def venv_prefix():
    """The real path of this interpreter's virtual environment, or None outside one."""
    if sys.prefix == sys.base_prefix:
        return None
    return os.path.realpath(sys.prefix)


def _project_roots():
    roots = set()
    for package in ("grader", "course", "solutions"):
        directory = find_package_dir(package)
        if directory is None:
            continue
        parent = directory.parent
        if (parent / "pyproject.toml").exists() or (parent / ".git").exists():
            roots.add(str(parent))
    return sorted(roots)


def _secret_dirs():
    secrets = []
    solutions = find_package_dir("solutions")
    if solutions is not None:
        secrets.append(str(solutions))
    grader_dir = find_package_dir("grader")
    if grader_dir is not None and (grader_dir / "hidden").is_dir():
        secrets.append(str(grader_dir / "hidden"))
    # A non-editable install keeps its own copies in site-packages: hide those too.
    for site in _site_dirs():
        for relative in ("solutions", os.path.join("grader", "hidden")):
            candidate = os.path.join(site, relative)
            if os.path.isdir(candidate) and candidate not in secrets:
                secrets.append(candidate)
    return secrets


class Zygote:
    """A clean interpreter that builds the jail once and forks workers on request."""

    def __init__(self, base_dir=None, isolate=True):
        self.owns_base_dir = base_dir is None
        self.base_dir = str(sandbox_base_dir() if base_dir is None else base_dir)
        self.isolate = isolate
        self.isolation = None
        self.problems = []
        self.proc = None
        self.ctrl = None

    def start(self):
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        config = {
            "isolate": self.isolate,
            "keep": [self.base_dir],
            "project": _project_roots(),
            "venv": venv_prefix(),
            "mask": ["/root", "/home", "/tmp", "/var/tmp", "/dev/shm", "/run"]
            + _project_roots()
            + [p for p in os.environ.get("AMIQ_SANDBOX_MASK", "").split(os.pathsep) if p],
            "secret": _secret_dirs(),
            "site_dirs": _site_dirs(),
        }
        debug = os.environ.get("AMIQ_GRADER_DEBUG")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-I",
                "-S",
                "-B",
                str(WORKER_SCRIPT),
                str(child.fileno()),
                json.dumps(config),
            ],
            pass_fds=(child.fileno(),),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=None if debug else subprocess.DEVNULL,
            env=_python_env(),
            cwd="/",
        )
        child.close()
        self.ctrl = parent
        return self

    def _recv(self, timeout=30.0):
        ready, _, _ = select.select([self.ctrl], [], [], timeout)
        if not ready:
            raise SandboxError("the sandbox did not answer")
        data = self.ctrl.recv(65536)
        if not data:
            raise SandboxError("the sandbox stopped")
        return json.loads(data.decode())

    def ready(self):
        """Wait for the zygote's jail; return the isolation level."""
        if self.isolation is None:
            if self.proc is None:
                self.start()
            message = self._recv(60.0)
            if message.get("op") != "ready":
                raise SandboxError("unexpected first message from the sandbox")
            self.isolation = message["isolation"]
            self.problems = list(message.get("problems", ()))
        return self.isolation

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def fork(self, workdir, unit, limits):
        """Start a worker serving on a new socket; returns ``(pid, socket)``.

        ``limits`` is a :class:`grader.sandbox.client.Limits`.
        """
        self.ready()
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        for sock in (mine, theirs):
            # Room for a whole batch of arrays in flight, so neither side blocks mid-message.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        request = {
            "op": "fork",
            "workdir": str(workdir),
            "unit": unit,
            "uid": random.SystemRandom().randrange(*UID_RANGE) if os.getuid() == 0 else None,
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
        return int(reply["pid"]), mine

    def reap(self, pid):
        """Kill a worker if it still runs and reap it; returns its wait status (or None).

        The zygote does the killing: worker pids belong to its PID namespace.
        """
        try:
            self.ctrl.send(json.dumps({"op": "reap", "pid": pid}).encode())
            return self._recv(10.0).get("status")
        except (OSError, SandboxError):
            return None

    def close(self):
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
