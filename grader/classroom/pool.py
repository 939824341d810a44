"""Grade many students in parallel with long-lived worker processes and a per-student time limit.

تصحيح طلاب كثيرين بالتوازي بعمليات عاملة طويلة العمر، مع حدٍّ زمني لكل طالب.

Each worker (:mod:`grader.classroom.worker`) pays the grader's start-up once and then grades one
student after another, each with the engine's own limits (per call, per exercise). On top of
those, the pool gives every student a hard wall-clock limit: a student still being graded when
it runs out costs only its own row (``timed_out``); the worker is killed with its sandbox and a
fresh one takes its place. A worker that dies mid-student likewise costs that student's row only.

The pool never reads student files itself and trusts nothing a worker says beyond the JSON of
its record (which :mod:`grader.classroom.run` stores as data).
"""

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from ..feedback import Message, N_
from .records import failed_record, hard_timeout_record

# A worker imports the grader and warms its checks up before it says it is ready.
START_SECONDS = 180.0
MAX_LINE_BYTES = 64 * 1024 * 1024


class PoolError(Exception):
    """The workers could not start (the sandbox or the grader is unusable here)."""

    def __init__(self, *messages):
        self.messages = messages
        super().__init__(" ".join(m.render("en") for m in messages))


@dataclass
class Job:
    """One student to grade.

    Attributes
    ----------
    key : str
        Unique within the run (the student id).
    folder : str
        A folder holding the student's module files, flat.
    lang : {"ar", "en"}
        The language of the student's stored JSON report.
    display : str
        How reports name the submission (the entries of ``SUBMISSIONS`` it came from).
    """

    key: str
    folder: str
    lang: str = "en"
    display: str = ""


def default_jobs():
    """The number of processor cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _grader_path():
    """The folder holding this ``grader`` package, so the workers import the same code."""
    return str(Path(__file__).resolve().parents[2])


@dataclass
class _Worker:
    proc: subprocess.Popen
    buffer: bytearray = field(default_factory=bytearray)
    sandboxes: list = field(default_factory=list)
    job: Job = None
    deadline: float = 0.0
    started: float = 0.0
    ready: bool = False


class GradingPool:
    """Worker processes grading :class:`Job` objects.

    Parameters
    ----------
    size : int
        Number of workers.
    options : dict
        The grading options sent to every worker: ``unit``, ``exercises`` (ids), ``hidden``,
        ``seed``, ``timeout`` (per call, or None), ``allow_weak_isolation``.
    student_seconds : float
        Hard wall-clock limit of one student.
    env : dict or None
        The workers' environment (default: this process's, with this grader on the path).
    """

    def __init__(self, size, options, student_seconds, env=None):
        self.size = max(1, int(size))
        self.options = dict(options)
        self.student_seconds = float(student_seconds)
        base = dict(os.environ if env is None else env)
        path = [_grader_path()] + [p for p in base.get("PYTHONPATH", "").split(os.pathsep) if p]
        base["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(path))
        self.env = base
        self.selector = selectors.DefaultSelector()
        self.workers = []

    # ------------------------------------------------------------------ workers

    def _spawn(self):
        proc = subprocess.Popen(
            [sys.executable, "-m", "grader.classroom.worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            if not os.environ.get("AMIQ_GRADER_DEBUG") else None,
            # From the grader's own folder: "python -m" puts the working folder first on the
            # path, and a shared folder such as /tmp could hold a planted "grader" package.
            env=self.env, cwd=_grader_path(), start_new_session=True,
        )
        worker = _Worker(proc, started=time.monotonic())
        os.set_blocking(proc.stdout.fileno(), False)
        self.selector.register(proc.stdout, selectors.EVENT_READ, worker)
        self._send(worker, self.options)
        self.workers.append(worker)
        return worker

    def _send(self, worker, message):
        try:
            worker.proc.stdin.write((json.dumps(message) + "\n").encode("utf-8"))
            worker.proc.stdin.flush()
            return True
        except (BrokenPipeError, OSError):
            return False

    def _kill(self, worker):
        """Kill a worker and its sandbox, and remove its sandbox folders."""
        try:
            self.selector.unregister(worker.proc.stdout)
        except (KeyError, ValueError):
            pass
        try:
            os.killpg(worker.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            worker.proc.kill()
        except ProcessLookupError:
            pass
        worker.proc.wait()
        for stream in (worker.proc.stdin, worker.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        for folder in worker.sandboxes:
            _remove_sandbox(folder)
        if worker in self.workers:
            self.workers.remove(worker)

    def _messages(self, worker):
        """Complete JSON lines read so far; None when the worker's output ended."""
        try:
            chunk = os.read(worker.proc.stdout.fileno(), 1 << 20)
        except BlockingIOError:
            return []
        except OSError:
            chunk = b""
        if not chunk:
            return None
        worker.buffer.extend(chunk)
        if len(worker.buffer) > MAX_LINE_BYTES:
            return None
        out = []
        while b"\n" in worker.buffer:
            line, _, rest = bytes(worker.buffer).partition(b"\n")
            worker.buffer = bytearray(rest)
            try:
                message = json.loads(line.decode("utf-8"))
            except ValueError:
                return None
            if isinstance(message, dict):
                out.append(message)
        return out

    def close(self):
        """Stop every worker (politely when idle, else killed) and remove their sandboxes."""
        for worker in list(self.workers):
            if worker.job is None and worker.ready:
                self._send(worker, {"op": "exit"})
                try:
                    worker.proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    pass
            self._kill(worker)
        self.selector.close()

    # ------------------------------------------------------------------ the run

    def run(self, jobs, on_result):
        """Grade every job; ``on_result(job, record)`` is called as each student finishes.

        Parameters
        ----------
        jobs : iterable of Job
        on_result : callable
            Gets the job and its record (see :mod:`grader.classroom.records`), in the order
            students finish.

        Raises
        ------
        PoolError
            No worker could start.
        KeyboardInterrupt
            Ctrl-C or SIGTERM: the workers are stopped first; finished students were already
            passed to ``on_result``.
        """
        pending = deque(jobs)
        if not pending:
            return
        previous = signal.getsignal(signal.SIGTERM)
        if previous is signal.SIG_DFL:  # else the caller already handles SIGTERM
            try:
                signal.signal(signal.SIGTERM, _interrupt)
            except ValueError:  # not the main thread
                previous = None
        else:
            previous = None
        try:
            for _ in range(min(self.size, len(pending))):
                self._spawn()
            self._loop(pending, on_result)
        finally:
            self.close()
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)

    def _loop(self, pending, on_result):
        failures_at_start = 0
        while pending or any(w.job is not None for w in self.workers):
            for worker in list(self.workers):
                if worker.ready and worker.job is None and pending:
                    job = pending.popleft()
                    worker.job = job
                    worker.deadline = time.monotonic() + self.student_seconds
                    if not self._send(worker, {"op": "grade", "key": job.key,
                                               "folder": job.folder, "lang": job.lang,
                                               "display": job.display}):
                        self._lost(worker, on_result)
            if not self.workers:
                raise PoolError(Message(N_("The grading workers could not start.")))
            now = time.monotonic()
            deadlines = [w.deadline for w in self.workers if w.job is not None]
            deadlines += [w.started + START_SECONDS for w in self.workers if not w.ready]
            timeout = max(0.0, min(deadlines) - now) if deadlines else 1.0
            for key, _ in self.selector.select(timeout=min(timeout, 1.0)):
                worker = key.data
                messages = self._messages(worker)
                if messages is None:
                    if not worker.ready:
                        failures_at_start += 1
                        self._kill(worker)
                        if failures_at_start >= 3 or not self.workers:
                            raise PoolError(Message(N_("The grading workers could not start.")))
                        self._spawn()
                    else:
                        self._lost(worker, on_result)
                    continue
                for message in messages:
                    self._handle(worker, message, on_result)
            now = time.monotonic()
            for worker in list(self.workers):
                if worker.job is not None and now > worker.deadline:
                    job = worker.job
                    worker.job = None
                    self._kill(worker)
                    on_result(job, hard_timeout_record(self.student_seconds))
                    if pending or any(w.job is not None for w in self.workers):
                        self._spawn()
                elif not worker.ready and now > worker.started + START_SECONDS:
                    self._kill(worker)
                    raise PoolError(Message(N_("The grading workers did not start in time.")))

    def _handle(self, worker, message, on_result):
        op = message.get("op")
        if op == "sandbox":
            folder = str(message.get("dir", ""))
            if folder:
                worker.sandboxes.append(folder)
        elif op == "ready":
            worker.ready = True
        elif op == "done" and worker.job is not None and message.get("key") == worker.job.key:
            job, worker.job = worker.job, None
            record = message.get("record")
            if not isinstance(record, dict):
                record = failed_record("failed", [Message(N_("The grading worker sent no "
                                                             "result."))])
            on_result(job, record)
        elif op == "fatal":
            # The sandbox is refused here: the same for every student, so the run stops.
            from ..feedback import LocalizedText
            from course.i18n import current_language

            error = message.get("error") or {}
            worker.job = None
            self._kill(worker)
            raise PoolError(LocalizedText(
                lambda: str(error.get(current_language(), error.get("en", "")))))
        elif op == "error" and not worker.ready:
            self._kill(worker)
            raise PoolError(Message(N_("The grading workers could not start: {error}"),
                                    error=str(message.get("error", ""))[:300]))

    def _lost(self, worker, on_result):
        """A worker died while grading: that student's row says so; a new worker takes over."""
        job = worker.job
        worker.job = None
        status = worker.proc.poll()
        self._kill(worker)
        if job is not None:
            on_result(job, failed_record("failed", [Message(
                N_("The grading process stopped while grading this submission (exit status "
                   "{status})."), status=status if status is not None else "?")]))
        self._spawn()


def _interrupt(signum, frame):
    raise KeyboardInterrupt()


def _remove_sandbox(folder):
    """Remove a killed worker's sandbox folder (only ever one of the sandbox's own folders)."""
    path = Path(folder)
    if path.name.startswith("amiq-sandbox-") and path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
