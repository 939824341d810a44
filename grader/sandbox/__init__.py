"""Running student code out of process: the wire protocol, the jail, the worker and the client.

تشغيل شيفرة الطالب في عملية منفصلة معزولة: بروتوكول التخاطب، والسجن، وعملية التشغيل، والعميل الموثوق.

Design
------
The process that holds expected values and decides scores (pytest with the checks) never runs
student code, and everything that judges stays in it. One grading run starts one *zygote*:
``python -I -S -B worker.py FD`` in a minimal environment, in a session of its own, whose
configuration (the sandbox folder, where numpy is) arrives on its private control socket. It

1. imports numpy with its subpackages and a fixed list of standard modules (:mod:`.allowlist`),
   then everything a worker needs;
2. builds the jail (:mod:`.jail`), an allow-list by construction: its root holds ``/work`` (the
   folder of the workers' folders, read-only) and ``/tmp`` (private to each worker) and nothing
   else, no ``/proc``, no ``/dev``, no interpreter files, no host folder, so no copy of the
   reference anywhere on the host is reachable, and the sandboxed uid never needs to read the
   interpreter's files (a Python under ``/root`` works);
3. runs a self-test as a real worker would (same uid, jail, filter): imports, ``numpy.random``,
   ``numpy.linalg``, printing arrays, temporary files, tracebacks, and that no host file shows.
   When it fails the grader refuses to grade (an honest submission would lose marks);
4. forks one fresh worker per exercise (and again after a crash or timeout).

Each worker's folder ``work/<n>-<exercise>/`` holds only ``<unit>/__init__.py`` (empty), the
grader's trusted copy of the provided modules and the submission's module files named in the
:class:`~.layout.SubmissionLayout` (read by :mod:`.files`: regular files only, never following a
symlink, never waiting on a FIFO, bounded in size). The worker's import path is that folder
alone; a module outside the allow-list cannot be imported.

Every worker starts a new session (no terminal), keeps only its channel and ``/dev/null``, gets
rlimits (``RLIMIT_CPU``, ``RLIMIT_AS`` 1.5 GiB, ``RLIMIT_FSIZE`` 1 MiB, ``RLIMIT_NOFILE``, no core
dumps, ``RLIMIT_NPROC``), drops every capability, runs as an unprivileged uid of its own when the
grader is root, sets ``no_new_privs`` and installs a seccomp filter (:mod:`.seccomp`: no sockets,
no fork or exec, no ptrace, no signals to other processes, no namespaces or mounts, no SysV IPC,
no ``TIOCSTI``...). The grader makes its own ``/proc`` entries root-only (``PR_SET_DUMPABLE``).

Calls cross a private socket as length-framed JSON (:mod:`.protocol`; never pickle). No secret
crosses: not the seed, not the reference's paths, not the hidden inputs beyond the arguments of
the call. Every reply is untrusted data: a frame larger than :func:`.protocol.frame_limit` of its
request is refused before it is read, a frame with too many JSON elements before it is parsed,
an integer too large for a float is the student's error. The worker returns the value and the
arguments as the call left them; the grader compares those with its own copies
(:mod:`.judging`), measures time on its own clock, and answers stage-isolation callbacks with the
reference under argument, memory and time bounds (:mod:`.callbacks`). Each call has a deadline
(default 5 s) that callbacks count against, each exercise a budget (30 s), the whole grading
another (120 s).

Isolation levels (every report states its level; :mod:`grader.runner.isolation` decides whether
it is enough):

``namespaces``
    root with ``CAP_SYS_ADMIN``: mount, PID, network and IPC namespaces, a tmpfs root entered
    with ``pivot_root``, unprivileged uids.
``user-namespaces``
    the same inside a user namespace (a normal user where the kernel allows them, or root without
    ``CAP_SYS_ADMIN``; root maps a range of unprivileged host uids, never host root).
``chroot``
    root without namespaces (a default Docker container, e.g. Gradescope's): ``chroot`` into the
    sandbox folder, unprivileged uids, the seccomp filter in place of the namespaces.
``process``
    neither (not root and no user namespaces, or not Linux): only the process, its limits and the
    filter; the student's code can read what the user can. Hidden grading is refused there
    unless the instructor passes ``--allow-weak-isolation``, and the report says so.
"""
