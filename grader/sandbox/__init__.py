"""Running student code out of process: the wire protocol, the worker and the trusted client.

تشغيل شيفرة الطالب في عملية منفصلة معزولة: بروتوكول التخاطب، وعملية التشغيل، والعميل الموثوق.

Design
------
The process that holds expected values and decides scores (pytest with the checks) never runs
student code. One grading run starts one *zygote*: ``python -I -S -B worker.py`` in a minimal
environment (``OPENBLAS_NUM_THREADS=1``, no ``PYTHON*`` variables, no user site, no script
folder on the path, no ``.pth`` code) that imports numpy and the worker code, builds the jail
once and then forks one fresh *worker* per exercise (and again after a crash or timeout). A
worker never inherits anything a student's code touched: the zygote runs none.

Each worker's folder is a fresh temporary folder holding only ``<unit>/__init__.py`` (empty),
the grader's trusted copy of the provided modules and the submission's module files named in
``course.catalog.SUBMISSION_MODULES`` (no ``conftest.py``, ``numpy.py`` or anything else; the
files are read without following symlinks). The folder goes last on ``sys.path``, after numpy is
imported. Calls cross a private socket as length-framed JSON (:mod:`.protocol`; never pickle);
every reply is untrusted data, and a frame larger than ``protocol.frame_limit`` of its request
is refused before it is decoded. Reference code answering a stage-isolation callback runs under a
temporary address-space cap (the student chose its arguments).

Limits per worker: wall time per call (default 5 s, the worker is killed), ``RLIMIT_CPU``,
``RLIMIT_AS`` (1.5 GiB), ``RLIMIT_FSIZE`` (1 MiB), ``RLIMIT_NOFILE``, no core dumps, and
``RLIMIT_NPROC`` so it can create no process or thread.

Isolation levels (reported in every report as ``isolation``):

``namespaces`` (the grader runs as root, e.g. in CI or an autograder container)
    New mount, network, IPC and PID namespaces. The project folder, ``solutions/``,
    ``grader/hidden/``, ``/root``, ``/home``, ``/tmp``, ``/var/tmp``, ``/dev/shm`` and ``/run``
    are covered by empty tmpfs mounts (extra folders: ``AMIQ_SANDBOX_MASK``, ``:``-separated);
    the Python installation and the sandbox folder are bound back in, read-only like the masks
    (no worker can write anything the grader or a later worker reads). The network namespace
    has only a down loopback, so there is no network; each worker also gets IPC and network
    namespaces of its own, so no data passes from one exercise's worker to the next. Workers run as a random unprivileged uid of
    their own (no passwd entry needed), which with ``RLIMIT_NPROC=1`` forbids fork, threads and
    exec, and see only themselves and the zygote in ``/proc``.
``user-namespaces`` (not root, but unprivileged user namespaces are enabled, as on most Linux
distributions)
    The same namespaces inside a user namespace; workers keep the user's uid but drop every
    capability (so they cannot unmount the masks), cannot fork (``RLIMIT_NPROC=0``) and, being
    in their own PID namespace, cannot signal the grader.
``process`` (no namespaces available: other systems, hardened kernels)
    Only the separate process, the rlimits and the narrow channel. The student's code could read
    files the user can read (including the reference if it is installed) and signal the
    grader's processes; a killed grader produces no report rather than a wrong one. Grade
    hidden checks on Linux as root (or with user namespaces) only.
"""
