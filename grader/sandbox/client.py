"""The trusted side of the sandbox: start the zygote, fork workers, make calls, judge nothing.

الجانب الموثوق من صندوق العزل: يشغّل العملية الأم ويطلب عمليات التشغيل ويستدعي دوال الطالب.

:class:`Sandbox` owns one zygote (see :mod:`grader.sandbox.worker`) per grading run and a fresh
temporary folder per exercise holding only ``<unit>/__init__.py`` (empty), the grader's trusted
copy of the provided modules and the submission's module files. :class:`Submission` is what
checks receive as the ``submission`` fixture: ``call`` and ``call_many`` send arguments to a
worker and return :class:`Outcome` objects, or raise one of the exceptions of
:mod:`grader.feedback` when the student's code misbehaves. A crashed or timed-out worker is
killed and replaced by a fresh one on the next call, so later checks still run.
"""

import importlib
import os
import resource
import select
import signal
import socket
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..feedback import (
    Blocked,
    CallTimeout,
    ImportFailed,
    ModuleMissing,
    NotAttempted,
    ProtocolViolation,
    ResourceLimit,
    StudentError,
    WorkerCrashed,
    sanitize,
)
from . import protocol
from .zygote import Zygote, find_package_dir

MAX_FILE_BYTES = 2 * 1024 * 1024
# Extra address space the grader may use while the reference answers one callback: the student
# chooses the arguments, and broadcasting (b of shape (n, 1) plus W @ A of shape (1, m)) or
# initialize_parameters(50000, 50000, 1) would otherwise allocate gigabytes in the grader.
CALLBACK_MEMORY_BYTES = 512 * 1024 * 1024


@dataclass
class Limits:
    """Resource limits of one worker process.

    Attributes
    ----------
    timeout : float
        Default wall-time limit of one call (or one batch), seconds.
    cpu_seconds : int
        CPU-time limit of the whole worker (``RLIMIT_CPU``).
    memory_bytes : int
        Address-space limit (``RLIMIT_AS``); numpy itself needs about 150 MB.
    file_bytes : int
        Largest file the student's code may write (``RLIMIT_FSIZE``).
    max_callbacks : int
        Reference calls a stage-isolated call may make.
    exercise_seconds : float
        Wall-time budget of all calls for one exercise: once spent, each further call gets
        at most 0.5 s, so code that loops forever in every check cannot stretch grading far.
    """

    timeout: float = 5.0
    exercise_seconds: float = 30.0
    cpu_seconds: int = 60
    memory_bytes: int = 1536 * 1024 * 1024
    file_bytes: int = 1024 * 1024
    max_callbacks: int = 20_000


@dataclass
class Outcome:
    """What one call of the student's function produced.

    Attributes
    ----------
    value : object
        The decoded return value (exact ndarrays, numpy scalars, tuples, lists, dicts, str,
        numbers, None; anything else is a :class:`~grader.sandbox.protocol.Foreign`).
    stdout : str
        Printed output (sanitised; never trusted).
    mutated : list of str
        Arguments changed in place, as paths such as ``"params['W1']"``.
    seconds : float
        Wall time measured by the grader.
    """

    value: object
    stdout: str = ""
    mutated: list = field(default_factory=list)
    seconds: float = 0.0


# --------------------------------------------------------------------------- trusted files


def read_submission(directory, modules):
    """Read the submission's module files; symlinks and non-regular files are refused.

    Parameters
    ----------
    directory : pathlib.Path
        Folder holding ``<module>.py`` for each of ``modules``.
    modules : sequence of str
        The unit's submission module names.

    Returns
    -------
    dict
        ``{file name: bytes}`` for the files present.

    Raises
    ------
    FileNotFoundError, NotADirectoryError, PermissionError, ValueError
        Raised by the caller's validation (see :func:`grader.runner.engine.validate_submission`).
    """
    files = {}
    for module in modules:
        path = Path(directory) / f"{module}.py"
        try:
            # O_NOFOLLOW: a symlink to the reference must not be copied in as "the submission".
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise PermissionError(f"{path}: {exc.strerror}") from None
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ValueError(f"{path} is not a regular file")
            data = fh.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise ValueError(f"{path} is larger than {MAX_FILE_BYTES} bytes")
        files[path.name] = data
    return files


def _describe_status(status):
    if status is None:
        return "unknown status"
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            return f"signal {signal.Signals(sig).name}"
        except ValueError:
            return f"signal {sig}"
    if os.WIFEXITED(status):
        return f"exit status {os.WEXITSTATUS(status)}"
    return "unknown status"


class Worker:
    """One forked worker and its private socket."""

    def __init__(self, zygote, pid, sock):
        self.zygote = zygote
        self.pid = pid
        self.sock = sock
        self.buffer = bytearray()
        self.dead = False
        self.pending = None
        self.status = None
        self.frame_limit = protocol.MIN_FRAME_LIMIT
        self.output_full = False  # the worker said its captured output reached the limit

    def _send(self, message, deadline):
        data = message if isinstance(message, bytes) else protocol.dumps(message)
        self.sock.settimeout(max(0.001, deadline - time.monotonic()))
        try:
            self.sock.sendall(data)
        except socket.timeout:
            raise CallTimeout(0) from None
        except OSError:
            raise self._crashed() from None

    def _recv(self, deadline):
        def need(n):
            while len(self.buffer) < n:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise CallTimeout(0)
                ready, _, _ = select.select([self.sock], [], [], remaining)
                if not ready:
                    continue
                try:
                    chunk = self.sock.recv(1 << 20)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise self._crashed()
                self.buffer.extend(chunk)

        need(4)
        try:
            size = protocol.parse_header(bytes(self.buffer[:4]))
        except protocol.ProtocolError as exc:
            self.kill()
            raise ProtocolViolation(str(exc)) from None
        if size > self.frame_limit:
            # Checked before reading the body: the protocol's 128 MB ceiling alone would let a
            # worker make the grader decode a frame of empty objects into gigabytes.
            self.kill()
            raise ProtocolViolation(f"a reply of {size} bytes exceeds the limit")
        need(4 + size)
        body = bytes(self.buffer[4 : 4 + size])
        del self.buffer[: 4 + size]
        try:
            message = protocol.loads(body)
        except protocol.ProtocolError as exc:
            self.kill()
            raise ProtocolViolation(str(exc)) from None
        if not isinstance(message, dict):
            self.kill()
            raise ProtocolViolation("reply is not an object")
        return message

    def _crashed(self):
        status = self.kill()
        if status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
            return ResourceLimit("cpu")
        return WorkerCrashed(_describe_status(status))

    def preload(self, module):
        """Ask the worker to import ``module`` now; its reply is read before the next request."""
        self.pending = -1
        self._send({"op": "load", "id": -1, "module": module}, time.monotonic() + 5.0)

    def request(self, message, timeout, on_callback):
        """Send one request and return the final reply, serving reference callbacks meanwhile."""
        deadline = time.monotonic() + timeout
        data = protocol.dumps(message)
        try:
            if self.pending is not None:
                # The import started early counts against the first call's time limit; its
                # outcome does not matter (a failing import fails again, reported, in the call).
                self.pending = None
                if self._recv(deadline).get("id") != -1:
                    self.kill()
                    raise ProtocolViolation("reply to another request")
            self.frame_limit = protocol.frame_limit(len(data) - 4)
            self._send(data, deadline)
            while True:
                reply = self._recv(deadline)
                if reply.get("op") == "callback":
                    self._send(self._callback_reply(on_callback, reply), deadline)
                    continue
                if reply.get("op") == "notice":
                    # Only ever changes the wording of a timeout message, never a score.
                    self.output_full = self.output_full or reply.get("kind") == "output_full"
                    continue
                if reply.get("id") != message["id"]:
                    self.kill()
                    raise ProtocolViolation("reply to another request")
                return reply
        except CallTimeout:
            self.kill()
            raise CallTimeout(timeout) from None
        except BaseException:
            # Whatever went wrong (a check's own error, Ctrl-C), the worker may be waiting
            # mid-conversation: never reuse it, or the next call would read a stale reply.
            self.kill()
            raise

    def _callback_reply(self, on_callback, reply):
        """Encode the answer to a callback; one larger than the frame limit becomes an error."""
        try:
            data = protocol.dumps(on_callback(reply, self.frame_limit))
            if len(data) - 4 <= self.frame_limit:
                return data
        except (protocol.ProtocolError, ValueError, TypeError, MemoryError):
            pass
        return protocol.dumps(
            {"op": "callback_error", "message": "the reference's result is too large"}
        )

    def kill(self):
        """Kill the worker (if alive), reap it and return its wait status."""
        if self.dead:
            return self.status
        self.dead = True
        self.sock.close()
        self.status = self.zygote.reap(self.pid)
        return self.status

    def close(self):
        self.kill()


# --------------------------------------------------------------------------- the sandbox


class Sandbox:
    """Everything one grading run needs to execute a submission safely.

    Parameters
    ----------
    submission_files : dict
        ``{file name: bytes}`` from :func:`read_submission`.
    layout : grader.sandbox.layout.SubmissionLayout
        The unit's package name, module files and functions.
    limits : Limits
    zygote : grader.sandbox.zygote.Zygote or None
        An already started zygote (the CLI starts it early); else one is started here.
    isolate : bool
        Build the namespace jail (default). ``False`` only for debugging the engine.
    """

    def __init__(self, submission_files, layout, limits=None, zygote=None, isolate=True):
        self.layout = layout
        self.unit = layout.package
        self.limits = limits or Limits()
        self.files = dict(submission_files)
        self.provided = dict(layout.provided)
        self.zygote = zygote if zygote is not None else Zygote(isolate=isolate).start()
        self.base_dir = Path(self.zygote.base_dir)
        self._dirs = 0
        # How tracebacks name the student's files (the submission folder as the user gave it).
        self.display_dir = ""

    @property
    def isolation(self):
        return self.zygote.ready()

    def new_workdir(self, label):
        """A fresh folder ``<base>/<n>-<label>/<unit>/`` with the allowed files only."""
        self._dirs += 1
        root = self.base_dir / f"{self._dirs:02d}-{label}"
        package = root / self.unit
        package.mkdir(parents=True)
        (package / "__init__.py").write_bytes(b"")
        for name, text in self.provided.items():
            (package / name).write_text(text, encoding="utf-8")
        for name, data in self.files.items():
            (package / name).write_bytes(data)
        for path in (root, package):
            os.chmod(path, 0o755)
        for path in package.iterdir():
            os.chmod(path, 0o444)
        return root

    def spawn(self, workdir):
        if not self.zygote.alive() and self.zygote.isolation is not None:
            # The zygote died (it should not): a new one keeps grading going.
            old = self.zygote
            old.owns_base_dir, owned = False, old.owns_base_dir
            old.close()
            self.zygote = Zygote(old.base_dir, isolate=old.isolate).start()
            self.zygote.owns_base_dir = owned
        pid, sock = self.zygote.fork(workdir, self.unit, self.limits)
        return Worker(self.zygote, pid, sock)

    def close(self):
        self.zygote.close()


def _array_bytes(value, depth=0):
    """Bytes of the arrays in a (nested) value, so that a huge result is refused unencoded."""
    if isinstance(value, np.ndarray):
        return value.nbytes
    if depth > protocol.MAX_DEPTH:
        return 0
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return sum(_array_bytes(v, depth + 1) for v in value)
    return 0


class _MemoryBudget:
    """Lower this process's address-space limit to its current size plus ``extra`` bytes.

    Used around reference code running on arguments the student chose: a huge allocation then
    raises ``MemoryError`` (reported to the student's code as a failed reference call) instead
    of swapping or getting the grader killed. The previous limit is restored on exit. Where the
    limit cannot be read or set (not Linux), nothing is capped.
    """

    def __init__(self, extra):
        self.extra = int(extra)
        self.saved = None

    def __enter__(self):
        try:
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            with open("/proc/self/statm", "rb") as fh:
                used = int(fh.read().split()[0]) * resource.getpagesize()
            cap = used + self.extra
            if hard != resource.RLIM_INFINITY:
                cap = min(cap, hard)
            if soft == resource.RLIM_INFINITY or cap < soft:
                resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
                self.saved = (soft, hard)
        except (OSError, ValueError, IndexError):
            self.saved = None
        return self

    def __exit__(self, *exc):
        if self.saved is not None:
            resource.setrlimit(resource.RLIMIT_AS, self.saved)
            self.saved = None
        return False


class _WorkerRandomState:
    """Run a reference callee on the worker's NumPy random stream, then restore this process's.

    A stage-isolated callee that draws random numbers (an initialiser that does not seed) must
    draw what the student's own function would have drawn in the worker. The worker sends its
    state (``[position, 624 keys, has_gauss, cached]``, untrusted: checked here) and gets the new
    one back in ``after``.
    """

    def __init__(self, message):
        self.incoming = message.get("random_state")
        self.saved = None
        self.after = None

    def __enter__(self):
        state = self.incoming
        try:
            position, keys, has_gauss, cached = state
            keys = np.asarray(keys, dtype=np.uint32)
            if keys.shape != (624,) or not 0 <= int(position) <= 624:
                raise ValueError("bad random state")
            self.saved = np.random.get_state()
            np.random.set_state(("MT19937", keys, int(position), int(has_gauss) & 1,
                                 float(cached)))
        except (TypeError, ValueError, OverflowError):
            self.saved = None
        return self

    def __exit__(self, *exc):
        if self.saved is not None:
            _name, keys, position, has_gauss, cached = np.random.get_state()
            self.after = [int(position), [int(k) for k in keys], int(has_gauss), float(cached)]
            np.random.set_state(self.saved)
        return False


def module_of(layout, function_name):
    """Which module defines ``function_name`` (``"module.func"`` allowed)."""
    if "." in function_name:
        module, _, name = function_name.partition(".")
        return module, name
    if function_name in layout.functions:
        return layout.functions[function_name], function_name
    raise ValueError(f"unknown function {function_name!r}: use 'module.function'")


class Submission:
    """The ``submission`` fixture: calls the student's functions in a sandboxed worker.

    Attributes
    ----------
    mode : {"public", "hidden"}
        ``"hidden"`` when the reference is available (instructor side).
    seed : int
        The run's seed.
    unit : str
    exercise : str
        The exercise whose checks are running.
    """

    def __init__(self, sandbox, exercise, mode, seed, prestart=False):
        self.sandbox = sandbox
        self.exercise = exercise
        self.mode = mode
        self.seed = seed
        self.unit = sandbox.unit
        self.workdir = sandbox.new_workdir(exercise)
        self.worker = None
        self.calls = 0
        self.crashes = 0
        self.spent = 0.0
        self.printed = []  # (sanitised) output the student's code printed, first calls only
        self.printed_full = False
        if prestart:
            self.prestart()

    def prestart(self):
        """Fork the worker and start importing the exercise's module before the first call."""
        try:
            module, _ = module_of(self.sandbox.layout, self.exercise)
        except ValueError:
            return
        if f"{module}.py" not in self.sandbox.files:
            return
        self.worker = self.sandbox.spawn(self.workdir)
        try:
            self.worker.preload(module)
        except (CallTimeout, WorkerCrashed):
            self.worker.kill()

    # ------------------------------------------------------------------ helpers

    def _worker(self):
        if self.worker is None or self.worker.dead:
            self.worker = self.sandbox.spawn(self.workdir)
        return self.worker

    def _reference(self, module, name):
        if self.mode != "hidden":
            raise RuntimeError(
                "reference_callees needs the reference solutions (hidden mode); "
                "public checks must not use it"
            )
        ref = importlib.import_module(f"{self.sandbox.layout.reference_package}.{module}")
        return getattr(ref, name)

    def _call_message(self, function_name, args, kwargs, reference_callees, seed=None):
        module, name = module_of(self.sandbox.layout, function_name)
        if f"{module}.py" not in self.sandbox.files and f"{module}.py" not in self.sandbox.provided:
            raise ModuleMissing(f"{module}.py")
        callees = tuple(reference_callees)
        if callees:
            for callee in callees:
                self._reference(module, callee)  # fails early and clearly
        return {
            "op": "call",
            "module": module,
            "function": name,
            "args": protocol.encode(list(args)),
            "kwargs": protocol.encode(dict(kwargs)),
            "callees": list(callees),
            "seed": None if seed is None else int(seed),
            "max_callbacks": self.sandbox.limits.max_callbacks if callees else 0,
        }, (module, name)

    def _on_callback(self, allowed, module):
        def handle(message, limit=protocol.MIN_FRAME_LIMIT):
            name = message.get("name")
            if name not in allowed:
                return {"op": "callback_error", "message": "not an isolated callee"}
            try:
                args = protocol.decode(message.get("args", []))
                kwargs = protocol.decode(message.get("kwargs", {"$": "dict", "items": []}))
                if not isinstance(args, list) or not isinstance(kwargs, dict):
                    raise TypeError("bad arguments")
                function = self._reference(module, name)
                with _MemoryBudget(CALLBACK_MEMORY_BYTES), _WorkerRandomState(message) as state:
                    value = function(*args, **kwargs)
                if _array_bytes(value) > limit:
                    raise MemoryError("the result is too large to send")
                return {"op": "callback_result", "value": protocol.encode(value),
                        "random_state": state.after}
            except Exception as exc:  # noqa: BLE001 - the reference rejected the student's args
                return {
                    "op": "callback_error",
                    "message": f"{type(exc).__name__}: {sanitize(exc, 300)}",
                }

        return handle

    def _display_paths(self, text):
        """Replace the worker folder's paths in a traceback by the student's own file paths."""
        folder = str(self.workdir / self.unit) + os.sep
        shown = self.sandbox.display_dir
        return text.replace(folder, os.path.join(shown, "") if shown else "")

    def _record_stdout(self, reply, stdout):
        if reply.get("stdout_full") is True:
            self.printed_full = True
        if stdout and sum(len(p) for p in self.printed) < 2000:
            self.printed.append(stdout)

    def _error(self, reply, module, name):
        """The exception for an ``error`` reply (untrusted data, checked field by field)."""
        kind = str(reply.get("type", "?"))
        text = str(reply.get("message", ""))
        traceback_text = self._display_paths(str(reply.get("traceback", "")))
        raised_in = reply.get("raised_in") or [None, None]
        if not (isinstance(raised_in, list) and len(raised_in) == 2):
            raised_in = [None, None]
        if reply.get("phase") == "import":
            where = reply.get("location")
            where = where if isinstance(where, dict) else {}
            file = where.get("file") if isinstance(where.get("file"), str) else f"{module}.py"
            return ImportFailed(
                file,
                kind,
                text,
                traceback_text,
                line=where.get("line"),
                column=where.get("column"),
                source_line=str(where.get("source") or ""),
            )
        if kind == "NotImplementedError" and reply.get("phase") == "call":
            if raised_in == [f"{self.unit}.{module}", name]:
                return NotAttempted(name)
            callee = raised_in[1]
            # A stub of another exercise (see course.authoring.stubs.not_attempted_message).
            if (
                isinstance(callee, str)
                and callee != name
                and isinstance(raised_in[0], str)
                and raised_in[0].startswith(f"{self.unit}.")
                and text.startswith(f"{callee} is not attempted yet")
            ):
                return Blocked(name, sanitize(callee, 100),
                               self.sandbox.layout.numbers.get(callee))
        return StudentError(kind, text, traceback_text)

    def _outcome(self, reply, module, name, seconds):
        op = reply.get("op")
        stdout = (
            sanitize(reply.get("stdout", ""), 5000) if isinstance(reply.get("stdout"), str) else ""
        )
        self._record_stdout(reply, stdout)
        if op == "result":
            try:
                value = protocol.decode(reply.get("value"))
            except protocol.ProtocolError as exc:
                raise ProtocolViolation(str(exc)) from None
            mutated = reply.get("mutated", [])
            if not isinstance(mutated, list):
                raise ProtocolViolation("bad mutation list")
            return Outcome(value, stdout, [sanitize(m, 200) for m in mutated[:50]], seconds)
        if op == "error":
            raise self._error(reply, module, name)
        if op == "limit":
            raise ResourceLimit(str(reply.get("kind", "?")))
        raise ProtocolViolation("unknown reply")

    def _request(self, message, timeout, on_callback):
        worker = self._worker()
        self.calls += 1
        message["id"] = self.calls
        left = self.sandbox.limits.exercise_seconds - self.spent
        timeout = min(timeout, max(0.5, left))
        started = time.monotonic()
        worker.output_full = False
        try:
            return worker.request(message, timeout, on_callback)
        except CallTimeout as exc:
            self.crashes += 1
            worker.kill()
            if worker.output_full:
                self.printed_full = True
                raise CallTimeout(exc.seconds, flooded=True) from None
            raise
        except (WorkerCrashed, ResourceLimit, ProtocolViolation):
            self.crashes += 1
            worker.kill()
            raise
        finally:
            self.spent += time.monotonic() - started

    # ------------------------------------------------------------------ public API

    def call(self, function_name, *args, reference_callees=(), timeout=None, seed=None, **kwargs):
        """Call the student's ``function_name(*args, **kwargs)`` in the sandbox.

        Parameters
        ----------
        function_name : str
            An exercise id, a provided function, or ``"module.function"``.
        *args, **kwargs
            Plain data: arrays, numbers, str, lists, tuples, dicts.
        reference_callees : tuple of str
            Module-level names the function calls that are replaced by the reference (stage
            isolation; hidden mode only).
        timeout : float or None
            Wall-time limit, seconds (default :attr:`Limits.timeout`).

        Returns
        -------
        Outcome

        Raises
        ------
        NotAttempted, StudentError, CallTimeout, ResourceLimit, WorkerCrashed, ProtocolViolation
        """
        message, (module, name) = self._call_message(function_name, args, kwargs,
                                                     reference_callees, seed)
        timeout = self.sandbox.limits.timeout if timeout is None else float(timeout)
        started = time.perf_counter()
        reply = self._request(message, timeout, self._on_callback(set(message["callees"]), module))
        return self._outcome(reply, module, name, time.perf_counter() - started)

    def call_many(self, calls, timeout=None):
        """Make many calls in one round trip (e.g. for numerical gradient checks).

        Parameters
        ----------
        calls : sequence of (function_name, args_tuple, kwargs_dict)
        timeout : float or None
            Wall-time limit for the whole batch.

        Returns
        -------
        list of Outcome
            One per call. The first call that fails raises its exception instead.
        """
        messages, names = [], []
        for call in calls:
            function_name, args, kwargs = call[:3]
            seed = call[3] if len(call) > 3 else None
            message, where = self._call_message(function_name, args, kwargs or {}, (), seed)
            messages.append(message)
            names.append(where)
        if not messages:
            return []
        timeout = self.sandbox.limits.timeout if timeout is None else float(timeout)
        started = time.perf_counter()
        reply = self._request(
            {"op": "batch", "calls": messages}, timeout, self._on_callback(set(), "")
        )
        seconds = time.perf_counter() - started
        results = reply.get("results") if reply.get("op") == "batch_result" else None
        if not isinstance(results, list) or len(results) > len(messages):
            raise ProtocolViolation("bad batch reply")
        outcomes = []
        for item, (module, name) in zip(results, names):
            if not isinstance(item, dict):
                raise ProtocolViolation("bad batch item")
            outcomes.append(self._outcome(item, module, name, seconds / len(messages)))
        if len(outcomes) < len(messages):
            raise ProtocolViolation("batch reply is incomplete")
        return outcomes

    def close(self):
        if self.worker is not None:
            self.worker.close()
            self.worker = None
