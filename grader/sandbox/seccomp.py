"""System-call filters (seccomp BPF) built with ctypes: defence in depth for the sandbox workers.

مرشِّحات نداءات النظام (seccomp): طبقة حماية إضافية لعمليات تشغيل شيفرة الطالب.

Standard library only (the worker imports it before the jail). A filter is a short classic-BPF
program the kernel runs on every system call of the process (and of anything it could start); a
blocked call fails with ``EPERM`` (never kills, so a student's mistake shows as a Python error).

:func:`worker_filter` is what every worker installs after dropping its privileges. It blocks

* ``socket`` (any family: with no network namespace, as in a Docker container, an ``AF_INET``
  socket reaches the network and an abstract ``AF_UNIX`` socket reaches the next exercise's
  worker), SysV IPC and POSIX message queues (the same cross-worker channel);
* ``ptrace``, ``process_vm_readv``/``writev``, ``kill`` and its relatives aimed at any process but
  the worker itself (with no PID namespace, other processes are reachable);
* ``fork``/``vfork``/``clone``/``clone3``/``execve``/``execveat`` (a worker never starts anything);
* ``mount``, ``umount2``, ``pivot_root``, ``chroot``, ``unshare``, ``setns``, ``bpf``,
  ``perf_event_open``, ``keyctl``/``add_key``/``request_key``, ``io_uring_*``, ``userfaultfd``,
  ``open_by_handle_at``/``name_to_handle_at``;
* ``ioctl(TIOCSTI)`` and ``ioctl(TIOCLINUX)`` (typing into a terminal).

:func:`docker_like_filter` reproduces what Docker's default profile does to a container without
``CAP_SYS_ADMIN`` (no ``unshare``, ``setns``, ``mount``, ``pivot_root``, no ``clone`` with namespace
flags, ``clone3`` answered ``ENOSYS``): the tests use it to run the grader as in Gradescope's
containers.

Every filter first checks the architecture: a system call made through another ABI (``int 0x80``
i386 calls or x32 calls on x86_64, whose numbers differ) is refused outright.
"""

import ctypes
import errno
import os
import platform

# struct seccomp_data: int nr; __u32 arch; __u64 instruction_pointer; __u64 args[6].
_NR = 0
_ARCH = 4


def _arg_low(index):
    """Offset of the low 32 bits of argument ``index`` (little-endian architectures only)."""
    return 16 + 8 * index


# Classic BPF opcodes.
_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JGE_K = 0x35
_JSET_K = 0x45
_RET_K = 0x06

_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2

TIOCSTI = 0x5412
TIOCLINUX = 0x541C
# CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET | NEWTIME
NAMESPACE_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000
NAMESPACE_FLAGS |= 0x40000000 | 0x00000080

# System call numbers (x86_64 and aarch64; the generic table covers aarch64). ``None``: the
# architecture has no such call (aarch64 has no fork, vfork).
_SYSCALLS = {
    "x86_64": {
        "socket": 41, "ptrace": 101, "process_vm_readv": 310, "process_vm_writev": 311,
        "mount": 165, "umount2": 166, "pivot_root": 155, "chroot": 161, "unshare": 272,
        "setns": 308, "bpf": 321, "perf_event_open": 298, "keyctl": 250, "add_key": 248,
        "request_key": 249, "io_uring_setup": 425, "io_uring_enter": 426,
        "io_uring_register": 427, "userfaultfd": 323, "open_by_handle_at": 304,
        "name_to_handle_at": 303, "shmget": 29, "shmat": 30, "shmctl": 31, "semget": 64,
        "msgget": 68, "mq_open": 240, "fork": 57, "vfork": 58, "clone": 56, "clone3": 435,
        "execve": 59, "execveat": 322, "ioctl": 16, "kill": 62, "tkill": 200, "tgkill": 234,
        "rt_sigqueueinfo": 129, "rt_tgsigqueueinfo": 297, "pidfd_open": 434,
        "pidfd_send_signal": 424, "pidfd_getfd": 438,
    },
    "aarch64": {
        "socket": 198, "ptrace": 117, "process_vm_readv": 270, "process_vm_writev": 271,
        "mount": 40, "umount2": 39, "pivot_root": 41, "chroot": 51, "unshare": 97,
        "setns": 268, "bpf": 280, "perf_event_open": 241, "keyctl": 219, "add_key": 217,
        "request_key": 218, "io_uring_setup": 425, "io_uring_enter": 426,
        "io_uring_register": 427, "userfaultfd": 282, "open_by_handle_at": 265,
        "name_to_handle_at": 264, "shmget": 194, "shmat": 196, "shmctl": 195, "semget": 190,
        "msgget": 186, "mq_open": 180, "fork": None, "vfork": None, "clone": 220,
        "clone3": 435, "execve": 221, "execveat": 281, "ioctl": 29, "kill": 129, "tkill": 130,
        "tgkill": 131, "rt_sigqueueinfo": 138, "rt_tgsigqueueinfo": 240, "pidfd_open": 434,
        "pidfd_send_signal": 424, "pidfd_getfd": 438,
    },
}
_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
_X32_BIT = 0x40000000

# Blocked outright in workers.
WORKER_BLOCKED = (
    "socket", "ptrace", "process_vm_readv", "process_vm_writev", "mount", "umount2",
    "pivot_root", "chroot", "unshare", "setns", "bpf", "perf_event_open", "keyctl", "add_key",
    "request_key", "io_uring_setup", "io_uring_enter", "io_uring_register", "userfaultfd",
    "open_by_handle_at", "name_to_handle_at", "shmget", "shmat", "shmctl", "semget", "msgget",
    "mq_open", "fork", "vfork", "clone", "clone3", "execve", "execveat", "pidfd_open",
    "pidfd_send_signal", "pidfd_getfd", "rt_tgsigqueueinfo",
)


class SeccompUnavailable(OSError):
    """The filter cannot be installed here (not Linux, another architecture, an old kernel)."""


class _SockFilter(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_ushort),
        ("jt", ctypes.c_ubyte),
        ("jf", ctypes.c_ubyte),
        ("k", ctypes.c_uint32),
    ]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def machine():
    """This machine's architecture name as used in the tables (``"x86_64"``, ``"aarch64"``)."""
    name = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(name, name)


def syscall_number(name, arch=None):
    """The number of system call ``name`` on ``arch`` (None when the architecture lacks it).

    Raises
    ------
    SeccompUnavailable
        For an architecture without a table.
    """
    table = _SYSCALLS.get(arch or machine())
    if table is None:
        raise SeccompUnavailable(errno.ENOSYS, f"no system-call table for {arch or machine()}")
    return table[name]


class _Program:
    """A tiny classic-BPF assembler: forward jumps to labels, resolved at the end."""

    def __init__(self):
        self.code = []  # [opcode, jt, jf, k] with jt/jf as ints or label names
        self.labels = {}

    def emit(self, code, k=0, jt=0, jf=0):
        self.code.append([code, jt, jf, k])

    def label(self, name):
        self.labels[name] = len(self.code)

    def assemble(self):
        out = []
        for index, (code, jt, jf, k) in enumerate(self.code):
            offsets = []
            for target in (jt, jf):
                if isinstance(target, str):
                    target = self.labels[target] - index - 1
                if not 0 <= target <= 255:
                    raise ValueError("BPF jump out of range")
                offsets.append(target)
            out.append((code, offsets[0], offsets[1], k & 0xFFFFFFFF))
        return out


def _errno(value):
    return _RET_ERRNO | (value & 0xFFFF)


def _prologue(program, arch):
    """Refuse every call made through another ABI; leave the call number in the accumulator."""
    program.emit(_LD_W_ABS, _ARCH)
    program.emit(_JEQ_K, _AUDIT_ARCH[arch], jt=1, jf=0)
    program.emit(_RET_K, _errno(errno.EPERM))
    program.emit(_LD_W_ABS, _NR)
    if arch == "x86_64":
        program.emit(_JGE_K, _X32_BIT, jt="deny", jf=0)


def _epilogue(program):
    program.emit(_RET_K, _RET_ALLOW)
    program.label("deny")
    program.emit(_RET_K, _errno(errno.EPERM))


def _only_self(program, arch, name, pid, arg, done):
    """``name`` is allowed only when argument ``arg`` (a pid) is 0 or ``pid`` itself."""
    number = syscall_number(name, arch)
    program.emit(_JEQ_K, number, jt=0, jf=done)
    program.emit(_LD_W_ABS, _arg_low(arg))
    program.emit(_JEQ_K, 0, jt=2, jf=0)
    program.emit(_JEQ_K, pid, jt=1, jf=0)
    program.emit(_RET_K, _errno(errno.EPERM))
    program.emit(_RET_K, _RET_ALLOW)
    program.label(done)


def worker_filter(pid, arch=None):
    """The BPF program of a worker's filter (list of ``(code, jt, jf, k)``).

    Parameters
    ----------
    pid : int
        The worker's own pid (as it sees it): signals may only go to itself.
    arch : str or None
        Default: this machine.
    """
    arch = arch or machine()
    if arch not in _AUDIT_ARCH:
        raise SeccompUnavailable(errno.ENOSYS, f"no seccomp support for {arch}")
    program = _Program()
    _prologue(program, arch)
    for name in WORKER_BLOCKED:
        number = syscall_number(name, arch)
        if number is not None:
            program.emit(_JEQ_K, number, jt="deny", jf=0)
    # ioctl: no typing into a terminal. The accumulator is reloaded afterwards.
    program.emit(_JEQ_K, syscall_number("ioctl", arch), jt=0, jf="after_ioctl")
    program.emit(_LD_W_ABS, _arg_low(1))
    program.emit(_JEQ_K, TIOCSTI, jt="deny", jf=0)
    program.emit(_JEQ_K, TIOCLINUX, jt="deny", jf=0)
    program.emit(_RET_K, _RET_ALLOW)
    program.label("after_ioctl")
    for name, arg in (("kill", 0), ("tkill", 0), ("tgkill", 0), ("rt_sigqueueinfo", 0)):
        _only_self(program, arch, name, pid, arg, f"after_{name}")
        program.emit(_LD_W_ABS, _NR)
    _epilogue(program)
    return program.assemble()


def docker_like_filter(arch=None):
    """The part of Docker's default profile that matters to the sandbox (see the module doc)."""
    arch = arch or machine()
    if arch not in _AUDIT_ARCH:
        raise SeccompUnavailable(errno.ENOSYS, f"no seccomp support for {arch}")
    program = _Program()
    _prologue(program, arch)
    for name in ("unshare", "setns", "mount", "umount2", "pivot_root"):
        program.emit(_JEQ_K, syscall_number(name, arch), jt="deny", jf=0)
    program.emit(_JEQ_K, syscall_number("clone3", arch), jt=0, jf=1)
    program.emit(_RET_K, _errno(errno.ENOSYS))
    program.emit(_JEQ_K, syscall_number("clone", arch), jt=0, jf="allow")
    program.emit(_LD_W_ABS, _arg_low(0))
    program.emit(_JSET_K, NAMESPACE_FLAGS, jt="deny", jf=0)
    program.label("allow")
    _epilogue(program)
    return program.assemble()


def refusing_filter(names, arch=None):
    """A filter refusing just the named system calls with ``EPERM`` (for tests: a kernel that
    allows user namespaces but refuses mounts in them, as AppArmor does on recent Ubuntu)."""
    arch = arch or machine()
    if arch not in _AUDIT_ARCH:
        raise SeccompUnavailable(errno.ENOSYS, f"no seccomp support for {arch}")
    program = _Program()
    _prologue(program, arch)
    for name in names:
        number = syscall_number(name, arch)
        if number is not None:
            program.emit(_JEQ_K, number, jt="deny", jf=0)
    _epilogue(program)
    return program.assemble()


def install(program, no_new_privs=True):
    """Install a filter on the calling thread (and everything it starts later).

    Parameters
    ----------
    program : list of (int, int, int, int)
        From :func:`worker_filter` or :func:`docker_like_filter`.
    no_new_privs : bool
        Set ``PR_SET_NO_NEW_PRIVS`` first (needed without ``CAP_SYS_ADMIN``).

    Raises
    ------
    SeccompUnavailable
        When the kernel refuses (no seccomp, not Linux).
    """
    if os.name != "posix" or not hasattr(os, "uname") or os.uname().sysname != "Linux":
        raise SeccompUnavailable(errno.ENOSYS, "seccomp needs Linux")
    libc = ctypes.CDLL(None, use_errno=True)
    if no_new_privs and libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        err = ctypes.get_errno()
        raise SeccompUnavailable(err, f"no_new_privs: {os.strerror(err)}")
    filters = (_SockFilter * len(program))(*[_SockFilter(c, jt, jf, k) for c, jt, jf, k in program])
    fprog = _SockFprog(len(program), ctypes.cast(filters, ctypes.POINTER(_SockFilter)))
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        err = ctypes.get_errno()
        raise SeccompUnavailable(err, f"seccomp: {os.strerror(err)}")
