"""A class-grading worker process: import the grader once, then grade one student after another.

عملية تصحيح في صفّ: تستورد المصحِّح مرة واحدة ثم تصحّح طالبًا بعد طالب.

Started by :mod:`grader.classroom.pool` as ``python -m grader.classroom.worker``. It talks JSON
lines: the first line on standard input holds the grading options, then one line per student
(``{"op": "grade", "key", "folder", "lang"}``); each answer is one line on the original standard
output (``ready``, ``sandbox``, ``done``). Anything else printed goes to standard error.

Start-up (an interpreter, NumPy, pytest, the unit's checks and reference; about a second) is
paid once per worker. The sandbox's zygote is shared by the students this worker grades
(:class:`SharedZygote`), which is safe because:

* the zygote never runs student code: it only forks workers, which drop privileges, enter
  their own namespaces and limits, and then import the student's files;
* no worker outlives its student: the engine kills and reaps every worker before ``grade``
  returns, and workers cannot fork (``RLIMIT_NPROC``);
* each student gets fresh worker folders: everything created in the sandbox folder during one
  student's grading is removed before the next student starts, so no student can read
  another's files there (inside the jail that folder is read-only to workers anyway);
* without a jail (isolation ``process``) nothing is shared: every student gets a new zygote.
"""

import json
import os
import shutil
import sys
import time


def _die_with_parent():
    """Ask Linux to kill this process when the pool's process dies (best effort)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _snapshot(base):
    """Every path under ``base`` (relative), to tell later what one grading created."""
    found = set()
    for current, dirs, files in os.walk(base):
        rel = os.path.relpath(current, base)
        for name in dirs + files:
            found.add(os.path.normpath(os.path.join(rel, name)))
    return found


class _Lease:
    """The shared zygote as one ``grade`` call sees it: everything but ``close`` is the zygote's.

    ``grade`` closes the zygote it is given; the lease ignores that, and :meth:`release` removes
    what this grading created in the sandbox folder instead.
    """

    def __init__(self, zygote):
        object.__setattr__(self, "_zygote", zygote)
        object.__setattr__(self, "_before", _snapshot(zygote.base_dir))

    def __getattr__(self, name):
        return getattr(self._zygote, name)

    def __setattr__(self, name, value):
        setattr(self._zygote, name, value)

    def close(self):
        """Ignored: the zygote serves the next student too."""

    def release(self):
        """Remove what this grading created in the sandbox folder; True when all is gone."""
        base = self._zygote.base_dir
        clean = True
        for current, dirs, files in os.walk(base, topdown=True):
            rel = os.path.relpath(current, base)
            keep_dirs = []
            for name in dirs + files:
                path = os.path.join(current, name)
                if os.path.normpath(os.path.join(rel, name)) in self._before:
                    if name in dirs:
                        keep_dirs.append(name)
                    continue
                if name in dirs and not os.path.islink(path):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    try:
                        os.unlink(path)
                    except OSError:
                        pass
                clean = clean and not os.path.lexists(path)
            dirs[:] = keep_dirs
        return clean


class SharedZygote:
    """One sandbox zygote for the many students of this worker (see the module docstring)."""

    def __init__(self, report):
        self.zygote = None
        self.shared = True
        self.report = report  # called with the sandbox folder whenever a zygote starts

    def lease(self):
        """A lease on the running zygote (started if needed), or None to let ``grade`` start one.

        Raises
        ------
        grader.sandbox.zygote.SandboxError, OSError
        """
        from grader.sandbox.zygote import Zygote

        if not self.shared:
            return None
        if self.zygote is not None and not self.zygote.alive():
            self.reset()
        if self.zygote is None:
            self.zygote = Zygote().start()
            self.report(self.zygote.base_dir)
            if self.zygote.ready() == "process":
                # No jail: workers could write to the sandbox folder, so share nothing.
                self.reset()
                self.shared = False
                return None
        return _Lease(self.zygote)

    def reset(self):
        if self.zygote is not None:
            self.zygote.close()
            self.zygote = None

    def close(self):
        self.reset()


def grade_options(options):
    """Keyword arguments of ``grade`` from the pool's options.

    ``allow_weak_isolation`` is the instructor's opt-in to grading where the sandbox is weaker
    than the grading needs (see :mod:`grader.runner.isolation`); without it such a sandbox
    stops the whole class run (:class:`Fatal`), since it is the same for every student.
    """
    from grader.sandbox.client import Limits

    limits = Limits()
    if options.get("timeout") is not None:
        limits.timeout = float(options["timeout"])
    return {"unit": options["unit"], "hidden": bool(options["hidden"]),
            "seed": options.get("seed"), "limits": limits,
            "allow_weak_isolation": bool(options.get("allow_weak_isolation"))}


class Fatal(Exception):
    """Grading cannot go on for anyone (the sandbox is refused here); ``messages`` say why."""

    def __init__(self, messages):
        self.messages = messages
        super().__init__(" ".join(m.render("en") for m in messages))


def warm_up(options):
    """Import now what the first grading would import (checks, reference, pytest)."""
    import pytest  # noqa: F401

    from course.units import get_unit
    from grader.plan import plan
    from grader.sources import HiddenData

    unit = get_unit(options["unit"])
    selected = [unit.exercise(e) for e in options["exercises"]]
    plan(unit.id, selected, bool(options["hidden"]))
    if options["hidden"]:
        HiddenData(unit.id)


def grade_one(job, options, kwargs, zygotes):
    """Grade one student's folder and return its record (never raises for the student's sake)."""
    from grader.feedback import Message, N_
    from grader.runner.engine import GradingError, IsolationError, grade
    from grader.sandbox.zygote import SandboxError

    from .records import failed_record, record_from_report

    started = time.perf_counter()
    try:
        lease = zygotes.lease()
    except (SandboxError, OSError) as exc:
        # The sandbox cannot start for this student, nor for any other: the run stops.
        zygotes.reset()
        raise Fatal([Message(N_("The sandbox could not start: {error}"), error=str(exc)[:300])])
    try:
        report = grade(options["exercises"], job["folder"], zygote=lease, **kwargs)
        # Reports name the submission as the instructor knows it, not the prepared copy.
        report.submission = str(job.get("display") or report.submission)
        return record_from_report(report, job.get("lang", "en"))
    except IsolationError as exc:
        raise Fatal(exc.messages) from None
    except GradingError as exc:
        return failed_record("failed", exc.messages, time.perf_counter() - started)
    except (SandboxError, OSError) as exc:
        zygotes.reset()
        return failed_record("failed", [Message(
            N_("The sandbox failed while grading this submission: {error}"),
            error=str(exc)[:300])], time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 - one student's row, never the whole class
        zygotes.reset()
        return failed_record("failed", [Message(
            N_("The grader failed on this submission (not the student's fault): {error}"),
            error=repr(exc)[:300])], time.perf_counter() - started)
    finally:
        if lease is not None and not lease.release():
            zygotes.reset()


def main():
    """Serve the pool until standard input ends or says ``exit``."""
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # what anything else prints goes to standard error, never into the channel
    sys.stdout = sys.stderr
    _die_with_parent()

    def send(message):
        channel.write(json.dumps(message, ensure_ascii=False) + "\n")
        channel.flush()

    options = json.loads(sys.stdin.readline())
    zygotes = SharedZygote(lambda base: send({"op": "sandbox", "dir": str(base)}))
    try:
        kwargs = grade_options(options)
        warm_up(options)
        send({"op": "ready", "pid": os.getpid()})
        for line in sys.stdin:
            job = json.loads(line)
            if job.get("op") != "grade":
                break
            try:
                record = grade_one(job, options, kwargs, zygotes)
            except Fatal as exc:
                from grader.classroom.records import both

                send({"op": "fatal", "key": job["key"], "error": both(exc.messages)})
                break
            send({"op": "done", "key": job["key"], "record": record})
    except Exception as exc:  # noqa: BLE001 - reported to the pool, which stops cleanly
        send({"op": "error", "error": repr(exc)[:500]})
        raise
    finally:
        zygotes.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
