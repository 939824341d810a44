"""Run a command the way Docker's default seccomp profile would: ``python docker_like.py CMD...``.

Installs :func:`grader.sandbox.seccomp.docker_like_filter` (no ``unshare``, ``setns``, ``mount``,
``pivot_root``, no ``clone`` with namespace flags) with ``no_new_privs``, then replaces itself with
the command. Together with ``setpriv`` dropping the capabilities Docker drops, the grader then
meets what it meets in Gradescope's containers.

``python docker_like.py --no-mounts CMD...`` refuses only ``mount``, ``umount2`` and
``pivot_root``: user namespaces can be made but nothing can be mounted in them, as with
AppArmor's restriction of unprivileged user namespaces (Ubuntu 23.10 and later).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from grader.sandbox import seccomp  # noqa: E402

if __name__ == "__main__":
    argv = sys.argv[1:]
    if argv[0] == "--no-mounts":
        program = seccomp.refusing_filter(("mount", "umount2", "pivot_root"))
        argv = argv[1:]
    else:
        program = seccomp.docker_like_filter()
    seccomp.install(program, no_new_privs=True)
    os.execvp(argv[0], argv)
