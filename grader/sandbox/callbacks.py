"""Reference callbacks: the grader's own code answering a worker, on arguments the student chose.

استدعاءات الحل المرجعي: شيفرة المصحِّح نفسها تجيب عملية التشغيل، على مُدخَلات اختارها الطالب.

Stage isolation replaces the functions an exercise calls by the reference, which runs in the
grader's process. The student chooses its arguments, so every answer is bounded:

* arguments: at most :data:`CALLBACK_ARRAY_BYTES` of array data (honest ones are a few kB);
* memory: the address space may grow by at most :data:`CALLBACK_MEMORY_BYTES` while it runs
  (a broadcast of shapes ``(n, 1)`` and ``(1, m)`` would otherwise take gigabytes);
* time: an interval timer interrupts it at the call's deadline, or after
  :data:`CALLBACK_SECONDS` (between two numpy operations; with the bounds above one operation
  is a fraction of a second), so callbacks cannot stretch a call past its time limit;
* size of the answer: at most the reply limit of the call.
"""

import resource
import signal
import threading
import time

import numpy as np

from . import protocol

CALLBACK_ARRAY_BYTES = 1024 * 1024
CALLBACK_MEMORY_BYTES = 256 * 1024 * 1024
CALLBACK_SECONDS = 2.0


class CallbackTimeUp(BaseException):
    """The time of a reference callback is up (a BaseException: reference code never catches it)."""


def array_bytes(value, depth=0):
    """Bytes of the arrays in a (nested) value."""
    if isinstance(value, np.ndarray):
        return value.nbytes
    if depth > protocol.MAX_DEPTH:
        return 0
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return sum(array_bytes(v, depth + 1) for v in value)
    return 0


class MemoryBudget:
    """Lower this process's address-space limit to its current size plus ``extra`` bytes.

    A huge allocation then raises ``MemoryError`` (reported to the student's code as a failed
    reference call) instead of swapping or getting the grader killed. The previous limit is
    restored on exit. Where the limit cannot be read or set (not Linux), nothing is capped.
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


class TimeLimit:
    """Raise :class:`CallbackTimeUp` in this thread after ``seconds`` (main thread only).

    Elsewhere (another thread, no ``setitimer``) nothing is interrupted; the call's deadline is
    still checked between messages.
    """

    def __init__(self, seconds):
        self.seconds = max(0.001, float(seconds))
        self.previous = None
        self.armed = False

    def _fire(self, signum, frame):
        raise CallbackTimeUp()

    def __enter__(self):
        if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.armed = True
        return self

    def __exit__(self, *exc):
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            previous = self.previous if self.previous is not None else signal.SIG_DFL
            signal.signal(signal.SIGALRM, previous)
            self.armed = False
        return False


class WorkerRandomState:
    """Run a reference callee on the worker's NumPy random stream, then restore this process's.

    A stage-isolated callee that draws random numbers (Week 3's ``initialize_parameters`` does
    not seed) must draw what the student's own function would have drawn in the worker. The
    worker sends its legacy state (``[position, keys, has_gauss, cached]``, the 624 ``uint32``
    keys as one wire-format array; untrusted: checked here) and gets the new one back in
    ``after``. A malformed state is the worker's doing: the callee then draws from a throwaway
    stream (seed 0) and ``after`` stays None, so the grader's own stream is neither read nor
    advanced by anything the worker sends.
    """

    def __init__(self, incoming):
        self.incoming = incoming
        self.saved = None
        self.valid = False
        self.after = None

    def __enter__(self):
        import numpy as np

        self.saved = np.random.get_state()
        try:
            position, keys, has_gauss, cached = self.incoming
            # Only 624 keys are decoded: a bigger array in the frame is refused unread.
            if not isinstance(keys, dict) or keys.get("shape") != [624]:
                raise ValueError("bad random state")
            keys = protocol.decode(keys)
            if (not isinstance(keys, np.ndarray) or keys.dtype != np.uint32
                    or keys.shape != (624,) or not 0 <= int(position) <= 624):
                raise ValueError("bad random state")
            np.random.set_state(("MT19937", keys, int(position), int(has_gauss) & 1,
                                 float(cached)))
            self.valid = True
        except (TypeError, ValueError, OverflowError):
            np.random.seed(0)
        return self

    def __exit__(self, *exc):
        import numpy as np

        if self.saved is not None:
            try:
                if self.valid:
                    _name, keys, position, has_gauss, cached = np.random.get_state()
                    self.after = [int(position), protocol.encode(keys), int(has_gauss),
                                  float(cached)]
            finally:
                # Whatever happens while the worker's state is read, the grader's own stream
                # comes back.
                np.random.set_state(self.saved)
                self.saved = None
        return False


def answer(function, message, limit, deadline):
    """Run the reference ``function`` for a worker's ``callback`` message.

    Parameters
    ----------
    function : callable
        The reference function.
    message : dict
        The worker's message (untrusted): ``args`` and ``kwargs`` in the wire format.
    limit : int
        The largest reply the worker may receive, bytes.
    deadline : float
        ``time.monotonic()`` value at which the whole call ends.

    Returns
    -------
    dict
        A ``callback_result`` or ``callback_error`` message.

    Raises
    ------
    CallbackTimeUp
        When the call's deadline passed while the reference ran (the call has timed out).
    """
    try:
        args = protocol.decode(message.get("args", []))
        kwargs = protocol.decode(message.get("kwargs", {"$": "dict", "items": []}))
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            raise TypeError("bad arguments")
        if not all(isinstance(k, str) for k in kwargs):
            raise TypeError("keyword names must be strings")
        if array_bytes(args) + array_bytes(kwargs) > CALLBACK_ARRAY_BYTES:
            raise ValueError(
                f"the arguments hold more than {CALLBACK_ARRAY_BYTES} bytes of arrays"
            )
        seconds = min(CALLBACK_SECONDS, deadline - time.monotonic())
        if seconds <= 0:
            raise CallbackTimeUp()
        state = WorkerRandomState(message.get("random_state"))
        try:
            # The timer is disarmed before the memory limit is restored. The worker's random
            # state is put in place outside both, so neither the timer's CallbackTimeUp nor a
            # MemoryError can strike between swapping the grader's stream out and back in.
            with state, MemoryBudget(CALLBACK_MEMORY_BYTES), TimeLimit(seconds):
                value = function(*args, **kwargs)
        except CallbackTimeUp:
            if time.monotonic() >= deadline - 0.01:
                raise
            raise TimeoutError(
                f"the reference took more than {CALLBACK_SECONDS:g} s on these arguments"
            ) from None
        if array_bytes(value) > limit:
            raise MemoryError("the result is too large to send")
        return {"op": "callback_result", "value": protocol.encode(value),
                "random_state": state.after}
    except Exception as exc:  # noqa: BLE001 - the reference rejected the student's arguments
        from ..feedback import sanitize

        return {"op": "callback_error", "message": f"{type(exc).__name__}: {sanitize(exc, 300)}"}
