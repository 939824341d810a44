"""The code that runs in the sandbox: a clean "zygote" process and the workers it forks.

الشيفرة التي تعمل داخل صندوق العزل: عملية أمّ نظيفة تتفرّع منها عمليات تشغيل شيفرة الطالب.

Started by :mod:`grader.sandbox.client` as ``python -I worker.py CTRL_FD CONFIG_JSON``. The zygote

1. imports numpy and everything a worker needs (never any student code),
2. builds the jail once: new mount/network/IPC/PID namespaces (inside a user namespace when not
   root), a private mount tree with empty tmpfs over the project, the reference and the hidden
   checks, ``/root``, ``/home``, ``/tmp`` ...; the Python installation and the sandbox folder
   are bound back in; it then continues as process 1 of the new PID namespace,
3. forks one fresh worker per request (one per exercise, and again after a crash). Forking a
   process that never ran student code gives a clean interpreter in about a millisecond instead
   of the ~100 ms a new interpreter with numpy costs.

Each worker resets rlimits (CPU, address space, file size, no new processes), switches to a
unique unprivileged uid when root, and serves call requests on its private socket: it imports
the student's module lazily, replaces stage-isolated callees by proxies that ask the grader for
the reference's answer, captures printed output, detects mutated arguments and replies with
plain JSON (see :mod:`protocol`). Everything it sends is treated as untrusted by the grader.
"""

import copy
import ctypes
import importlib
import io
import json
import linecache  # noqa: F401  (imported before forking; tracebacks need it)
import os
import resource
import signal
import socket
import sys
import time
import tokenize  # noqa: F401
import traceback

# Started with -S (no site, so no .pth code runs here): the grader passes the folders that hold
# numpy and the other installed packages.
for _dir in json.loads(sys.argv[2]).get("site_dirs", ()) if __name__ == "__main__" else ():
    if _dir not in sys.path:
        sys.path.append(_dir)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import protocol  # noqa: E402  (the sandbox's own copy of the wire format)

del sys.path[0]

import numpy as np  # noqa: E402,F401  (imported here so workers never import it as the student)

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWNET = 0x40000000
CLONE_NEWPID = 0x20000000
MS_NOEXEC = 8
MS_NOSUID = 2
MS_NODEV = 4
MS_RDONLY = 1
MS_REMOUNT = 32
MS_NOATIME = 1024
MS_NODIRATIME = 2048
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MS_RELATIME = 1 << 21
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38

_libc = ctypes.CDLL(None, use_errno=True)


def _prctl(option, value):
    # Linux only; elsewhere (macOS) the sandbox degrades to process isolation.
    if hasattr(_libc, "prctl"):
        _libc.prctl(option, value, 0, 0, 0)


MAX_STDOUT = 20_000


# --------------------------------------------------------------------------- jail (zygote)


def _check(rc, what):
    if rc != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(source, target, fstype, flags, data):
    rc = _libc.mount(
        source.encode() if source else None,
        target.encode(),
        fstype.encode() if fstype else None,
        ctypes.c_ulong(flags),
        data.encode() if data else None,
    )
    _check(rc, f"mount {target}")


def _write(path, text):
    with open(path, "w") as fh:
        fh.write(text)


def build_jail(config):
    """Isolate the zygote (and so every worker) from secrets and the network.

    Parameters
    ----------
    config : dict
        ``mask``: folders hidden under an empty tmpfs; ``keep``: folders bound back in after
        masking (Python, the sandbox folder); ``secret``: folders hidden last (the reference,
        hidden checks), even inside kept folders.

    Returns
    -------
    (str, list of str)
        The isolation level (``"namespaces"``, ``"user-namespaces"`` or ``"process"``) and the
        problems met on the way.
    """
    problems = []
    if not config.get("isolate", True):
        return "process", problems
    uid, gid = os.getuid(), os.getgid()
    level = "namespaces"
    try:
        if uid == 0:
            flags = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWPID
            _check(_libc.unshare(flags), "unshare")
        else:
            # Unprivileged: a user namespace grants the right to mount inside it.
            flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWPID
            _check(_libc.unshare(flags), "unshare(user)")
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", f"{uid} {uid} 1")
            _write("/proc/self/gid_map", f"{gid} {gid} 1")
            level = "user-namespaces"
    except (OSError, AttributeError) as exc:  # AttributeError: no unshare (not Linux)
        problems.append(str(exc))
        return "process", problems

    _mount(None, "/", None, MS_REC | MS_PRIVATE, None)
    keep = {}
    for path in _keep_paths(config):
        try:
            keep[path] = os.open(path, os.O_PATH | os.O_DIRECTORY)
        except OSError as exc:
            problems.append(f"keep {path}: {exc}")
    masks = [p for p in config.get("mask", ()) + config.get("secret", ()) if _mask(p, problems)]
    for path, fd in keep.items():
        try:
            if not (os.path.isdir(path) and os.listdir(path)):  # under a mask: bind it back
                os.makedirs(path, exist_ok=True)
                _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC, None)
            else:  # a mount point of its own, so that it can be made read-only below
                _mount(path, path, None, MS_BIND | MS_REC, None)
        except OSError as exc:
            problems.append(f"rebind {path}: {exc}")
        os.close(fd)
    # Secrets inside kept folders (e.g. an installed `solutions` package) are masked again.
    masks += [p for p in config.get("secret", ()) if _mask(p, problems)]
    # Nothing the workers see may be writable. With user namespaces the workers keep the
    # grader's uid, so a writable sandbox folder would let them rewrite the grader's files
    # there (and the next exercise's folder), and a writable Python installation (a venv,
    # pyenv, conda owned by the user) would let them plant code the grader imports later.
    # Read-only masks also leave no place to pass data from one exercise's worker to the next.
    for path in [*keep, *masks]:
        _readonly(path, problems)
    return level, problems


_LOCKED_FLAGS = (
    (getattr(os, "ST_NOSUID", 2), MS_NOSUID),
    (getattr(os, "ST_NODEV", 4), MS_NODEV),
    (getattr(os, "ST_NOEXEC", 8), MS_NOEXEC),
    (getattr(os, "ST_NOATIME", 1024), MS_NOATIME),
    (getattr(os, "ST_NODIRATIME", 2048), MS_NODIRATIME),
    (getattr(os, "ST_RELATIME", 4096), MS_RELATIME),
)


def _readonly(path, problems):
    """Remount the mount at ``path`` read-only (for the jail only).

    Inside a user namespace the kernel refuses a remount that drops a flag the outer mount
    has (nosuid, nodev, ...), so those are carried over.
    """
    try:
        current = os.statvfs(path).f_flag
        flags = MS_BIND | MS_REMOUNT | MS_RDONLY
        for st_flag, ms_flag in _LOCKED_FLAGS:
            if current & st_flag:
                flags |= ms_flag
        _mount(None, path, None, flags, None)
    except OSError as exc:
        problems.append(f"read-only {path}: {exc}")


def _inside(path, root):
    return path == root or path.startswith(root.rstrip("/") + "/")


def _keep_paths(config):
    """Folders the worker needs: the sandbox folder and this interpreter's own installation.

    Paths inside the project are not kept even if this interpreter's path lists them (an
    editable install): only the sandbox folder's copies of the submission are needed. The
    exception is a virtual environment inside the project (``.venv``), which holds numpy; any
    copy of the reference installed there is masked again as a secret.
    """
    found = list(config.get("keep", ()))
    for path in [sys.prefix, sys.exec_prefix, sys.base_prefix, *sys.path]:
        path = os.path.realpath(path) if path else ""
        if not path or not os.path.isdir(path):
            continue
        venv = config.get("venv")
        in_venv = bool(venv) and _inside(path, venv)
        if not in_venv and any(_inside(path, root) for root in config.get("project", ())):
            continue
        found.append(path)
    found = sorted(set(found), key=len)
    return [p for i, p in enumerate(found) if not any(_inside(p, q) for q in found[:i])]


def _mask(path, problems):
    """Cover ``path`` with an empty tmpfs; True when mounted."""
    if not os.path.isdir(path):
        return False
    try:
        _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,nr_inodes=64,mode=755")
    except OSError as exc:
        problems.append(str(exc))
        return False
    return True


# --------------------------------------------------------------------------- worker setup


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _drop_capabilities():
    header = _CapHeader(0x20080522, 0)
    data = (_CapData * 2)()
    if hasattr(_libc, "capset"):
        _libc.capset(ctypes.byref(header), ctypes.byref(data))


def _limit(kind, value):
    try:
        resource.setrlimit(kind, (value, value))
    except (ValueError, OSError):
        soft, hard = resource.getrlimit(kind)
        if hard == resource.RLIM_INFINITY or value <= hard:
            resource.setrlimit(kind, (value, hard))


def become_worker(request, keep_fd):
    """In the forked child: limits, identity, clean fds, then serve on ``keep_fd``."""
    os.setsid()
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGPIPE, signal.SIGCHLD):
        signal.signal(sig, signal.SIG_DFL)
    max_fd = os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 1024
    os.closerange(3, keep_fd)
    os.closerange(keep_fd + 1, min(max_fd, 4096))
    limits = request.get("limits", {})
    _limit(resource.RLIMIT_CORE, 0)
    cpu = int(limits.get("cpu_seconds", 60))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    _limit(resource.RLIMIT_AS, int(limits.get("memory_bytes", 2 << 30)))
    _limit(resource.RLIMIT_FSIZE, int(limits.get("file_bytes", 1 << 20)))
    _limit(resource.RLIMIT_NOFILE, 64)
    os.chdir(request["workdir"])
    # IPC and network namespaces of its own (while still privileged in the jail): SysV shared
    # memory outlives a worker and abstract unix sockets reach the next exercise's worker, which
    # starts while this one runs, so without them one exercise's code could hand data (e.g. the
    # reference's answers to its callbacks) to the next. Fails harmlessly without namespaces.
    if hasattr(_libc, "unshare"):
        _libc.unshare(CLONE_NEWIPC | CLONE_NEWNET)
    uid = request.get("uid")
    if os.getuid() == 0 and uid:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    else:
        _drop_capabilities()
    if request.get("no_fork", True):
        # With a uid of its own the worker is that uid's only process, so this forbids
        # fork, threads and exec: nothing can outlive the worker.
        _limit(resource.RLIMIT_NPROC, 1 if uid else 0)
    _prctl(PR_SET_NO_NEW_PRIVS, 1)
    _prctl(PR_SET_DUMPABLE, 0)
    # The student's package goes last on the path, after numpy is already imported.
    sys.path.append(request["workdir"])
    sys.dont_write_bytecode = True
    Server(socket.socket(fileno=keep_fd), request["unit"]).serve()


# --------------------------------------------------------------------------- serving calls


class _Capture(io.StringIO):
    """Printed output, kept up to ``MAX_STDOUT`` characters.

    ``on_full`` is called once when the limit is reached, so that the grader learns about an
    output flood even if the worker is then killed for taking too long.
    """

    def __init__(self, on_full=None):
        super().__init__()
        self.on_full = on_full
        self.full = False

    def write(self, text):
        room = MAX_STDOUT - self.tell()
        if room > 0:
            super().write(str(text)[:room])
        elif not self.full:
            self.full = True
            if self.on_full is not None:
                try:
                    self.on_full()
                except BaseException:  # noqa: BLE001 - a notice is best effort
                    pass
        return len(text) if isinstance(text, str) else 0


def _snapshot(value):
    cls = type(value)
    if cls is np.ndarray:
        return value.copy()
    if cls is list:
        return [_snapshot(v) for v in value]
    if cls is tuple:
        return tuple(_snapshot(v) for v in value)
    if cls is dict:
        return {k: _snapshot(v) for k, v in value.items()}
    return copy.copy(value)


def _changed_paths(before, after, path, out):
    """Append to ``out`` the paths where ``after`` differs from its snapshot ``before``."""
    try:
        if type(before) is not type(after):
            out.append(path)
        elif type(before) is np.ndarray:
            if (
                before.shape != after.shape
                or before.dtype != after.dtype
                or not np.array_equal(before, after, equal_nan=before.dtype.kind == "f")
            ):
                out.append(path)
        elif type(before) in (list, tuple):
            if len(before) != len(after):
                out.append(path)
            else:
                for i, (b, a) in enumerate(zip(before, after)):
                    _changed_paths(b, a, f"{path}[{i}]", out)
        elif type(before) is dict:
            if set(before) != set(after):
                out.append(path)
            else:
                for key in before:
                    _changed_paths(before[key], after[key], f"{path}[{key!r}]", out)
        elif before != after:
            out.append(path)
    except Exception:  # noqa: BLE001 - an unexpected comparison failure counts as a change
        out.append(path)


def _innermost(tb):
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return None, None
    frame = tb.tb_frame
    return frame.f_globals.get("__name__"), frame.f_code.co_name


_THIS_FILE = os.path.abspath(__file__)


def _student_frame(filename):
    # Frames of importlib and of this worker mean nothing to a student: only their code's (and
    # numpy's, where an error surfaced) are shown.
    return not (filename.startswith("<frozen ") or os.path.abspath(filename) == _THIS_FILE)


def _format_tb(exc):
    try:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if _student_frame(f.filename)]
        lines = []
        if frames:
            lines.append("Traceback (most recent call last):\n")
            lines.extend(traceback.format_list(frames[-6:]))
        lines.extend(traceback.format_exception_only(type(exc), exc))
        return "".join(lines)[-3000:]
    except BaseException:  # noqa: BLE001
        return ""


def _error_location(exc, workdir):
    """``(file name, line, column, source line)`` of an import error inside the submission.

    A ``SyntaxError`` carries its own position; any other error is placed at the innermost
    frame that runs a file of the worker's folder. Unknown parts are None / "".
    """
    try:
        root = os.path.abspath(workdir) + os.sep
        if isinstance(exc, SyntaxError) and exc.filename:
            path = os.path.abspath(exc.filename)
            if path.startswith(root):
                return (os.path.basename(path), exc.lineno, exc.offset, exc.text or "")
        found = (None, None, None, "")
        for frame in traceback.extract_tb(exc.__traceback__):
            path = os.path.abspath(frame.filename)
            if path.startswith(root):
                found = (os.path.basename(path), frame.lineno, None, frame.line or "")
        return found
    except BaseException:  # noqa: BLE001
        return (None, None, None, "")


def _random_state():
    """NumPy's global (legacy) random state as plain data: ``[position, keys as a list]``."""
    _name, keys, position, has_gauss, cached = np.random.get_state()
    return [int(position), [int(k) for k in keys], int(has_gauss), float(cached)]


def _set_random_state(state):
    """Restore a state from :func:`_random_state` (ignored when malformed)."""
    try:
        position, keys, has_gauss, cached = state
        np.random.set_state(("MT19937", np.asarray(keys, dtype=np.uint32), int(position),
                             int(has_gauss), float(cached)))
    except (TypeError, ValueError):
        pass


class ReferenceCallError(RuntimeError):
    """The reference version of a callee rejected the arguments it was given."""


class Server:
    """Serve call requests on one socket until it closes."""

    def __init__(self, sock, unit):
        self.sock = sock
        self.unit = unit
        self.file = sock.makefile("rb")
        self.limit = protocol.MIN_FRAME_LIMIT  # what the grader accepts while serving a request

    def send(self, message):
        self.sock.sendall(protocol.dumps(message))

    def recv(self):
        header = self.file.read(4)
        if len(header) < 4:
            os._exit(0)
        size = protocol.parse_header(header)
        body = self.file.read(size)
        if len(body) < size:
            os._exit(0)
        message = protocol.loads(body)
        if message.get("op") in ("call", "batch"):
            self.limit = protocol.frame_limit(size)
        return message

    def serve(self):
        while True:
            message = self.recv()
            op = message.get("op")
            if op == "call":
                reply = self.run_call(message, self.limit)
                reply.pop("_bytes", None)
                self.send(reply)
            elif op == "load":
                self.send(self.load(message))
            elif op == "batch":
                results = []
                room = self.limit - 200
                for call in message["calls"]:
                    call["id"] = message["id"]
                    reply = self.run_call(call, room)
                    room -= reply.pop("_bytes", 0)
                    results.append(reply)
                    if reply["op"] != "result":
                        break
                self.send({"op": "batch_result", "id": message["id"], "results": results})
            else:
                os._exit(0)

    def load(self, message):
        """Import a module ahead of the first call (its errors show again in that call)."""
        capture = _Capture()
        saved = sys.stdout, sys.stderr
        try:
            sys.stdout = sys.stderr = capture
            importlib.import_module(f"{self.unit}.{message['module']}")
            reply = {"op": "loaded", "id": message["id"]}
        except BaseException as exc:  # noqa: BLE001 - reported by the call that follows
            reply = {"op": "load_failed", "id": message["id"], "type": type(exc).__name__}
        finally:
            sys.stdout, sys.stderr = saved
        return reply

    def _proxy(self, call_id, name, state):
        def proxy(*args, **kwargs):
            state["count"] += 1
            if state["count"] > state["max"]:
                raise ReferenceCallError(f"more than {state['max']} calls to {name}")
            self.send(
                {
                    "op": "callback",
                    "id": call_id,
                    "name": name,
                    "args": protocol.encode(list(args)),
                    "kwargs": protocol.encode(kwargs),
                    # The reference callee draws from this process's random stream, as the
                    # student's own callee would (Week 3's initialize_parameters does not seed).
                    "random_state": _random_state(),
                }
            )
            reply = self.recv()
            if reply.get("op") == "callback_result":
                _set_random_state(reply.get("random_state"))
                return protocol.decode(reply["value"])
            raise ReferenceCallError(str(reply.get("message", "reference call failed")))

        proxy.__name__ = name
        return proxy

    def run_call(self, message, limit=protocol.MAX_MESSAGE_BYTES):
        call_id = message["id"]
        capture = _Capture(lambda: self.send({"op": "notice", "id": call_id, "kind": "output_full"}))
        saved = sys.stdout, sys.stderr
        installed = []
        module = None
        phase = "import"
        started = time.perf_counter()
        try:
            sys.stdout = sys.stderr = capture
            module = importlib.import_module(f"{self.unit}.{message['module']}")
            phase = "call"
            function = getattr(module, message["function"])
            args = protocol.decode(message.get("args", []))
            kwargs = protocol.decode(message.get("kwargs", {"$": "dict", "items": []}))
            state = {"count": 0, "max": int(message.get("max_callbacks", 0))}
            for name in message.get("callees", ()):
                installed.append((name, module.__dict__.get(name, None)))
                setattr(module, name, self._proxy(call_id, name, state))
            before = [_snapshot(a) for a in args], {k: _snapshot(v) for k, v in kwargs.items()}
            if isinstance(message.get("seed"), int):
                np.random.seed(message["seed"])  # the case's caller seeds, as the course's test
            value = function(*args, **kwargs)
            elapsed = time.perf_counter() - started
            mutated = []
            code = getattr(function, "__code__", None)
            names = code.co_varnames[: code.co_argcount] if code is not None else ()
            for i, (b, a) in enumerate(zip(before[0], args)):
                _changed_paths(b, a, names[i] if i < len(names) else f"args[{i}]", mutated)
            for key, b in before[1].items():
                _changed_paths(b, kwargs[key], key, mutated)
            encoded = protocol.encode(value)
            reply = {
                "op": "result",
                "id": call_id,
                "value": encoded,
                "mutated": mutated,
                "seconds": elapsed,
            }
        except MemoryError:
            reply = {"op": "limit", "id": call_id, "kind": "memory"}
        except (
            BaseException
        ) as exc:  # noqa: BLE001 - SystemExit, KeyboardInterrupt, pytest.exit ...
            where = _innermost(exc.__traceback__)
            try:
                # A SyntaxError's str() repeats the file and line, which the grader shows apart.
                text = str(exc.msg) if isinstance(exc, SyntaxError) else str(exc)
            except BaseException:  # noqa: BLE001
                text = "<unprintable>"
            reply = {
                "op": "error",
                "id": call_id,
                "phase": phase,
                "type": type(exc).__name__,
                "message": text[:2000] if isinstance(text, str) else "",
                "traceback": _format_tb(exc),
                "raised_in": [where[0], where[1]],
            }
            if phase == "import":
                file, line, column, source = _error_location(exc, os.getcwd())
                reply["location"] = {
                    "file": file,
                    "line": line,
                    "column": column,
                    "source": str(source)[:500],
                }
        finally:
            sys.stdout, sys.stderr = saved
            for name, original in installed:
                if original is None:
                    module.__dict__.pop(name, None)
                else:
                    setattr(module, name, original)
        reply["stdout"] = capture.getvalue()
        reply["stdout_full"] = capture.full
        try:
            size = len(protocol.dumps(reply))
            if size > limit:
                raise protocol.ProtocolError("larger than the grader accepts")
        except (protocol.ProtocolError, ValueError, TypeError):
            reply = {"op": "limit", "id": call_id, "kind": "output size", "stdout": ""}
            size = 200
        reply["_bytes"] = size
        return reply


# --------------------------------------------------------------------------- zygote loop


def _warm_up():
    """Do once in the zygote what every worker would otherwise repeat after forking.

    Formatting a traceback imports ``linecache``/``tokenize`` lazily (about 20 ms); encoding an
    array and a failed comparison touch the rest of the worker's code paths.
    """
    try:
        raise ValueError("warm-up")
    except ValueError as exc:
        _format_tb(exc)
    protocol.dumps(protocol.encode((np.zeros((2, 2)), np.float64(1.0), {"a": [1.5, None]})))
    _changed_paths(np.zeros(2), np.ones(2), "x", [])
    _Capture().write("warm-up")


def _enter_pid_namespace(ctrl, problems):
    """Fork the zygote proper as process 1 of the new PID namespace (the jail unshared it).

    Workers forked from it cannot see or signal any process outside the namespace (not the
    grader, not the zygote's parent), and everything in it dies with it. The original process
    only waits for it.
    """
    pid = os.fork()
    if pid > 0:
        ctrl.close()
        try:
            os.waitpid(pid, 0)
        finally:
            os._exit(0)
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    try:
        # A /proc of the new namespace: the workers see only their own processes.
        _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None)
    except OSError as exc:
        problems.append(str(exc))


def zygote(ctrl_fd, config):
    """Build the jail, report readiness, then fork a worker for each request."""
    _warm_up()
    ctrl = socket.socket(fileno=ctrl_fd)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    level, problems = build_jail(config)
    if level != "process":
        _enter_pid_namespace(ctrl, problems)
    ctrl.send(json.dumps({"op": "ready", "isolation": level, "problems": problems}).encode())
    while True:
        data, fds, _flags, _addr = socket.recv_fds(ctrl, 65536, 1)
        if not data:
            os._exit(0)
        request = json.loads(data.decode())
        op = request.get("op")
        if op == "fork" and fds:
            pid = os.fork()
            if pid == 0:
                try:
                    ctrl.close()
                    become_worker(request, fds[0])
                finally:
                    os._exit(70)
            os.close(fds[0])
            ctrl.send(json.dumps({"op": "forked", "pid": pid}).encode())
        elif op == "reap":
            # Kill (if still running) and reap a worker: pids are those of the zygote's own
            # namespace, so the grader asks the zygote instead of signalling itself.
            pid = int(request["pid"])
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            try:
                _, status = os.waitpid(pid, 0)
                reply = {"op": "status", "status": status}
            except ChildProcessError:
                reply = {"op": "status", "status": None}
            ctrl.send(json.dumps(reply).encode())
        else:
            for fd in fds:
                os.close(fd)
            os._exit(0)


if __name__ == "__main__":
    zygote(int(sys.argv[1]), json.loads(sys.argv[2]))
