"""Run the grader's command line the ways instructors run it, to reach every isolation level.

Ways of running (each a fresh ``python -m grader`` process):

``root``
    as root with every capability (CI, a privileged container): ``namespaces``;
``root-no-sys-admin``
    as root with ``CAP_SYS_ADMIN`` dropped (``setpriv``): ``user-namespaces`` where the kernel
    allows them, else ``chroot``;
``root-docker``
    as root with Docker's default capabilities and a seccomp filter doing what Docker's default
    profile does (``docker_like.py``), as in Gradescope's containers: ``chroot``;
``user``
    as an unprivileged user (``nobody``): ``user-namespaces`` where the kernel allows them;
``user-docker``
    the same under the Docker-like filter: ``process`` (too weak for hidden checks).
``user-no-mounts``
    an unprivileged user who may make user namespaces but not mount anything in them
    (AppArmor's restriction on recent Ubuntu): ``process``.

The root ways need root; the user ways need root too (to become ``nobody``) or an unprivileged
test process, and a Python the user can run: the interpreter running the tests often lives
under ``/root`` (pyenv), so the system's Python of the same version with this environment's
packages on ``PYTHONPATH`` is used instead. A way this machine cannot provide is skipped with
the reason.
"""

import functools
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKER_LIKE = Path(__file__).with_name("docker_like.py")
DOCKER_CAPABILITIES = (
    "-all,+chown,+dac_override,+fowner,+fsetid,+kill,+setgid,+setuid,+setpcap,"
    "+net_bind_service,+net_raw,+sys_chroot,+mknod,+audit_write,+setfcap"
)
NOBODY = 65534

WAYS = ("root", "root-no-sys-admin", "root-docker", "user", "user-docker", "user-no-mounts")
# The isolation level each way may end with on a Linux machine (the kernel decides which).
EXPECTED_LEVELS = {
    "root": {"namespaces"},
    "root-no-sys-admin": {"user-namespaces", "chroot"},
    "root-docker": {"chroot"},
    "user": {"user-namespaces", "process"},
    "user-docker": {"process"},
    "user-no-mounts": {"process"},
}
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _site_dirs():
    paths = sysconfig.get_paths()
    return [p for p in dict.fromkeys([paths["purelib"], paths["platlib"]]) if os.path.isdir(p)]


def _pythonpath():
    return os.pathsep.join([str(ROOT), *_site_dirs()])


def _as_nobody(argv):
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *argv]


@functools.lru_cache(maxsize=None)
def user_python():
    """An interpreter ``nobody`` can run that imports numpy and pytest, or None."""
    if not IS_ROOT:
        return sys.executable
    if shutil.which("setpriv") is None:
        return None
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [sys.executable, f"/usr/bin/python{version}", f"/usr/local/bin/python{version}"]
    for candidate in candidates:
        if not os.path.exists(candidate):
            continue
        probe = subprocess.run(
            _as_nobody(["env", "-i", "PATH=/usr/bin:/bin", f"PYTHONPATH={_pythonpath()}",
                        candidate, "-c", "import numpy, pytest, grader"]),
            capture_output=True, timeout=60,
        )
        if probe.returncode == 0:
            return candidate
    return None


def skip_reason(way):
    """Why this machine cannot run the grader this way (None when it can)."""
    if not sys.platform.startswith("linux"):
        return "isolation levels are Linux features"
    if way.startswith("root") and not IS_ROOT:
        return "needs root"
    if way != "root" and IS_ROOT and shutil.which("setpriv") is None:
        return "needs setpriv (util-linux)"
    if way.startswith("user") and user_python() is None:
        return "no Python interpreter the unprivileged user can run with numpy and pytest"
    return None


def command(way, args):
    """``(argv, env)`` running ``python -m grader ARGS`` the given way."""
    reason = skip_reason(way)
    if reason:
        pytest.skip(f"{way}: {reason}")
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
           "PYTHONPATH": _pythonpath(), "PYTHONDONTWRITEBYTECODE": "1"}
    python = sys.executable if way.startswith("root") else user_python()
    argv = [python, "-m", "grader", *args]
    if way.endswith("docker"):
        argv = [python, str(DOCKER_LIKE), *argv]
    elif way.endswith("no-mounts"):
        argv = [python, str(DOCKER_LIKE), "--no-mounts", *argv]
    if way == "root-no-sys-admin":
        argv = ["setpriv", "--bounding-set=-sys_admin", "--inh-caps=-sys_admin", *argv]
    elif way == "root-docker":
        argv = ["setpriv", f"--bounding-set={DOCKER_CAPABILITIES}", "--inh-caps=-all", *argv]
    elif way.startswith("user") and IS_ROOT:
        argv = _as_nobody(argv)
    return argv, env


def run_grader(way, args, *, env=None, extra_path=(), timeout=600, **kwargs):
    """Run the grader's command line; returns the ``subprocess.CompletedProcess`` (text).

    ``env`` adds variables; ``extra_path`` adds folders to the end of ``PYTHONPATH`` (as an
    installed package would be).
    """
    argv, base_env = command(way, args)
    base_env["PYTHONPATH"] = os.pathsep.join([base_env["PYTHONPATH"], *map(str, extra_path)])
    return subprocess.run(
        argv, env={**base_env, **(env or {})}, capture_output=True, text=True, timeout=timeout,
        cwd=str(ROOT), **kwargs,
    )


def public_folder(prefix="amiq-test-", parent=None):
    """A fresh folder every user can read (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    os.chmod(folder, 0o755)
    return folder


def make_public(path):
    """Make a folder tree readable by everyone (files 0644, folders 0755)."""
    for current, dirs, files in os.walk(path):
        os.chmod(current, 0o755)
        for name in files:
            os.chmod(os.path.join(current, name), 0o644)
    return path
