"""The code that runs in the sandbox: a clean "zygote" process and the workers it forks.

الشيفرة التي تعمل داخل صندوق العزل: عملية أمّ نظيفة تتفرّع منها عمليات تشغيل شيفرة الطالب.

Started by :mod:`grader.sandbox.zygote` as ``python -I -S -B worker.py CTRL_FD``; its
configuration (the sandbox folder, where numpy is installed) arrives on the private control
socket, never on the command line or in the environment. The zygote

1. imports numpy with its subpackages, the allowed standard modules (:mod:`allowlist`) and
   everything a worker needs, never any student code;
2. builds the jail once (:mod:`jail`): after that it sees only ``/work`` and ``/tmp``;
3. forks a *canary* worker that runs a self-test as a real worker would (same identity, jail and
   system-call filter): imports, ``numpy.random``, ``numpy.linalg``, printing arrays, temporary
   files, tracebacks, and that no host file is visible. The grader refuses to grade when it fails;
4. forks one fresh worker per request (one per exercise, and again after a crash). Forking a
   process that never ran student code gives a clean interpreter in about a millisecond.

A worker serves call requests on its private socket: it imports the student's module lazily,
replaces stage-isolated callees by proxies that ask the grader for the reference's answer,
captures printed output and replies with plain JSON (see :mod:`protocol`): the return value and
the arguments as the call left them. It judges nothing: the grader compares, detects mutated
arguments and measures time, and treats every reply as untrusted.
"""

import importlib
import io
import json
import linecache  # noqa: F401  (imported before forking; tracebacks need it)
import os
import resource
import select
import signal
import socket
import sys
import tempfile
import tokenize  # noqa: F401
import traceback

if __name__ == "__main__":
    # The configuration comes first on the control socket, before anything heavy is imported.
    _CTRL = socket.socket(fileno=int(sys.argv[1]))
    _CONFIG = json.loads(_CTRL.recv(65536).decode())
    for _dir in _CONFIG.get("paths", ()):
        if _dir not in sys.path:
            sys.path.append(_dir)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import allowlist  # noqa: E402  (the sandbox's own modules, standard library only)
import jail  # noqa: E402
import protocol  # noqa: E402
import seccomp  # noqa: E402

del sys.path[0]

import numpy as np  # noqa: E402  (imported here so workers never import it as the student)

MAX_STDOUT = 20_000


def preload():
    """Import every allowed module now (the jail holds no Python files). Returns the absent ones.

    A name missing from this numpy version (``numpy.strings`` before 2.0, say) is skipped.
    """
    absent = []
    for name in allowlist.ALLOWED_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            absent.append(name)
    return absent


class _Unavailable:
    """The last import finder: a module outside the allow-list fails with a clear message."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if path is None:
            raise ModuleNotFoundError(
                f"No module named {name!r} (not available in the grader's sandbox)", name=name
            )
        return None


def _parameter_names(function, count):
    """The function's parameter names (labels for the grader's mutation messages only)."""
    code = getattr(function, "__code__", None)
    names = list(code.co_varnames[: code.co_argcount]) if code is not None else []
    return [str(n)[:60] for n in names[:count]]


# --------------------------------------------------------------------------- becoming a worker


def become_worker(cell, request, channel_fd, devnull_fd):
    """In the forked child: no terminal, clean fds, limits, the jail, the identity, the filter.

    Parameters
    ----------
    cell : jail.Jail
    request : dict
        ``uid``, ``tmp`` (the private folder as the worker sees it), ``workdir``, ``limits``,
        ``parent`` (the zygote's pid) and ``allow_privileged``.
    channel_fd : int
        The socket to the grader; every other descriptor is closed.
    devnull_fd : int
        ``/dev/null``, opened before the jail: it becomes 0, 1 and 2.

    Returns
    -------
    dict
        Facts for the self-test (uid, whether the filter is installed).
    """
    os.setsid()  # no controlling terminal
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGPIPE, signal.SIGCHLD):
        signal.signal(sig, signal.SIG_DFL)
    for target in (0, 1, 2):
        os.dup2(devnull_fd, target)
    keep = sorted({0, 1, 2, channel_fd})
    for low, high in zip(keep, keep[1:] + [4096]):
        os.closerange(low + 1, high)
    limits = request.get("limits", {})
    jail.limit(resource.RLIMIT_CORE, 0)
    cpu = int(limits.get("cpu_seconds", 60))
    try:
        # SIGXCPU at the soft limit (reported as "CPU time"), SIGKILL a second later.
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    except (ValueError, OSError):
        jail.limit(resource.RLIMIT_CPU, cpu)
    jail.limit(resource.RLIMIT_AS, int(limits.get("memory_bytes", 2 << 30)))
    jail.limit(resource.RLIMIT_FSIZE, int(limits.get("file_bytes", 1 << 20)))
    jail.limit(resource.RLIMIT_NOFILE, 64)
    uid = request.get("uid")
    facts = cell.enter(uid, request["tmp"], request["workdir"])
    jail.set_parent_death_signal(request["parent"])
    if cell.grader_is_root and not facts["switched"] and not request.get("allow_privileged"):
        # Never run student code with the grader's privileges.
        os._exit(71)
    # With a uid of its own the worker is that uid's only process: no fork, no thread (the
    # filter also refuses fork, clone and exec).
    jail.limit(resource.RLIMIT_NPROC, 1 if facts["switched"] else 0)
    jail.prctl(jail.PR_SET_DUMPABLE, 0)
    try:
        seccomp.install(seccomp.worker_filter(os.getpid()))
    except (OSError, ValueError) as exc:
        facts["seccomp"] = str(exc)
    tempfile.tempdir = request["tmp"]
    sys.path[:] = [request["workdir"]]
    sys.path_importer_cache.clear()
    sys.meta_path.append(_Unavailable())
    sys.dont_write_bytecode = True
    return facts


# --------------------------------------------------------------------------- the self-test


def self_test(cell, facts):
    """Check, as a real worker, that honest code can do what the course needs.

    Returns
    -------
    dict
        ``broken``: what failed (honest code would lose marks: grading is refused);
        ``visible``: host paths the jail shows (it should show none);
        ``uid``, ``switched``, ``seccomp``: what :func:`become_worker` reported.
    """
    broken = []

    def attempt(what, action):
        try:
            action()
        except BaseException as exc:  # noqa: BLE001 - every failure is reported
            broken.append(f"{what}: {type(exc).__name__}: {exc}"[:300])

    def random_numbers():
        np.random.default_rng(1).standard_normal((4, 3))
        np.random.seed(1)
        np.random.randn(3, 2)
        np.random.rand(2)
        np.random.permutation(5)

    def linear_algebra():
        np.linalg.inv(np.eye(3) * 2.0)
        np.linalg.svd(np.ones((3, 2)))
        np.linalg.norm(np.ones(3))
        np.fft.fft(np.ones(4))
        np.polynomial.Polynomial([1.0, 2.0])(3.0)
        np.ma.masked_invalid(np.array([1.0, np.nan])).mean()

    def printing():
        text = io.StringIO()
        print(np.arange(12.0).reshape(3, 4) / 7, repr(np.float64(0.5)), np.array([True]), file=text)
        np.array2string(np.ones(3) / 3, precision=3)
        format(np.float32(1.5), ".2f")
        "é".encode("latin-1").decode("cp1252").encode("utf-16")

    def files():
        with tempfile.TemporaryFile() as fh:
            np.save(fh, np.ones((2, 2)))
            fh.seek(0)
            np.load(fh)
        folder = tempfile.mkdtemp()
        with open(os.path.join(folder, "x.txt"), "w") as fh:
            fh.write("x")

    def warnings_and_tracebacks():
        import warnings

        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            np.log(np.zeros(1))
        try:
            raise ValueError("self-test")
        except ValueError as exc:
            _format_tb(exc)

    for name in allowlist.ALLOWED_MODULES:
        if name in sys.modules:
            attempt(f"import {name}", lambda name=name: importlib.import_module(name))
    attempt("numpy.random", random_numbers)
    attempt("numpy.linalg, fft, polynomial, ma", linear_algebra)
    attempt("printing arrays", printing)
    attempt("temporary files", files)
    attempt("warnings and tracebacks", warnings_and_tracebacks)
    visible = []
    if cell.level != "process":
        for path in (sys.executable, np.__file__, "/etc/passwd", "/proc/self", "/dev/null",
                     cell.base):
            try:
                os.stat(path)
                visible.append(path)
            except OSError:
                pass
        extra = sorted(set(os.listdir("/")) - {"work", "tmp"})
        visible += [f"/{name}" for name in extra]
    return {
        "broken": broken,
        "visible": visible,
        "uid": facts["uid"],
        "switched": facts["switched"],
        "seccomp": facts["seccomp"],
        "uid_error": facts.get("uid_error", ""),
    }


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
    """NumPy's global (legacy) random state for the wire: ``[position, keys, has_gauss, cached]``.

    ``keys`` (624 ``uint32``) travels as one encoded array rather than 624 JSON numbers: the state
    goes with every reference callback, and parsing those numbers was most of a callback's cost.
    """
    _name, keys, position, has_gauss, cached = np.random.get_state()
    return [int(position), protocol.encode(keys), int(has_gauss), float(cached)]


def _set_random_state(state):
    """Restore a state from :func:`_random_state` (ignored when malformed)."""
    try:
        position, keys, has_gauss, cached = state
        np.random.set_state(("MT19937", np.asarray(protocol.decode(keys), dtype=np.uint32),
                             int(position), int(has_gauss), float(cached)))
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
                    # student's own callee would.
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
            if isinstance(message.get("seed"), int):
                np.random.seed(message["seed"])  # the case's caller seeds, as the course's test
            value = function(*args, **kwargs)
            # The arguments as the function left them: the grader compares them with its own
            # copies (nothing is judged here, where the student's code could patch the judge).
            reply = {
                "op": "result",
                "id": call_id,
                "value": protocol.encode(value),
                "args": protocol.encode(args),
                "kwargs": protocol.encode(kwargs),
                "params": _parameter_names(function, len(args)),
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


# --------------------------------------------------------------------------- the zygote


def _warm_up():
    """Do once in the zygote what every worker would otherwise repeat after forking.

    Formatting a traceback imports ``linecache``/``tokenize`` lazily (about 20 ms); encoding an
    array touches the rest of the worker's code paths.
    """
    try:
        raise ValueError("warm-up")
    except ValueError as exc:
        _format_tb(exc)
    protocol.dumps(protocol.encode((np.zeros((2, 2)), np.float64(1.0), {"a": [1.5, None]})))
    protocol.decode(protocol.loads(protocol.dumps({"v": protocol.encode([np.ones(2)])})[4:])["v"])
    _Capture().write("warm-up")


class Zygote:
    """The serving loop: fork workers (and the canary), reap them, clean their folders."""

    def __init__(self, cell, ctrl, devnull):
        self.cell = cell
        self.ctrl = ctrl
        self.devnull = devnull
        self.tmp_dirs = {}  # pid -> host folder to remove when reaped

    def fork(self, request, channel_fd):
        uid = self.cell.next_uid()
        host_tmp, seen_tmp = self.cell.private_tmp(uid)
        label = str(request.get("label", ""))
        if "/" in label or label.startswith("."):
            raise ValueError("bad work folder")
        setup = {
            "uid": uid,
            "tmp": seen_tmp,
            "workdir": self.cell.work_path(label),
            "limits": request.get("limits", {}),
            "parent": os.getpid(),
            "allow_privileged": bool(request.get("allow_privileged")),
        }
        pid = os.fork()
        if pid == 0:
            try:
                self.ctrl.close()
                facts = become_worker(self.cell, setup, channel_fd, self.devnull)
                channel = socket.socket(fileno=channel_fd)
                if request.get("canary"):
                    channel.sendall(protocol.dumps(self_test(self.cell, facts)))
                else:
                    Server(channel, request["unit"]).serve()
            finally:
                os._exit(70)
        if host_tmp is not None:
            self.tmp_dirs[pid] = host_tmp
        return pid

    def reap(self, pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            status = None
        folder = self.tmp_dirs.pop(pid, None)
        if folder is not None:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
        return status

    def canary(self):
        """Run the self-test in a worker; returns its report (``broken`` lists failures)."""
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            pid = self.fork({"canary": True, "label": "", "limits": {}}, theirs.fileno())
        finally:
            theirs.close()
        data = b""
        try:
            while True:
                ready, _, _ = select.select([mine], [], [], 20.0)
                chunk = mine.recv(1 << 16) if ready else b""
                if not chunk:
                    break
                data += chunk
        finally:
            mine.close()
        status = self.reap(pid)
        try:
            return protocol.loads(data[4:])
        except (protocol.ProtocolError, IndexError):
            detail = "no answer"
            if status is not None and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 71:
                detail = "could not switch to an unprivileged user"
            return {"broken": [f"the self-test worker stopped ({detail})"], "visible": [],
                    "uid": None, "switched": False, "seccomp": "", "uid_error": detail}

    def serve(self):
        while True:
            data, fds, _flags, _addr = socket.recv_fds(self.ctrl, 65536, 1)
            if not data:
                os._exit(0)
            request = json.loads(data.decode())
            op = request.get("op")
            if op == "fork" and fds:
                try:
                    reply = {"op": "forked", "pid": self.fork(request, fds[0])}
                except (OSError, ValueError) as exc:
                    reply = {"op": "error", "message": str(exc)}
                os.close(fds[0])
                self.ctrl.send(json.dumps(reply).encode())
            elif op == "reap":
                # Worker pids are those of the zygote's own namespace: the grader asks here.
                status = self.reap(int(request["pid"]))
                self.ctrl.send(json.dumps({"op": "status", "status": status}).encode())
            else:
                for fd in fds:
                    os.close(fd)
                os._exit(0)


def main(ctrl, config):
    """Preload, build the jail, run the self-test, report readiness, then serve fork requests."""
    jail.prctl(jail.PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:
        os._exit(0)  # the grader is already gone
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_RDWR)
    absent = preload()
    _warm_up()
    try:
        cell = jail.build(config, ctrl)
    except Exception as exc:  # noqa: BLE001 - reported, then the grader refuses to grade
        ctrl.send(json.dumps({"op": "error", "message": f"{type(exc).__name__}: {exc}"}).encode())
        os._exit(1)
    jail.prctl(jail.PR_SET_DUMPABLE, 0)
    zygote = Zygote(cell, ctrl, devnull)
    report = zygote.canary()
    ready = {
        "op": "ready",
        "isolation": cell.level,
        "problems": cell.problems + [f"not importable: {name}" for name in absent],
        "grader_is_root": cell.grader_is_root,
        "canary": report,
    }
    ctrl.send(json.dumps(ready).encode())
    zygote.serve()


if __name__ == "__main__":
    main(_CTRL, _CONFIG)
