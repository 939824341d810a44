"""Run a command the way Docker's default seccomp profile would: ``python docker_like.py CMD...``.

Installs :func:`grader.sandbox.seccomp.docker_like_filter` (no ``unshare``, ``setns``, ``mount``,
``pivot_root``, no ``clone`` with namespace flags) with ``no_new_privs``, then replaces itself with
the command. Together with ``setpriv`` dropping the capabilities Docker drops, the grader then
meets what it meets in Gradescope's containers.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from grader.sandbox import seccomp  # noqa: E402

if __name__ == "__main__":
    seccomp.install(seccomp.docker_like_filter(), no_new_privs=True)
    os.execvp(sys.argv[1], sys.argv[1:])
