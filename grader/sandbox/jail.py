"""The jail the sandbox's workers run in, built by the zygote with whatever this machine allows.

السجن الذي تعمل فيه عمليات تشغيل شيفرة الطالب، يبنيه الأصل بما يتيحه هذا الجهاز.

Standard library only: the zygote imports it (with numpy and the allowed modules) before it builds
the jail, and the jail then holds no Python files at all. The jail is an allow-list by
construction: its root holds ``/work`` (the sandbox's work folder, read-only: the submission's
files and the trusted provided modules) and ``/tmp`` (a private writable folder per worker), and
nothing else: no ``/proc``, no ``/dev``, no interpreter, no host folder. Levels, strongest first:

``namespaces`` (root with ``CAP_SYS_ADMIN``)
    New mount, PID, network and IPC namespaces; the root is a fresh tmpfs entered with
    ``pivot_root``; every worker gets its own mount, network and IPC namespaces and a private
    size-bounded tmpfs on ``/tmp``, and runs as a random unprivileged uid.
``user-namespaces`` (no ``CAP_SYS_ADMIN``, but ``unshare(CLONE_NEWUSER)`` works: a normal user on
most distributions, or root with the capability dropped)
    The same inside a user namespace. When the grader is root the namespace maps a random range of
    unprivileged host uids (its "root" is one of them, never host root) and every worker takes
    one of its own; otherwise workers keep the user's uid and drop every capability.
``chroot`` (root without namespaces: a default Docker container, such as Gradescope's)
    Each worker enters the sandbox folder with ``chroot`` as a random unprivileged uid, with a
    private temporary folder ``/tmp/<w>`` (mode 0700). No namespaces, so the system-call filter
    (:mod:`seccomp`) is what keeps it off the network and away from other processes.
``process`` (not root and no user namespaces, or not Linux)
    Only the separate process, its limits and the filter: the student's code can read whatever
    the user can. Not enough for hidden grading (see :mod:`grader.runner.isolation`).

Whatever the level, a worker starts a new session (no terminal), keeps only its channel and
``/dev/null`` on 0-2, gets rlimits, drops every capability (and, when the grader is root, runs as
an unprivileged uid), sets ``no_new_privs`` and installs the system-call filter.
"""

import ctypes
import errno
import os
import random
import resource
import signal
import sys

try:
    from . import seccomp
except ImportError:  # run inside the zygote, where the sandbox's modules are top-level
    import seccomp

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWNET = 0x40000000
CLONE_NEWPID = 0x20000000
MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_NOATIME = 1024
MS_NODIRATIME = 2048
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MS_RELATIME = 1 << 21
MNT_DETACH = 2
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_CAPBSET_DROP = 24
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_CLEAR_ALL = 4

# Unique unprivileged uids for workers when the grader runs as root (no passwd entry needed).
UID_RANGE = (1_500_000_000, 1_900_000_000)
# A user namespace made by root maps this many host uids, starting at a random one of UID_RANGE.
USERNS_SPAN = 65536
# The private /tmp of a worker (namespace levels).
TMP_OPTIONS = "size=64m,nr_inodes=2048,mode=700"

LEVELS = ("namespaces", "user-namespaces", "chroot", "process")

_libc = ctypes.CDLL(None, use_errno=True)


def prctl(option, value=0):
    """``prctl(option, value)``; returns the result (-1 with errno set), or -1 where absent."""
    if not hasattr(_libc, "prctl"):
        return -1
    return _libc.prctl(option, ctypes.c_ulong(value), 0, 0, 0)


def _check(rc, what):
    if rc != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def unshare(flags, what):
    if not hasattr(_libc, "unshare"):
        raise OSError(errno.ENOSYS, f"{what}: not available")
    _check(_libc.unshare(ctypes.c_int(flags)), what)


def mount(source, target, fstype, flags, data):
    rc = _libc.mount(
        source.encode() if source else None,
        str(target).encode(),
        fstype.encode() if fstype else None,
        ctypes.c_ulong(flags),
        data.encode() if data else None,
    )
    _check(rc, f"mount {target}")


_LOCKED_FLAGS = (
    (getattr(os, "ST_NOSUID", 2), MS_NOSUID),
    (getattr(os, "ST_NODEV", 4), MS_NODEV),
    (getattr(os, "ST_NOEXEC", 8), MS_NOEXEC),
    (getattr(os, "ST_NOATIME", 1024), MS_NOATIME),
    (getattr(os, "ST_NODIRATIME", 2048), MS_NODIRATIME),
    (getattr(os, "ST_RELATIME", 4096), MS_RELATIME),
)


def readonly(path):
    """Remount the mount at ``path`` read-only.

    Inside a user namespace the kernel refuses a remount that drops a flag the outer mount has
    (nosuid, nodev, ...), so those are carried over.
    """
    current = os.statvfs(path).f_flag
    flags = MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV
    for st_flag, ms_flag in _LOCKED_FLAGS:
        if current & st_flag:
            flags |= ms_flag
    mount(None, path, None, flags, None)


def _pivot_root(path):
    """Make ``path`` (a mount point) the root and detach the old root."""
    number = seccomp.syscall_number("pivot_root")
    os.chdir(path)
    _check(_libc.syscall(ctypes.c_long(number), b".", b"."), "pivot_root")
    _check(_libc.umount2(b".", MNT_DETACH), "umount old root")
    os.chdir("/")


def _write(path, text):
    with open(path, "w") as fh:
        fh.write(text)


class Jail:
    """What the zygote built, and how it turns a forked child into a worker.

    Attributes
    ----------
    level : str
        One of :data:`LEVELS`.
    base : str
        The sandbox folder on the host (``work/`` and ``tmp/`` inside).
    problems : list of str
        What was tried and failed (technical, English; shown to instructors).
    grader_is_root : bool
        The grader runs as root: workers must run as an unprivileged uid.
    """

    def __init__(self, level, base, problems, grader_is_root):
        self.level = level
        self.base = base
        self.problems = problems
        self.grader_is_root = grader_is_root
        self.uid_range = UID_RANGE if grader_is_root else None
        self._used = set()
        self._random = random.SystemRandom()
        self._count = 0

    @property
    def namespaced(self):
        return self.level in ("namespaces", "user-namespaces")

    def work_path(self, label=""):
        """The path a worker sees for ``work/<label>``."""
        root = "/work" if self.level != "process" else os.path.join(self.base, "work")
        return os.path.join(root, label) if label else root

    def next_uid(self):
        """A fresh unprivileged uid for the next worker (None: workers keep the zygote's uid)."""
        if self.uid_range is None:
            return None
        while True:
            uid = self._random.randrange(*self.uid_range)
            if uid not in self._used:
                self._used.add(uid)
                return uid

    def private_tmp(self, uid):
        """Create the next worker's private folder on the host (chroot and process levels).

        Returns ``(host path, path the worker sees)``; ``(None, "/tmp")`` on namespace levels,
        where each worker mounts its own tmpfs instead.
        """
        if self.namespaced:
            return None, "/tmp"
        self._count += 1
        name = f"w{self._count}"
        host = os.path.join(self.base, "tmp", name)
        os.mkdir(host, 0o700)
        if uid is not None:
            os.chown(host, uid, uid)
        seen = f"/tmp/{name}" if self.level == "chroot" else host
        return host, seen

    def enter(self, uid, tmp_seen, workdir):
        """In a forked child: enter the jail, the private /tmp and the unprivileged identity.

        Returns a dict of facts the self-test reports (``uid``, ``seccomp``).
        """
        facts = {"uid": None, "seccomp": "", "switched": False}
        if self.namespaced:
            # Own mount, IPC and network namespaces: SysV shared memory and abstract sockets
            # reach no other worker, and /tmp is a tmpfs of its own that dies with it.
            unshare(CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWNET, "unshare(worker)")
            owner = uid if uid is not None else os.getuid()
            mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
                  f"{TMP_OPTIONS},uid={owner},gid={owner}")
        elif self.level == "chroot":
            os.chroot(self.base)
        os.chdir(workdir)
        _drop_bounding_set()
        if uid is not None:
            try:
                try:
                    os.setgroups([])
                except OSError:
                    pass  # setgroups denied in this user namespace: no groups to drop anyway
                os.setresgid(uid, uid, uid)
                os.setresuid(uid, uid, uid)
                facts["switched"] = os.getresuid() == (uid, uid, uid)
            except OSError as exc:
                facts["uid_error"] = str(exc)
        _drop_capabilities()
        facts["uid"] = os.getuid()
        os.environ.clear()
        os.environ.update({"TMPDIR": tmp_seen, "HOME": tmp_seen, "LANG": "C.UTF-8"})
        return facts


# --------------------------------------------------------------------------- capabilities


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _drop_bounding_set():
    for cap in range(64):
        if prctl(PR_CAPBSET_DROP, cap) != 0:
            if ctypes.get_errno() in (errno.EINVAL, errno.EPERM):
                break  # past the last capability, or not allowed (nothing to drop then)
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL)


def _drop_capabilities():
    if hasattr(_libc, "capset"):
        header = _CapHeader(0x20080522, 0)
        data = (_CapData * 2)()
        _libc.capset(ctypes.byref(header), ctypes.byref(data))


def limit(kind, value):
    """Set an rlimit (soft and hard when allowed, else the soft limit under the hard one)."""
    try:
        resource.setrlimit(kind, (value, value))
    except (ValueError, OSError):
        soft, hard = resource.getrlimit(kind)
        if hard == resource.RLIM_INFINITY or value <= hard:
            resource.setrlimit(kind, (value, hard))


def set_parent_death_signal(parent):
    """Die with the parent. Set again after every change of uid (the kernel clears it then).

    ``parent`` is the pid the parent had before forking, to detect that it is already gone;
    None for process 1 of a new PID namespace (its parent is outside, its pid reads as 0).
    """
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent is not None and os.getppid() != parent:
        os._exit(0)  # the parent is already gone


# --------------------------------------------------------------------------- building the jail


def build(config, ctrl):
    """Build the strongest jail this machine allows; returns it in the process that serves.

    Each namespace level is tried in a child process, which reports back once its jail is
    complete: only then does this process commit to it (it closes its channel and only waits
    for the child, which continues as process 1 of a new PID namespace). A child that fails
    half-way (a kernel that lets a user namespace be made but refuses mounts in it, as
    AppArmor does on recent Ubuntu) leaves nothing behind, and the next level is tried here.

    Parameters
    ----------
    config : dict
        ``base`` (the sandbox folder) and ``isolate`` (False: process level).
    ctrl : socket.socket
        The channel to the grader (closed in the processes that only wait).
    """
    base = config["base"]
    problems = []
    root = os.getuid() == 0
    if not config.get("isolate", True) or sys.platform != "linux":
        if sys.platform != "linux":
            problems.append("not Linux: no namespaces, no chroot")
        return Jail("process", base, problems, root)
    if root and _in_child(ctrl, problems, lambda: None, _namespaces(base, problems)):
        return Jail("namespaces", base, problems, root)
    if _in_child(ctrl, problems, _user_namespace_map(root), _namespaces(base, problems, root)):
        jail = Jail("user-namespaces", base, problems, root)
        if root:
            jail.uid_range = (1, USERNS_SPAN)
        return jail
    if root and _chroot_works(base, problems):
        return Jail("chroot", base, problems, root)
    return Jail("process", base, problems, root)


def _namespaces(base, problems, user_namespace_root=None):
    """The child's part of a namespace level: new namespaces and the jail's root."""

    def build_in_child():
        if user_namespace_root:
            # Host root is not mapped: become the namespace's root, an unprivileged host uid.
            os.setresgid(0, 0, 0)
            os.setresuid(0, 0, 0)
        unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWPID, "unshare")
        _build_root(base, problems)

    return build_in_child


def _user_namespace_map(root):
    """The parent's part of the user-namespace level: the uid and gid maps of the child.

    Written from outside: only a process with ``CAP_SETUID`` there may map more than its own
    uid, which is how root gives its workers unprivileged host uids of their own (the
    namespace's root is one of them, never host root).
    """

    def write_maps(pid):
        if root:
            first = random.SystemRandom().randrange(UID_RANGE[0], UID_RANGE[1] - USERNS_SPAN)
            _write(f"/proc/{pid}/uid_map", f"0 {first} {USERNS_SPAN}\n")
            _write(f"/proc/{pid}/gid_map", f"0 {first} {USERNS_SPAN}\n")
        else:
            _write(f"/proc/{pid}/setgroups", "deny")
            _write(f"/proc/{pid}/uid_map", f"{os.getuid()} {os.getuid()} 1\n")
            _write(f"/proc/{pid}/gid_map", f"{os.getgid()} {os.getgid()} 1\n")

    write_maps.needs_user_namespace = True
    return write_maps


def _in_child(ctrl, problems, parent_step, child_step):
    """Try a namespace level in a child; True in that child once its jail is built.

    The parent runs ``parent_step(pid)`` once the child made its user namespace (only when
    ``parent_step.needs_user_namespace``), then waits for the child's verdict: on success it
    closes the channel and waits for the child until it exits (never returning); on failure it
    records the reason and returns False.
    """
    user_namespace = getattr(parent_step, "needs_user_namespace", False)
    up_read, up_write = os.pipe()
    down_read, down_write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        os.close(up_read)
        os.close(down_write)
        set_parent_death_signal(parent)
        try:
            if user_namespace:
                unshare(CLONE_NEWUSER, "unshare(CLONE_NEWUSER)")
                os.write(up_write, b"1")
                if os.read(down_read, 1) != b"1":
                    os._exit(0)
            child_step()
            set_parent_death_signal(parent)  # a change of credentials clears it
        except OSError as exc:
            os.write(up_write, b"0" + str(exc).encode(errors="replace")[:300])
            os._exit(0)
        os.write(up_write, b"1")
        os.close(up_write)
        os.close(down_read)
        _become_pid_one(ctrl)
        return True
    os.close(up_write)
    os.close(down_read)
    try:
        if user_namespace:
            answer = os.read(up_read, 400)
            if answer[:1] == b"1":
                try:
                    parent_step(pid)
                    os.write(down_write, b"1")
                except OSError as exc:
                    os.write(down_write, b"0")
                    answer = b"0" + f"user namespace map: {exc}".encode()
        else:
            answer = b"1"
        if answer[:1] == b"1":
            answer = os.read(up_read, 400)
        if answer[:1] == b"1":
            ctrl.close()
            _wait_and_exit(pid)
        problems.append(answer[1:].decode(errors="replace") or "no answer from the jail")
        os.waitpid(pid, 0)
        return False
    finally:
        os.close(up_read)
        os.close(down_write)


def _wait_and_exit(pid):
    try:
        os.waitpid(pid, 0)
    finally:
        os._exit(0)


def _build_root(base, problems):
    """Replace this mount namespace's root by a tmpfs holding ``work`` (read-only) and ``tmp``."""
    mount(None, "/", None, MS_REC | MS_PRIVATE, None)
    work = os.open(os.path.join(base, "work"), os.O_PATH | os.O_DIRECTORY)
    mount("tmpfs", base, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
          "size=64k,nr_inodes=16,mode=755")
    for name in ("work", "tmp"):
        os.mkdir(os.path.join(base, name), 0o755)
    mount(f"/proc/self/fd/{work}", os.path.join(base, "work"), None, MS_BIND | MS_REC, None)
    os.close(work)
    readonly(os.path.join(base, "work"))
    try:
        _pivot_root(base)
    except OSError as exc:
        # e.g. the old root is an initramfs: chroot is the next best (workers have no
        # capability to leave it, and the old mounts are private to this namespace).
        problems.append(f"{exc}; chroot used instead")
        os.chroot(base)
        os.chdir("/")
    readonly("/")


def _become_pid_one(ctrl):
    """Fork the zygote proper as process 1 of the new PID namespace; the parent only waits.

    Workers forked from it cannot see or signal any process outside the namespace, and
    everything in it dies with it.
    """
    pid = os.fork()
    if pid > 0:
        ctrl.close()
        _wait_and_exit(pid)
    set_parent_death_signal(None)


def _chroot_works(base, problems):
    """Whether a child can ``chroot`` into the sandbox folder (root without namespaces)."""
    pid = os.fork()
    if pid == 0:
        try:
            os.chroot(base)
            os._exit(0)
        except OSError:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        return True
    problems.append("chroot: not permitted")
    return False
