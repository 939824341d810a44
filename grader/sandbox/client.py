"""The trusted side of the sandbox: start the zygote, fork workers, make calls, judge the replies.

الجانب الموثوق من صندوق العزل: يشغّل العملية الأم ويطلب عمليات التشغيل ويستدعي دوال الطالب.

:class:`Sandbox` owns one zygote (see :mod:`grader.sandbox.worker`) per grading run and a fresh
folder per exercise holding only ``<unit>/__init__.py`` (empty), the grader's trusted copy of the
provided modules and the submission's module files. :class:`Submission` is what checks receive as
the ``submission`` fixture: ``call`` and ``call_many`` send arguments to a worker and return
:class:`Outcome` objects, or raise one of the exceptions of :mod:`grader.feedback` when the
student's code misbehaves. A crashed or timed-out worker is killed and replaced by a fresh one on
the next call, so later checks still run.

Everything judged is judged here: the return value is decoded from untrusted data, in-place
changes of the arguments are found by comparing the arguments the worker sends back with the
grader's own copies (:mod:`.judging`), and time is the grader's wall clock. Every frame a worker
sends is bounded before it is read (:func:`protocol.frame_limit` of its request), each call has a
deadline that also covers the reference answering its callbacks (:mod:`.callbacks`), each
exercise a time budget and the whole grading another.
"""

import os
import signal
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..feedback import (
    Blocked,
    CallTimeout,
    ImportFailed,
    ModuleMissing,
    NotAttempted,
    NumberOutOfRange,
    ProtocolViolation,
    ResourceLimit,
    StudentError,
    WorkerCrashed,
    sanitize,
)
from . import callbacks, protocol
from .files import MAX_FILE_BYTES, SubmissionFileError, read_submission  # noqa: F401
from .judging import mutated_arguments
from .zygote import Zygote, find_package_dir  # noqa: F401


@dataclass
class Limits:
    """Resource limits of the student's code.

    Attributes
    ----------
    timeout : float
        Default wall-time limit of one call (or one batch), seconds; reference callbacks made
        during the call count against it.
    exercise_seconds : float
        Wall-time budget of all calls for one exercise: once spent, each further call gets
        at most 0.5 s, so code that loops forever in every check cannot stretch grading far.
    grading_seconds : float
        Wall-time budget of all calls of the whole grading: once spent, further calls fail at
        once without running.
    cpu_seconds : int
        CPU-time limit of one worker (``RLIMIT_CPU``).
    memory_bytes : int
        Address-space limit (``RLIMIT_AS``); numpy itself needs about 150 MB.
    file_bytes : int
        Largest file the student's code may write (``RLIMIT_FSIZE``).
    max_callbacks : int
        Reference calls a stage-isolated call may make.
    """

    timeout: float = 5.0
    exercise_seconds: float = 30.0
    grading_seconds: float = 120.0
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
        Arguments changed in place, as paths such as ``"params['W1']"`` (found by the grader).
    seconds : float
        Wall time measured by the grader.
    """

    value: object
    stdout: str = ""
    mutated: list = field(default_factory=list)
    seconds: float = 0.0


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

    def _fill(self, n, deadline):
        """Read until the buffer holds ``n`` bytes (never more than one frame ahead)."""
        while len(self.buffer) < n:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CallTimeout(0)
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(min(1 << 20, n - len(self.buffer)))
            except socket.timeout:
                continue
            except OSError:
                chunk = b""
            if not chunk:
                raise self._crashed()
            self.buffer.extend(chunk)

    def _recv(self, deadline):
        self._fill(4, deadline)
        try:
            size = protocol.parse_header(bytes(self.buffer[:4]))
        except protocol.ProtocolError as exc:
            self.kill()
            raise ProtocolViolation(str(exc)) from None
        if size > self.frame_limit:
            # Checked before reading the body: nothing of an oversized frame is ever read.
            self.kill()
            raise ProtocolViolation(f"a reply of {size} bytes exceeds the limit")
        self._fill(4 + size, deadline)
        body = memoryview(self.buffer)[4 : 4 + size]
        try:
            message = protocol.loads(body)
        except protocol.ProtocolError as exc:
            self.kill()
            raise ProtocolViolation(str(exc)) from None
        finally:
            body.release()
        del self.buffer[: 4 + size]
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
        """Send one request and return the final reply, serving reference callbacks meanwhile.

        ``on_callback(reply, frame_limit, deadline)`` answers one callback; the time it takes
        counts against ``timeout``.
        """
        deadline = time.monotonic() + timeout
        data = protocol.dumps(message)
        try:
            if self.pending is not None:
                # The import started early counts against the first call's time limit; its
                # outcome does not matter (a failing import fails again, reported, in the call).
                self.pending = None
                self.frame_limit = protocol.MIN_FRAME_LIMIT
                if self._recv(deadline).get("id") != -1:
                    self.kill()
                    raise ProtocolViolation("reply to another request")
            self.frame_limit = protocol.frame_limit(len(data) - 4)
            self._send(data, deadline)
            while True:
                reply = self._recv(deadline)
                if reply.get("op") == "callback":
                    self._send(self._callback_reply(on_callback, reply, deadline), deadline)
                    continue
                if reply.get("op") == "notice":
                    # Only ever changes the wording of a timeout message, never a score.
                    self.output_full = self.output_full or reply.get("kind") == "output_full"
                    continue
                if reply.get("id") != message["id"]:
                    self.kill()
                    raise ProtocolViolation("reply to another request")
                return reply
        except (CallTimeout, callbacks.CallbackTimeUp):
            self.kill()
            raise CallTimeout(timeout) from None
        except BaseException:
            # Whatever went wrong (a check's own error, Ctrl-C), the worker may be waiting
            # mid-conversation: never reuse it, or the next call would read a stale reply.
            self.kill()
            raise

    def _callback_reply(self, on_callback, reply, deadline):
        """Encode the answer to a callback; one larger than the frame limit becomes an error."""
        try:
            data = protocol.dumps(on_callback(reply, self.frame_limit, deadline))
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
        ``{file name: bytes}`` from :func:`~grader.sandbox.files.read_submission`.
    layout : grader.sandbox.layout.SubmissionLayout
        The unit's package, modules, trusted provided files and functions.
    limits : Limits or None
    zygote : grader.sandbox.zygote.Zygote or None
        An already started zygote (the CLI starts it early); else one is started here.
    isolate : bool
        Build the jail (default). ``False`` only for debugging the engine.
    allow_privileged : bool
        Let workers keep root when no unprivileged uid can be had (the instructor's explicit
        opt-in to weak isolation only).
    """

    def __init__(self, submission_files, layout, limits=None, zygote=None, isolate=True,
                 allow_privileged=False):
        self.layout = layout
        self.unit = layout.package
        self.limits = limits or Limits()
        self.files = dict(submission_files)
        self.provided = dict(layout.provided)
        self.allow_privileged = allow_privileged
        self.zygote = zygote if zygote is not None else Zygote(isolate=isolate).start()
        self.base_dir = Path(self.zygote.base_dir)
        self._dirs = 0
        self.spent = 0.0  # wall time of every call so far (the grading budget)
        # How tracebacks name the student's files (the submission folder as the user gave it).
        self.display_dir = ""

    @property
    def isolation(self):
        return self.zygote.ready()

    @property
    def isolation_info(self):
        self.zygote.ready()
        return self.zygote.info

    def new_workdir(self, label):
        """A fresh folder ``<base>/work/<n>-<label>/<unit>/`` with the allowed files only.

        Returns its label (the folder's name under ``work/``).
        """
        self._dirs += 1
        name = f"{self._dirs:02d}-{label}"
        root = self.base_dir / "work" / name
        package = root / self.unit
        package.mkdir(parents=True)
        (package / "__init__.py").write_bytes(b"")
        for file_name, text in self.provided.items():
            (package / file_name).write_text(text, encoding="utf-8")
        for file_name, data in self.files.items():
            (package / file_name).write_bytes(data)
        for path in (root, package):
            os.chmod(path, 0o755)
        for path in package.iterdir():
            os.chmod(path, 0o444)
        return name

    def spawn(self, label):
        if not self.zygote.alive() and self.zygote.isolation is not None:
            # The zygote died (it should not): a new one keeps grading going.
            old = self.zygote
            old.owns_base_dir, owned = False, old.owns_base_dir
            old.close()
            self.zygote = Zygote(old.base_dir, isolate=old.isolate).start()
            self.zygote.owns_base_dir = owned
        pid, sock = self.zygote.fork(label, self.unit, self.limits, self.allow_privileged)
        return Worker(self.zygote, pid, sock)

    def worker_path(self, label):
        return self.zygote.worker_path(label)

    def close(self):
        self.zygote.close()


class Submission:
    """The ``submission`` fixture: calls the student's functions in a sandboxed worker.

    Attributes
    ----------
    mode : {"public", "hidden"}
        ``"hidden"`` when the reference is available (instructor side).
    seed : int
        The run's seed (never sent to a worker).
    unit : str
    exercise : str
        The exercise whose checks are running.
    answered, empty_answers : int
        Calls of the current check (see :meth:`begin_check`) that returned a value, and how
        many of them returned ``None``: a check passed only by answers that are all ``None``
        says nothing about the student's function.
    """

    def __init__(self, sandbox, exercise, mode, seed, prestart=False):
        self.sandbox = sandbox
        self.layout = sandbox.layout
        self.exercise = exercise
        self.mode = mode
        self.seed = seed
        self.unit = sandbox.unit
        self.label = sandbox.new_workdir(exercise)
        self.worker = None
        self.calls = 0
        self.crashes = 0
        self.spent = 0.0
        self.printed = []  # (sanitised) output the student's code printed, first calls only
        self.printed_full = False
        self.check_id = None
        self.answered = 0
        self.empty_answers = 0
        # (function, "own" or "isolated") -> the CallTimeout of a call that hung: see _not_again.
        self.hung = {}
        if prestart:
            self.prestart()

    def begin_check(self, check_id):
        """Start counting the answers of one check."""
        self.check_id = check_id
        self.answered = 0
        self.empty_answers = 0

    def prestart(self):
        """Fork the worker and start importing the exercise's module before the first call."""
        try:
            module, _ = self.layout.module_of(self.exercise)
        except ValueError:
            return
        if f"{module}.py" not in self.sandbox.files:
            return
        self.worker = self.sandbox.spawn(self.label)
        try:
            self.worker.preload(module)
        except (CallTimeout, WorkerCrashed):
            self.worker.kill()

    # ------------------------------------------------------------------ helpers

    def _worker(self):
        if self.worker is None or self.worker.dead:
            self.worker = self.sandbox.spawn(self.label)
        return self.worker

    def _reference(self, module, name):
        if self.mode != "hidden" or not self.layout.reference_package:
            raise RuntimeError(
                "reference_callees needs the reference solutions (hidden mode); "
                "public checks must not use it"
            )
        import importlib

        ref = importlib.import_module(f"{self.layout.reference_package}.{module}")
        return getattr(ref, name)

    def _call_message(self, function_name, args, kwargs, reference_callees, seed=None):
        module, name = self.layout.module_of(function_name)
        if f"{module}.py" not in self.sandbox.files and module not in self.layout.provided_modules:
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
            # A case whose caller seeds NumPy (as the course's test does) before the call.
            "seed": None if seed is None else int(seed),
            "max_callbacks": self.sandbox.limits.max_callbacks if callees else 0,
        }, (module, name)

    def _on_callback(self, allowed, module):
        """The handler of one call's reference callbacks (counted here: the worker's own count
        is untrusted)."""
        budget = {"left": self.sandbox.limits.max_callbacks}

        def handle(message, limit=protocol.MIN_FRAME_LIMIT, deadline=None):
            name = message.get("name")
            if name not in allowed:
                return {"op": "callback_error", "message": "not an isolated callee"}
            budget["left"] -= 1
            if budget["left"] < 0:
                return {
                    "op": "callback_error",
                    "message": f"more than {self.sandbox.limits.max_callbacks} calls to {name}",
                }
            if deadline is None:
                deadline = time.monotonic() + callbacks.CALLBACK_SECONDS
            return callbacks.answer(self._reference(module, name), message, limit, deadline)

        return handle

    def _display_paths(self, text):
        """Replace the worker folder's paths in a traceback by the student's own file paths."""
        folder = os.path.join(self.sandbox.worker_path(self.label), self.unit, "")
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
                               dict(self.layout.numbers).get(callee))
        return StudentError(kind, text, traceback_text)

    def _outcome(self, reply, message, module, name, seconds):
        op = reply.get("op")
        stdout = (
            sanitize(reply.get("stdout", ""), 5000) if isinstance(reply.get("stdout"), str) else ""
        )
        self._record_stdout(reply, stdout)
        if op == "result":
            try:
                value = protocol.decode(reply.get("value"))
                params = reply.get("params") if isinstance(reply.get("params"), list) else []
                mutated = mutated_arguments(message["args"], message["kwargs"], reply, params)
            except protocol.NumberOutOfRange as exc:
                raise NumberOutOfRange(exc.digits) from None
            except protocol.ProtocolError as exc:
                raise ProtocolViolation(str(exc)) from None
            self.answered += 1
            self.empty_answers += value is None
            return Outcome(value, stdout, [sanitize(m, 200) for m in mutated], seconds)
        if op == "error":
            raise self._error(reply, module, name)
        if op == "limit":
            raise ResourceLimit(str(reply.get("kind", "?")))
        raise ProtocolViolation("unknown reply")

    def _request(self, message, timeout, on_callback):
        limits = self.sandbox.limits
        grading_left = limits.grading_seconds - self.sandbox.spent
        if grading_left <= 0:
            # The whole grading's time is spent: nothing more runs.
            raise CallTimeout(limits.grading_seconds, budget=True)
        worker = self._worker()
        self.calls += 1
        message["id"] = self.calls
        left = limits.exercise_seconds - self.spent
        allowed = timeout
        timeout = min(timeout, max(0.5, left), grading_left)
        started = time.monotonic()
        worker.output_full = False
        try:
            return worker.request(message, timeout, on_callback)
        except CallTimeout as exc:
            self.crashes += 1
            worker.kill()
            if worker.output_full:
                self.printed_full = True
                exc = CallTimeout(exc.seconds, flooded=True)
            # A limit cut short by the exercise's or the grading's time budget says nothing
            # about the function itself: such a timeout is never remembered as a hang.
            exc.shortened = timeout < allowed
            raise exc from None
        except (WorkerCrashed, ResourceLimit, ProtocolViolation):
            self.crashes += 1
            worker.kill()
            raise
        finally:
            elapsed = time.monotonic() - started
            self.spent += elapsed
            self.sandbox.spent += elapsed

    def _not_again(self, keys):
        """Refuse a call that already hung in this exercise's grading (same function and mode).

        A function that ran past its time limit once (an endless loop, most often) would run
        past it again in the next check and cost the class run its limit each time; the rest of
        the exercise's checks fail at once instead, saying why (and naming the function: in a
        gradient check it is the forward one, not the exercise's). A call with the student's own
        callees and one with the reference callees (stage isolation) are different modes: an
        endless loop in a callee does not stop the isolated retry.
        """
        for key in keys:
            if key in self.hung:
                raise CallTimeout(self.hung[key].seconds, repeated=key[1], function=key[0])

    def _remember_hang(self, keys, exc):
        """Remember that the calls ``keys`` hung, unless their time limit was not their own.

        A call that did not run (``budget``), was refused (``repeated``) or ran under a limit cut
        short by a time budget (``shortened``: an honest but slow function hits that one, and
        the next call may well finish in the time left) proves no endless loop.
        """
        if not (exc.budget or exc.repeated or exc.shortened):
            for key in keys:
                self.hung.setdefault(key, exc)

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
        seed : int or None
            ``np.random.seed(seed)`` runs in the worker just before the call.

        Returns
        -------
        Outcome

        Raises
        ------
        NotAttempted, StudentError, CallTimeout, ResourceLimit, WorkerCrashed, ProtocolViolation,
        NumberOutOfRange
        """
        message, (module, name) = self._call_message(function_name, args, kwargs,
                                                     reference_callees, seed)
        timeout = self.sandbox.limits.timeout if timeout is None else float(timeout)
        keys = [(name, "isolated" if message["callees"] else "own")]
        self._not_again(keys)
        started = time.perf_counter()
        try:
            reply = self._request(message, timeout,
                                  self._on_callback(set(message["callees"]), module))
        except CallTimeout as exc:
            self._remember_hang(keys, exc)
            raise
        return self._outcome(reply, message, module, name, time.perf_counter() - started)

    def call_many(self, calls, timeout=None):
        """Make many calls in one round trip (e.g. for numerical gradient checks).

        Parameters
        ----------
        calls : sequence of (function_name, args_tuple, kwargs_dict[, seed])
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
        functions = {name for _module, name in names}
        keys = [(function, "own") for function in sorted(functions)]
        self._not_again(keys)
        started = time.perf_counter()
        try:
            reply = self._request(
                {"op": "batch", "calls": messages}, timeout, self._on_callback(set(), "")
            )
        except CallTimeout as exc:
            # Which call of a mixed batch hung is unknown: only a one-function batch is blamed.
            self._remember_hang(keys if len(functions) == 1 else [], exc)
            raise
        seconds = time.perf_counter() - started
        results = reply.get("results") if reply.get("op") == "batch_result" else None
        if not isinstance(results, list) or len(results) > len(messages):
            raise ProtocolViolation("bad batch reply")
        outcomes = []
        for item, message, (module, name) in zip(results, messages, names):
            if not isinstance(item, dict):
                raise ProtocolViolation("bad batch item")
            outcomes.append(self._outcome(item, message, module, name, seconds / len(messages)))
        if len(outcomes) < len(messages):
            raise ProtocolViolation("batch reply is incomplete")
        return outcomes

    def close(self):
        if self.worker is not None:
            self.worker.close()
            self.worker = None
